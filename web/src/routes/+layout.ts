import { locale } from '$lib/locale.svelte';
import type { LayoutLoad } from './$types';

// A static single-page app: rendered in the browser, where the chosen language is known.
// Pages without parameters are still prerendered as shells so each has its own HTML file.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';

// Nothing renders before the shared strings of the chosen language are here.
export const load = (async () => {
  await locale.ready;
  return {};
}) satisfies LayoutLoad;
