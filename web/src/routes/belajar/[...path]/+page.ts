import { error, redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';
// The learner's API client, which every view below uses: in this route's chunk (`belajar` in
// vite.config.ts), not a file of its own (under 1 kB, it would travel uncompressed).
import '$lib/learning/client';

/**
 * /belajar, /belajar/<code>, /belajar/<code>/<lesson> and /belajar/<code>/kuiz are one route
 * whose views load on demand. One route, not four: every route adds its entry to the manifest
 * that every page of the site downloads, and the catalogue pages are within a few hundred
 * bytes of their 50 kB budget. The views are ordinary components, each its own chunk, so the
 * lesson player still downloads only itself.
 */
export const prerender = false;

const views = {
  home: () => import('./MyLearning.svelte'),
  course: () => import('./Course.svelte'),
  lesson: () => import('./Lesson.svelte'),
  quiz: () => import('./Quiz.svelte'),
};

export const load = (async ({ params }) => {
  const [rawCode, lessonId, ...rest] = params.path.split('/').filter(Boolean);
  const code = rawCode?.toUpperCase();
  // Codes are upper case; a hand-typed /belajar/cs-301 still arrives.
  if (rawCode && code !== rawCode) redirect(308, `/belajar/${[code, lessonId].filter(Boolean).join('/')}`);
  if (rest.length || (code && !/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(code)) || (lessonId && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(lessonId))) {
    error(404, { message: '', code: 'ROUTE_NOT_FOUND' });
  }
  const view = !code ? 'home' : !lessonId ? 'course' : lessonId === 'kuiz' ? 'quiz' : 'lesson';
  return { view, code: code ?? '', lessonId: lessonId ?? '', View: (await views[view]()).default };
}) satisfies PageLoad;
