import type { PageLoad } from './$types';

/**
 * The page is a component loaded here rather than the route's own: the manifest that every
 * page of the site downloads then names one file for this route instead of all its chunks
 * and styles (the catalogue pages are at their 50 kB budget).
 */
export const prerender = false;

export const load = (async () => ({ View: (await import('./Dashboard.svelte')).default })) satisfies PageLoad;
