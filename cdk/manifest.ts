/**
 * What the stack derives from a functions/contexts.ts entry: which routes need a signed-in user
 * and, from that, which configuration and secrets its function gets.
 */
import type { ContextManifest } from '../functions/contexts';

/** Routes of the context that need a signed-in user: every route not listed in `publicRoutes`. */
export function signedInRoutes(context: ContextManifest): string[] {
  return context.routes.filter((route) => !isPublicRoute(context, route));
}

export function isPublicRoute(context: ContextManifest, route: string): boolean {
  return Object.hasOwn(context.publicRoutes ?? {}, route);
}

/** The function verifies tokens itself (functions/core/auth.ts): OIDC_ISSUER and OIDC_CLIENT_ID. */
export function needsTokenVerification(context: ContextManifest): boolean {
  return signedInRoutes(context).length > 0;
}

/**
 * The function may read or write personal-data lookup items (functions/core/pii.ts) and so gets
 * the HMAC key: every context that writes the table or serves signed-in users.
 */
export function needsPiiKey(context: ContextManifest): boolean {
  return context.table === 'write' || needsTokenVerification(context);
}

/** Throws on a manifest entry the stack cannot build safely (e.g. a public route that is not a route). */
export function validateContext(context: ContextManifest): void {
  for (const [route, reason] of Object.entries(context.publicRoutes ?? {})) {
    if (!context.routes.includes(route)) {
      throw new Error(`functions/contexts.ts: "${context.name}" lists "${route}" in publicRoutes but not in routes`);
    }
    if (!reason.trim()) {
      throw new Error(`functions/contexts.ts: public route "${route}" of "${context.name}" needs a reason`);
    }
  }
}
