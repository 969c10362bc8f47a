import { error, redirect } from '@sveltejs/kit';
import { ApiError, call, catalogue, categories, programmes } from '$lib/api';
import type { PageLoad } from './$types';

export const prerender = false;

export const load = (async ({ params }) => {
  // Codes are upper case; a hand-typed /kursus/da-301 still arrives.
  const code = params.code.toUpperCase();
  if (code !== params.code) redirect(308, `/kursus/${code}`);
  try {
    const [{ course }, programmeList, categoryList] = await Promise.all([
      call(catalogue.courses[':code'].$get({ param: { code } })),
      // Labels only: the page still works with the ids if these fail.
      programmes().catch(() => []),
      categories().catch(() => []),
    ]);
    return {
      course,
      programme: programmeList.find((p) => p.id === course.programme),
      category: categoryList.find((c) => c.id === course.category),
    };
  } catch (err) {
    if (err instanceof ApiError) {
      // A malformed code cannot name a course: the same "not found" as an unknown one.
      if (err.code === 'COURSE_NOT_FOUND' || err.code === 'VALIDATION_FAILED') {
        error(404, { message: err.message, code: 'COURSE_NOT_FOUND' });
      }
      error(err.status || 503, { message: err.message, code: err.code });
    }
    throw err;
  }
}) satisfies PageLoad;
