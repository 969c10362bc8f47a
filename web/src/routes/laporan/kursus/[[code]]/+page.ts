import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/**
 * /laporan/kursus (the index) and /laporan/kursus/<code> (one course): one route, and its page
 * a component loaded here, so the manifest every page downloads names one file for it (the
 * catalogue pages are at their 50 kB budget).
 */
export const prerender = false;

export const load = (async ({ params }) => {
  const code = params.code?.toUpperCase();
  if (params.code && code !== params.code) redirect(308, `/laporan/kursus/${code}`);
  return { code: code ?? '', View: (await import('./Report.svelte')).default };
}) satisfies PageLoad;
