/**
 * Who is signed in, for the navbar: a name and the roles held, read from sessionStorage.
 * Deliberately tiny, because every page loads it: the tokens, the OpenID client and the
 * account menu live in $lib/auth/ (which also writes this) and load only when needed.
 */
import type { Role } from '$functions/core/access';

export type SignedIn = { name: string; roles: Role[] };

export const SESSION_KEY = 'latih.session';

function stored(): SignedIn | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY)!);
  } catch {
    return null;
  }
}

export const session: { user: SignedIn | null } = $state({ user: stored() });
