import { error, redirect } from '@sveltejs/kit';
import { ApiError, call } from '$lib/api';
import { publicCertificates } from '$lib/certificates/client';
import type { PageLoad } from './$types';

export const prerender = false;

/**
 * The API reads the number as a person may have typed it (case, spaces, missing dashes) and
 * answers with the canonical one, where a hand-typed address then lands. Unknown and malformed
 * numbers get the same "not found", shown by the page itself: an error page of this route would
 * be downloaded with every verification (page weight).
 */
export const load = (async ({ params }) => {
  try {
    const cert = await call(publicCertificates.certificates.verify[':number'].$get({ param: { number: params.number } }));
    if (cert.number !== params.number) redirect(308, `/sahkan/${cert.number}`);
    return { cert };
  } catch (err) {
    if (err instanceof ApiError) {
      if (err.code === 'CERTIFICATE_NOT_FOUND' || err.code === 'VALIDATION_FAILED') return { cert: null };
      error(err.status || 503, { message: err.message, code: err.code });
    }
    throw err;
  }
}) satisfies PageLoad;
