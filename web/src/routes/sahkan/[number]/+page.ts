import { error, redirect } from '@sveltejs/kit';
import { normaliseCertificateNumber } from '$functions/certificates/number-format';
import { ApiError, call } from '$lib/api';
import { publicCertificates } from '$lib/certificates/client';
import type { PageLoad } from './$types';

export const prerender = false;

export const load = (async ({ params }) => {
  const number = normaliseCertificateNumber(params.number);
  // A hand-typed or differently written number lands on its canonical address.
  if (number && number !== params.number) redirect(308, `/sahkan/${number}`);
  try {
    if (!number) throw new ApiError(404, 'CERTIFICATE_NOT_FOUND', '');
    return { cert: await call(publicCertificates.certificates.verify[':number'].$get({ param: { number } })) };
  } catch (err) {
    if (err instanceof ApiError) {
      // The same "not found" for an unknown number and for one that cannot be a number.
      if (err.code === 'CERTIFICATE_NOT_FOUND' || err.code === 'VALIDATION_FAILED') error(404, { message: err.message, code: 'CERTIFICATE_NOT_FOUND' });
      error(err.status || 503, { message: err.message, code: err.code });
    }
    throw err;
  }
}) satisfies PageLoad;
