/**
 * The local OpenID provider: what the Cognito user pool (and its hosted login) is in AWS, run
 * on a laptop with the demo accounts, so the web app and the API take exactly the same path
 * locally and in AWS: authorization code + PKCE from a public client, then JWT access tokens
 * verified against the issuer's JWKS (functions/core/auth.ts).
 *
 * Shaped like Cognito where the app can tell:
 * - one public app client: no secret, PKCE (S256) required, code + refresh_token grants;
 *   a refresh token with every code exchange, as Cognito gives one (no `offline_access`
 *   needed, and no consent screen, which OIDC would demand for it);
 * - access tokens are RS256 JWTs carrying `client_id`, `token_use: access`, `scope`, `sub`,
 *   `iss`, `iat`, `exp` (plus an `aud`, which oidc-provider requires and Cognito lacks: verify
 *   `client_id`, not `aud`);
 * - ID tokens carry `name`, `email` (when the person has one) and `kind`;
 * - 15 min access and ID tokens, 8 h refresh tokens and sessions.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { DemoAccount } from './accounts';
import { ACCOUNT_ADMIN_PATH, handleAccountAdmin } from './admin';
import { ImportedAccounts } from './imported';
import { FailedLoginLimiter, defaultRateLimit, handleInteraction, type RateLimit } from './interactions';
import { loadOrCreateSigningKeys } from './keys';
import { LANG_COOKIE, asLang, errorPage, loggedOutPage, logoutPage, parseCookies, contentSecurityPolicy, type Lang } from './pages';

/** The API as a resource server: the audience of every access token. */
export const API_RESOURCE = 'urn:latih:api';

/** Scopes the API's access tokens carry, as a Cognito app client's do. */
const API_SCOPES = 'openid profile email';

/** Cognito's JWKS location relative to the issuer (functions/core/config.ts defaults to it). */
const JWKS_PATH = '/.well-known/jwks.json';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export type OidcProviderOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1; the issuer is `http://<host>:<port>`. */
  host?: string;
  accounts: DemoAccount[];
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Persist the signing key here (e.g. `.data/oidc-keys.json`); in memory when omitted. */
  keysFile?: string;
  /** Failed logins per username and IP; defaults to 10 a minute. */
  rateLimit?: RateLimit;
  /** Keep accounts created by imports here (e.g. `.data/oidc-imported-accounts.json`); in memory when omitted. */
  importedAccountsFile?: string;
  /** Secret of the account-admin endpoint (admin.ts); without it the endpoint refuses everyone. */
  adminSecret?: string;
};

export type OidcProvider = {
  issuer: string;
  jwksUri: string;
  /** Where imports create accounts (ACCOUNT_ADMIN_URL). */
  accountAdminUrl: string;
  stop(): Promise<void>;
};

function langOf(ctx: KoaContextWithOIDC): Lang {
  return asLang(parseCookies(ctx.headers.cookie).get(LANG_COOKIE)) ?? 'ms';
}

function providerConfiguration(options: OidcProviderOptions, jwks: { keys: object[] }, webOrigin: string | undefined, imported: ImportedAccounts): Configuration {
  const bySub = new Map(options.accounts.map((a) => [a.sub, a]));
  const webOrigins = new Set(options.redirectUris.map((uri) => new URL(uri).origin));
  return {
    clients: [
      {
        client_id: options.clientId,
        client_name: 'Latih',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
      },
    ],
    jwks,
    // Random per start: sessions live in memory and end with the process anyway.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'kind'],
      email: ['email', 'email_verified'],
    },
    // Put the profile claims in the ID token itself (as Cognito does), not only at /me.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    ttl: {
      AccessToken: 15 * MINUTE,
      IdToken: 15 * MINUTE,
      RefreshToken: 8 * HOUR,
      Session: 8 * HOUR,
      Grant: 8 * HOUR,
      Interaction: HOUR,
      AuthorizationCode: MINUTE,
    },
    discovery: { ui_locales_supported: ['ms', 'en'] },
    // Where Cognito publishes its keys, so the API's default JWKS location fits both.
    routes: { jwks: JWKS_PATH },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = bySub.get(sub) ?? importedClaims(imported, sub);
      if (!account) return undefined;
      return {
        accountId: account.sub,
        claims: () => ({
          sub: account.sub,
          name: account.name,
          kind: account.kind,
          ...(account.email ? { email: account.email, email_verified: true } : {}),
        }),
      };
    },
    extraTokenClaims: (_ctx, token) => (token.kind === 'AccessToken' ? { token_use: 'access' } : undefined),
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // The SPA calls /token (and /token/revocation) with fetch from its own origin.
    clientBasedCORS: (_ctx, origin, client) => client.clientId === options.clientId && webOrigins.has(origin),
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.set('content-security-policy', contentSecurityPolicy);
      ctx.body = errorPage(langOf(ctx), out, webOrigin);
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        // Keep the API as the audience on every exchange, even when the openid scope would
        // otherwise steer the token to /me.
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resource) {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPES,
            audience: API_RESOURCE,
            accessTokenTTL: 15 * MINUTE,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          const { html, scriptHash } = logoutPage(langOf(ctx), form);
          ctx.type = 'html';
          ctx.set('content-security-policy', `${contentSecurityPolicy}; script-src '${scriptHash}'`);
          ctx.body = html;
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.set('content-security-policy', contentSecurityPolicy);
          ctx.body = loggedOutPage(langOf(ctx), webOrigin);
        },
      },
    },
  };
}

/** An imported account in the demo accounts' claim shape (no kind: the profile says it). */
function importedClaims(imported: ImportedAccounts, sub: string) {
  const a = imported.bySub(sub);
  return a ? { sub: a.sub, name: a.name, kind: undefined, email: a.email } : undefined;
}

/**
 * Starts the provider on its own HTTP server and resolves once it listens. `stop()` closes
 * the server and every open connection.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  const host = options.host ?? '127.0.0.1';
  const jwks = await loadOrCreateSigningKeys(options.keysFile);
  const webOrigin = options.redirectUris[0] ? new URL(options.redirectUris[0]).origin : undefined;

  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const server = createServer((req, res) => {
    if (!handle) return void res.writeHead(503).end();
    handle(req, res).catch((err: unknown) => {
      console.error('[oidc] interaction failed:', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Ralat dalaman / Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  // The issuer needs the port, known for sure only once listening (port 0 picks one).
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const imported = new ImportedAccounts(options.importedAccountsFile);
  const provider = new Provider(issuer, providerConfiguration(options, jwks, webOrigin, imported));
  provider.on('server_error', (_ctx: unknown, err: unknown) => console.error('[oidc] server error:', err));
  const interactionContext = {
    provider,
    accounts: options.accounts,
    imported,
    clientId: options.clientId,
    limiter: new FailedLoginLimiter(options.rateLimit ?? defaultRateLimit),
    webOrigin,
  };
  const callback = provider.callback();
  handle = async (req, res) => {
    if (await handleAccountAdmin({ accounts: imported, secret: options.adminSecret }, req, res)) return;
    if (await handleInteraction(interactionContext, req, res)) return;
    await callback(req, res);
  };

  let stopped: Promise<void> | undefined;
  return {
    issuer,
    jwksUri: `${issuer}${JWKS_PATH}`,
    accountAdminUrl: `${issuer}${ACCOUNT_ADMIN_PATH}`,
    stop: () =>
      (stopped ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })),
  };
}
