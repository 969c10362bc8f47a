/**
 * Typed clients of the certificates routes (functions/certificates/routes.ts, mounted at /api):
 * public verification without a token, the learner's own certificates with it.
 */
import type { CertificatesApi } from '$functions/certificates/routes';
import { hc } from '$lib/hc';
import { locale } from '$lib/locale.svelte';

const headers = () => ({ 'Accept-Language': locale.lang });

/** Verification: no token, so a visitor without an account is never asked to sign in. */
export const publicCertificates = hc<CertificatesApi>('/api', { headers });

/** My certificates: with the bearer token (loaded only on /sijil). */
export async function myCertificates() {
  const { authorizedFetch } = await import('$lib/auth/tokens');
  return hc<CertificatesApi>('/api', { headers, fetch: authorizedFetch });
}
