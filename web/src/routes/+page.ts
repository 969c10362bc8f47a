import { programmes } from '$lib/api';
import type { PageLoad } from './$types';

// Not awaited: the page shows at once and the programme cards arrive when ready.
export const load = (() => ({ programmes: programmes() })) satisfies PageLoad;
