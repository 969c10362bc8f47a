/**
 * Typed clients of the identity and audit routes, as the catalogue's (`$lib/api`): paths,
 * parameters and bodies come from the API's own route types, so a renamed field breaks
 * `npm run web:check`. Requests carry the bearer token (./tokens.ts); errors go through the
 * one helper, `call()` in $lib/api.
 */
import type { auditRoutes } from '$functions/audit/routes';
import type { IdentityApi } from '$functions/identity/routes';
import type { LearningApi } from '$functions/learning/routes';
import { hc } from '$lib/hc';
import { locale } from '$lib/locale.svelte';
import { authorizedFetch } from './tokens';

const options = {
  fetch: authorizedFetch,
  // Error messages (field problems included) come back in the UI language.
  headers: () => ({ 'Accept-Language': locale.lang }),
};

/**
 * Without the token: what the sign-in itself asks (`/api/auth/config`). Through `identity`,
 * renewing a token would wait for itself.
 */
export const publicIdentity = hc<IdentityApi>('/api', { headers: options.headers });

/** GET /api/me, /api/users/:id, … (functions/identity/routes.ts, mounted at /api). */
export const identity = hc<IdentityApi>('/api', options);

/** GET /api/audit, /api/audit/verify (functions/audit/routes.ts, mounted at /api). */
export const audit = hc<ReturnType<typeof auditRoutes>>('/api', options);

/**
 * The learning routes as the staff pages call them (coordinator dashboard, course reports):
 * here, in the chunk those pages load anyway. The learner's own views use $lib/learning/client
 * (with idempotency keys), which the /belajar route loads with itself.
 */
export const learning = hc<LearningApi>('/api', options);
