/**
 * Signing in with OpenID Connect: authorization code + PKCE (S256) from a public client, with
 * oauth4webapi. The API says where (`GET /api/auth/config`: the issuer and client id: the
 * local provider of `npm start`, Cognito in AWS); the provider's discovery document says how.
 *
 *   signIn()        state + PKCE verifier to sessionStorage, then off to the provider's login
 *   completeSignIn  on /auth/callback: check state, exchange the code, keep the tokens, read
 *                   /api/me, and answer where to land (./home.ts)
 *   renewTokens     the refresh token grant (./tokens.ts calls it before expiry and on a 401)
 */
import * as oauth from 'oauth4webapi';
import { goto } from '$app/navigation';
import { call } from '$lib/api';
import { locale } from '$lib/locale.svelte';
import { remember } from './session';
import { identity, publicIdentity } from './client';
import { readTokens, writeTokens, type Tokens } from './tokens';

const PENDING_KEY = 'latih.login';

type Pending = { state: string; verifier: string; returnTo?: string };

type Provider = {
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  scope: string;
  /** Where to sign out when the issuer has no end_session_endpoint (Cognito's hosted /logout). */
  logoutUrl?: string;
  options: { [oauth.allowInsecureRequests]?: boolean };
};

let providerOnce: Promise<Provider> | undefined;

/** The provider's metadata, once per page load (and again after a failure). */
function provider(): Promise<Provider> {
  providerOnce ??= (async () => {
    const config = await call(publicIdentity.auth.config.$get());
    const issuer = new URL(config.issuer);
    // Plain HTTP only for the local provider of `npm start` (127.0.0.1 or localhost).
    const local = issuer.protocol === 'http:' && (issuer.hostname === '127.0.0.1' || issuer.hostname === 'localhost');
    const options = local ? { [oauth.allowInsecureRequests]: true } : {};
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oidc' }));
    return { as, client: { client_id: config.clientId }, scope: config.scope, ...(config.logoutUrl ? { logoutUrl: config.logoutUrl } : {}), options };
  })().catch((err: unknown) => {
    providerOnce = undefined;
    throw err;
  });
  return providerOnce;
}

const redirectUri = () => `${location.origin}/auth/callback`;

/** Only a page of this site (not `//elsewhere`, not `/\\elsewhere`): never an open redirect. */
function safePath(path: string | undefined): string | undefined {
  if (!path?.startsWith('/') || path.startsWith('/auth/')) return undefined;
  const url = new URL(path, location.origin);
  return url.origin === location.origin ? url.pathname + url.search : undefined;
}

/**
 * Sends the person to the provider's login page. `returnTo`: the page that asked for a
 * sign-in (after a 401); without it the person lands on the home of their role.
 */
export async function signIn(options: { returnTo?: string } = {}): Promise<void> {
  const { as, client, scope } = await provider();
  if (!as.authorization_endpoint) throw new Error('the provider has no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const returnTo = safePath(options.returnTo);
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ui_locales: locale.lang,
    // Cognito's hosted login reads `lang`, not ui_locales.
    lang: locale.lang,
  }).toString();
  // Stored right before leaving: of two quick clicks, the state kept is the one that goes.
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, verifier, ...(returnTo ? { returnTo } : {}) } satisfies Pending));
  location.assign(url);
}

/** `signIn` that never throws: when the provider cannot be reached, the callback page says so. */
export function startSignIn(options: { returnTo?: string } = {}) {
  signIn(options).catch(() => goto('/auth/callback?error=unreachable'));
}

function keep(result: oauth.TokenEndpointResponse, p: Provider, previous?: Tokens | null): Tokens {
  const tokens: Tokens = {
    access: result.access_token,
    // A refresh answer may omit the ID and refresh tokens (Cognito does): keep the old ones.
    ...((result.id_token ?? previous?.id) ? { id: result.id_token ?? previous?.id } : {}),
    ...((result.refresh_token ?? previous?.refresh) ? { refresh: result.refresh_token ?? previous?.refresh } : {}),
    expiresAt: Date.now() + (result.expires_in ?? 300) * 1000,
    ...(p.as.end_session_endpoint ? { endSession: p.as.end_session_endpoint } : {}),
    ...(p.logoutUrl ? { logoutUrl: p.logoutUrl } : {}),
    clientId: p.client.client_id,
  };
  writeTokens(tokens);
  return tokens;
}

/** Why a sign-in could not complete, for the callback page to explain. */
export type SignInProblem = 'cancelled' | 'expired' | 'failed' | 'unreachable';

export class SignInError extends Error {
  override name = 'SignInError';
  constructor(readonly problem: SignInProblem) {
    super(problem);
  }
}

/** On /auth/callback: finishes the sign-in and answers the path to go to. */
export async function completeSignIn(url: URL): Promise<string> {
  let pending: Pending | null = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
  } catch {
    // Unreadable: treated as no sign-in in progress.
  }
  sessionStorage.removeItem(PENDING_KEY);
  if (url.searchParams.get('error') === 'unreachable') throw new SignInError('unreachable');
  // Reloaded, or opened from history: the code was used already (or never ours).
  if (!pending) throw new SignInError(readTokens() ? 'expired' : 'failed');

  const p = await provider();
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(p.as, p.client, url, pending.state);
  } catch (err) {
    if (err instanceof oauth.AuthorizationResponseError && err.error === 'access_denied') throw new SignInError('cancelled');
    throw new SignInError('failed');
  }
  const response = await oauth.authorizationCodeGrantRequest(p.as, p.client, oauth.None(), params, redirectUri(), pending.verifier, p.options);
  let result: oauth.TokenEndpointResponse;
  try {
    result = await oauth.processAuthorizationCodeResponse(p.as, p.client, response, { requireIdToken: true });
  } catch {
    // An expired or replayed code, most often: start again.
    throw new SignInError('expired');
  }
  keep(result, p);
  const claims = oauth.getValidatedIdTokenClaims(result);
  const me = await call(identity.me.$get());
  const name = me.profile?.name ?? (typeof claims?.name === 'string' ? claims.name : undefined) ?? (typeof claims?.email === 'string' ? claims.email : '');
  remember({ name, roles: [...new Set(me.assignments.map((a) => a.role))] });
  // The role pages' table (./home, with the access rules) loads here, not with the sign-in button.
  const { homeFor } = await import('./home');
  return me.profile ? (safePath(pending.returnTo) ?? homeFor(me)) : homeFor(me);
}

/** The refresh token grant; null when there is nothing to renew with. */
export async function renewTokens(): Promise<Tokens | null> {
  const previous = readTokens();
  if (!previous?.refresh) return null;
  const p = await provider();
  const response = await oauth.refreshTokenGrantRequest(p.as, p.client, oauth.None(), previous.refresh, p.options);
  return keep(await oauth.processRefreshTokenResponse(p.as, p.client, response), p, previous);
}
