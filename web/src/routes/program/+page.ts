import { programmesState } from '$lib/components/programmes.svelte';
import type { PageLoad } from './$types';

export const load = (() => ({ programmes: programmesState() })) satisfies PageLoad;
