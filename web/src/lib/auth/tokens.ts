/**
 * The signed-in person's tokens, kept in sessionStorage (this tab only, gone when it closes;
 * the XSS trade-off is in web/README.md), and the fetch that the API clients use: it adds
 * `Authorization: Bearer`, renews the access token shortly before it expires, and on a 401
 * renews once more and then sends the person to sign in.
 *
 * The OpenID client (oauth4webapi) is loaded only to renew or to sign in: a page that only
 * reads with a fresh token never downloads it.
 */
import { remember } from './session';

export type Tokens = {
  access: string;
  id?: string;
  refresh?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** From discovery, for signing out without loading the OpenID client again. */
  endSession?: string;
  /** The API's sign-out address, used instead of endSession when given (Cognito has none). */
  logoutUrl?: string;
  clientId: string;
};

const KEY = 'latih.tokens';
/** Renew when less than this is left, so a request never leaves with a token about to lapse. */
const RENEW_BEFORE_MS = 60_000;

export function readTokens(): Tokens | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Tokens | null;
    return typeof value?.access === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeTokens(tokens: Tokens | null) {
  try {
    if (tokens) sessionStorage.setItem(KEY, JSON.stringify(tokens));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the person will be asked to sign in again on the next page.
  }
}

let renewing: Promise<Tokens | null> | undefined;

/**
 * Renews with the refresh token; null when there is none or the provider refused it. One
 * renewal at a time: refresh tokens rotate, so a second one racing with the same token fails.
 */
export function renew(): Promise<Tokens | null> {
  renewing ??= import('./oidc')
    .then((oidc) => oidc.renewTokens())
    .catch(() => null)
    .finally(() => (renewing = undefined));
  return renewing;
}

/** A usable access token, renewed first when it is about to expire; null when signed out. */
export async function accessToken(): Promise<string | null> {
  const tokens = readTokens();
  if (!tokens) return null;
  if (tokens.expiresAt - Date.now() > RENEW_BEFORE_MS) return tokens.access;
  return (await renew())?.access ?? null;
}

/** Never settles: the page is being replaced by the sign-in page. */
const leaving = () => new Promise<never>(() => undefined);

async function toSignIn(): Promise<never> {
  forget();
  (await import('./oidc')).startSignIn({ returnTo: location.pathname + location.search });
  return leaving();
}

function withToken(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/**
 * `fetch` for the API clients. Public routes work signed out (no header is added); a 401
 * means the token is missing, expired or revoked: renew once, retry, else sign in again.
 */
export async function authorizedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, withToken(init, await accessToken()));
  if (response.status !== 401) return response;
  const renewed = readTokens() ? await renew() : null;
  if (renewed) {
    const retried = await fetch(input, withToken(init, renewed.access));
    if (retried.status !== 401) return retried;
  }
  return toSignIn();
}

/** Signed out in this tab: tokens and the navbar's name gone. */
export function forget() {
  writeTokens(null);
  remember(null);
}
