import { programmesState } from '$lib/components/programmes.svelte';
import type { PageLoad } from './$types';

// Not awaited: the page shows at once and the programme cards fill in when they arrive.
export const load = (() => ({ programmes: programmesState() })) satisfies PageLoad;
