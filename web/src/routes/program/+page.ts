import { programmes } from '$lib/api';
import type { PageLoad } from './$types';

export const load = (() => ({ programmes: programmes() })) satisfies PageLoad;
