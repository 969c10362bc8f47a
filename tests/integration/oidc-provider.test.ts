/**
 * The local OpenID provider, driven the way the web app drives Cognito: discovery, an
 * authorization request with PKCE (S256), our login page, the code exchange, then the access
 * token verified against the JWKS exactly as the API does. HTTP from Node with a small
 * cookie jar stands in for the browser; the browser tests walk the same pages in Chromium.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../functions/core/auth';
import { loadDemoAccounts, orgUnitIds, type DemoAccount } from '../../functions/local/oidc/accounts';
import { API_RESOURCE, startOidcProvider, type OidcProvider } from '../../functions/local/oidc/provider';
import { localLoginAccounts } from '../../functions/identity/login-accounts';
import { choosePort } from '../../functions/local/services';

const repo = resolve(import.meta.dirname, '../..');
const accounts = loadDemoAccounts(join(repo, 'content/demo/accounts.yaml'), { orgIds: orgUnitIds(join(repo, 'content/org')) });
const CLIENT_ID = 'latih-web-test';
const WEB = 'http://127.0.0.1:5999';
const REDIRECT_URI = `${WEB}/auth/callback`;
const POST_LOGOUT_URI = `${WEB}/`;
const insecure = { [oauth.allowInsecureRequests]: true } as const;
const client: oauth.Client = { client_id: CLIENT_ID };

const account = (username: string): DemoAccount => {
  const found = accounts.find((a) => a.username === username);
  if (!found) throw new Error(`no demo account ${username}`);
  return found;
};

/** A browser's cookie handling, reduced to what these flows need (one host, no expiry). */
class Browser {
  readonly cookies = new Map<string, string>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  post(url: string | URL, form: Record<string, string>): Promise<Response> {
    return this.fetch(url, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Follows redirects on the provider until one leaves it (to the web app); returns that URL. */
  async followToApp(start: Response, base: string): Promise<URL> {
    let res = start;
    for (let hop = 0; hop < 10; hop++) {
      expect([302, 303], `hop ${hop}: ${res.status} ${await res.clone().text()}`).toContain(res.status);
      const next = new URL(res.headers.get('location')!, base);
      if (next.origin !== new URL(base).origin) return next;
      res = await this.fetch(next);
    }
    throw new Error('too many redirects');
  }
}

type Started = { op: OidcProvider; as: oauth.AuthorizationServer };

async function start(options: { keysFile?: string; port?: number; importedAccountsFile?: string; adminSecret?: string } = {}): Promise<Started> {
  const op = await startOidcProvider({
    port: await choosePort(19400),
    accounts,
    clientId: CLIENT_ID,
    redirectUris: [REDIRECT_URI],
    postLogoutRedirectUris: [POST_LOGOUT_URI],
    ...options,
  });
  const issuer = new URL(op.issuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
  return { op, as };
}

type Authorization = { browser: Browser; url: URL; verifier: string; state: string; nonce: string };

async function authorizationRequest({ as }: Started, extra: Record<string, string> = {}): Promise<Authorization> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid profile email offline_access',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  }).toString();
  return { browser: new Browser(), url, verifier, state, nonce };
}

/** From the authorization request to the login page: returns the interaction URL. */
async function openLoginPage(started: Started, auth: Authorization): Promise<{ interaction: URL; html: string; status: number }> {
  const res = await auth.browser.fetch(auth.url);
  expect(res.status).toBe(303);
  const interaction = new URL(res.headers.get('location')!, started.op.issuer);
  expect(interaction.pathname).toMatch(/^\/interaction\/[\w-]+$/);
  const page = await auth.browser.fetch(interaction);
  return { interaction, html: await page.text(), status: page.status };
}

/** The whole front channel for one account: returns the callback URL parameters. */
async function signIn(started: Started, username: string, extra: Record<string, string> = {}) {
  const auth = await authorizationRequest(started, extra);
  const { interaction } = await openLoginPage(started, auth);
  const login = await auth.browser.post(`${interaction.href}/login`, { username, password: 'demo' });
  const callback = await auth.browser.followToApp(login, started.op.issuer);
  expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
  const params = oauth.validateAuthResponse(started.as, client, callback, auth.state);
  return { ...auth, params };
}

async function exchange(started: Started, signedIn: Awaited<ReturnType<typeof signIn>>, verifier: string | typeof oauth.nopkce = signedIn.verifier) {
  const res = await oauth.authorizationCodeGrantRequest(started.as, client, oauth.None(), signedIn.params, REDIRECT_URI, verifier, insecure);
  return oauth.processAuthorizationCodeResponse(started.as, client, res, { expectedNonce: signedIn.nonce, requireIdToken: true });
}

describe('local OpenID provider', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started?.op.stop());

  it('advertises a code + PKCE (S256) provider with the JWKS, revocation and logout', () => {
    const { as, op } = started;
    expect(as.issuer).toBe(op.issuer);
    expect(op.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(as.jwks_uri).toBe(op.jwksUri);
    // Cognito's location: the API's config defaults to it from the issuer alone.
    expect(op.jwksUri).toBe(`${op.issuer}/.well-known/jwks.json`);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.response_types_supported).toEqual(['code']);
    expect(as.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']));
    expect(as.end_session_endpoint).toBeDefined();
    expect(as.revocation_endpoint).toBeDefined();
  });

  it('signs a learner in with a password, and the API verifier accepts the JWT access token', async () => {
    const learner = account('pelajar-suk');
    const auth = await authorizationRequest(started);
    const { interaction, html, status } = await openLoginPage(started, auth);
    expect(status).toBe(200);
    expect(html).toContain('<html lang="ms">');
    expect(html).toContain('Log Masuk ke Latih');
    expect(html).toContain('Akaun demo — tempatan sahaja');
    expect(html).toContain('role="alert"');
    for (const a of accounts) {
      expect(html).toContain(`Log masuk sebagai ${a.name}`);
      expect(html).toContain(`<code>${a.username}</code>`);
    }
    expect(html).toContain(learner.role.ms);

    const wrong = await auth.browser.post(`${interaction.href}/login`, { username: learner.username, password: 'salah' });
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('Nama pengguna atau kata laluan salah.');
    expect(wrongHtml).toContain('aria-invalid="true"');

    const ok = await auth.browser.post(`${interaction.href}/login`, { username: learner.username, password: 'demo' });
    const callback = await auth.browser.followToApp(ok, started.op.issuer);
    const params = oauth.validateAuthResponse(started.as, client, callback, auth.state);
    expect(params.get('code')).toBeTruthy();

    const tokens = await exchange(started, { ...auth, params });
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(900);
    expect(tokens.refresh_token).toBeTruthy();

    const jwks = createRemoteJWKSet(new URL(started.op.jwksUri));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: started.op.issuer, algorithms: ['RS256'] });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ client_id: CLIENT_ID, token_use: 'access', sub: learner.sub, iss: started.op.issuer, aud: API_RESOURCE });
    expect(String(payload.scope).split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    expect(payload.exp! - payload.iat!).toBe(900);

    // The API's own verifier (functions/core/auth.ts), as it will run against Cognito.
    const verify = createTokenVerifier({ issuer: started.op.issuer, clientId: CLIENT_ID, jwksUrl: started.op.jwksUri });
    await expect(verify(tokens.access_token)).resolves.toMatchObject({ userId: learner.sub });
    const otherClient = createTokenVerifier({ issuer: started.op.issuer, clientId: 'another-client', jwksUrl: started.op.jwksUri });
    await expect(otherClient(tokens.access_token)).rejects.toThrow();

    const id = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(id).toMatchObject({ sub: learner.sub, name: learner.name, email: learner.email, kind: 'civil-servant', aud: CLIENT_ID });
    await jwtVerify(tokens.id_token!, jwks, { issuer: started.op.issuer, audience: CLIENT_ID });
  });

  it('a participant without email gets an ID token without email', async () => {
    const participant = account('peserta-desa');
    expect(participant.email).toBeUndefined();
    const tokens = await exchange(started, await signIn(started, participant.username));
    const id = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(id).toMatchObject({ sub: participant.sub, name: participant.name, kind: 'participant' });
    expect(id).not.toHaveProperty('email');
  });

  it('refuses a code exchange without the code_verifier or with a wrong one', async () => {
    const signedIn = await signIn(started, 'guru');
    await expect(exchange(started, signedIn, oauth.nopkce)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(exchange(started, signedIn, oauth.generateRandomCodeVerifier())).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an authorization request without PKCE, or with the plain method', async () => {
    for (const extra of [{ code_challenge: '', code_challenge_method: '' }, { code_challenge_method: 'plain' }]) {
      const auth = await authorizationRequest(started);
      for (const [k, v] of Object.entries(extra)) {
        if (v === '') auth.url.searchParams.delete(k);
        else auth.url.searchParams.set(k, v);
      }
      const res = await auth.browser.fetch(auth.url);
      expect(res.status).toBe(303);
      const back = new URL(res.headers.get('location')!);
      expect(back.origin + back.pathname).toBe(REDIRECT_URI);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('code')).toBeNull();
    }
  });

  it('shows the login page in English with ?lang=en and remembers the choice', async () => {
    const auth = await authorizationRequest(started);
    const { interaction } = await openLoginPage(started, auth);
    const en = await auth.browser.fetch(`${interaction.href}?lang=en`);
    const html = await en.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Sign in to Latih');
    expect(html).toContain('Demo accounts — local only');
    expect(html).toContain(`Sign in as ${account('kewangan').name}`);
    expect(html).toContain(account('kewangan').role.en);
    expect(html).not.toContain('Log Masuk ke Latih');

    const again = await (await auth.browser.fetch(interaction)).text();
    expect(again).toContain('Sign in to Latih');
    const wrong = await auth.browser.post(`${interaction.href}/login`, { username: 'kewangan', password: 'x' });
    expect(await wrong.text()).toContain('Wrong username or password.');
  });

  it("follows the client's ui_locales when the person has not chosen a language", async () => {
    const { html } = await openLoginPage(started, await authorizationRequest(started, { ui_locales: 'en-GB' }));
    expect(html).toContain('Sign in to Latih');
  });

  it('renews tokens with the refresh token, rotating it', async () => {
    const coordinator = account('penyelaras-sekolah');
    const tokens = await exchange(started, await signIn(started, coordinator.username));
    const res = await oauth.refreshTokenGrantRequest(started.as, client, oauth.None(), tokens.refresh_token!, insecure);
    const renewed = await oauth.processRefreshTokenResponse(started.as, client, res);
    expect(renewed.refresh_token).toBeTruthy();
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    const { payload } = await jwtVerify(renewed.access_token, createRemoteJWKSet(new URL(started.op.jwksUri)), { issuer: started.op.issuer });
    expect(payload).toMatchObject({ sub: coordinator.sub, client_id: CLIENT_ID, token_use: 'access' });
    // The old refresh token was rotated away.
    const reuse = await oauth.refreshTokenGrantRequest(started.as, client, oauth.None(), tokens.refresh_token!, insecure);
    await expect(oauth.processRefreshTokenResponse(started.as, client, reuse)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('lets the web origin, and no other, call the token endpoint from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(started.as.token_endpoint!, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight(WEB)).headers.get('access-control-allow-origin')).toBe(WEB);
    const signedIn = await signIn(started, 'fasilitator');
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code: signedIn.params.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: signedIn.verifier,
    });
    const foreign = await fetch(started.as.token_endpoint!, { method: 'POST', body, headers: { origin: 'http://evil.test' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const fromWeb = await fetch(started.as.token_endpoint!, { method: 'POST', body, headers: { origin: WEB } });
    expect(fromWeb.headers.get('access-control-allow-origin')).toBe(WEB);
  });

  it('locks a username out of one address after 10 failed logins in a minute', async () => {
    const auth = await authorizationRequest(started);
    const { interaction } = await openLoginPage(started, auth);
    for (let i = 0; i < 10; i++) {
      expect((await auth.browser.post(`${interaction.href}/login`, { username: 'juruaudit', password: `salah-${i}` })).status).toBe(401);
    }
    const blocked = await auth.browser.post(`${interaction.href}/login`, { username: 'juruaudit', password: 'demo' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain('Terlalu banyak percubaan log masuk yang gagal.');
    // Another username from the same address is not affected.
    const other = await auth.browser.post(`${interaction.href}/login`, { username: 'pentadbir-platform', password: 'demo' });
    expect(other.status).toBe(303);
  });

  it('aborting returns access_denied to the web app', async () => {
    const auth = await authorizationRequest(started);
    const { interaction } = await openLoginPage(started, auth);
    const back = await auth.browser.followToApp(await auth.browser.fetch(`${interaction.href}/abort`), started.op.issuer);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe(auth.state);
  });

  it('an unknown or expired interaction gets a BM page, not a stack trace', async () => {
    const res = await fetch(`${started.op.issuer}/interaction/does-not-exist`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Sesi log masuk telah tamat');
  });

  it('logs out (RP-initiated) without a confirmation step, then asks for a password again', async () => {
    const signedIn = await signIn(started, 'pentadbir-7-1');
    const tokens = await exchange(started, signedIn);
    const { browser } = signedIn;
    const end = new URL(started.as.end_session_endpoint!);
    end.search = new URLSearchParams({ id_token_hint: tokens.id_token!, post_logout_redirect_uri: POST_LOGOUT_URI, state: 'bye' }).toString();
    const page = await browser.fetch(end);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Log keluar daripada Latih');
    const form = /<form id="op\.logoutForm" method="post" action="([^"]+)"><input type="hidden" name="xsrf" value="([^"]+)"/.exec(html);
    expect(form).not.toBeNull();
    expect(html).toContain('<input type="hidden" form="op.logoutForm" name="logout" value="yes">');
    const confirmed = await browser.post(new URL(form![1]!, started.op.issuer), { xsrf: form![2]!, logout: 'yes' });
    const back = await browser.followToApp(confirmed, started.op.issuer);
    expect(back.href).toBe(`${POST_LOGOUT_URI}?state=bye`);

    // The session is gone: the next authorization request shows the login page again.
    const next = await authorizationRequest(started);
    const res = await browser.fetch(next.url);
    expect(new URL(res.headers.get('location')!, started.op.issuer).pathname).toMatch(/^\/interaction\//);
  });
});

describe('local OpenID provider keys', () => {
  it('persists the signing key so tokens survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'latih-oidc-'));
    const keysFile = join(dir, 'nested', 'oidc-keys.json');
    try {
      const first = await start({ keysFile });
      let accessToken: string;
      try {
        accessToken = (await exchange(first, await signIn(first, 'pentadbir-3-1'))).access_token;
      } finally {
        await first.op.stop();
      }
      expect(statSync(keysFile).mode & 0o777).toBe(0o600);

      // Another port: the test's HTTP client would otherwise reuse a pooled socket of the first.
      const second = await start({ keysFile, port: await choosePort(Number(new URL(first.op.issuer).port) + 1) });
      try {
        const kid = decodeProtectedHeader(accessToken).kid;
        const jwks = (await (await fetch(second.op.jwksUri)).json()) as { keys: { kid: string; d?: string }[] };
        expect(jwks.keys.map((k) => k.kid)).toContain(kid);
        expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
        const { payload } = await jwtVerify(accessToken, createRemoteJWKSet(new URL(second.op.jwksUri)), { issuer: first.op.issuer });
        expect(payload.sub).toBe('demo-programme-admin-3-1');
      } finally {
        await second.op.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stop() frees the port even with a connection kept alive', async () => {
    const { op } = await start();
    const res = await fetch(`${op.issuer}/.well-known/openid-configuration`, { headers: { connection: 'keep-alive' } });
    expect(res.status).toBe(200);
    await op.stop();
    await expect(fetch(`${op.issuer}/.well-known/openid-configuration`)).rejects.toThrow();
  });
});

describe('local OpenID provider: accounts opened by imports', () => {
  const secret = 'a-local-admin-secret-of-at-least-32-chars';
  let dir: string;
  let started: Started;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'latih-oidc-imported-'));
    started = await start({ importedAccountsFile: join(dir, 'imported.json'), adminSecret: secret });
  });
  afterAll(async () => {
    await started?.op.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const admin = (body: unknown, token = secret) =>
    fetch(started.op.accountAdminUrl, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('only the holder of the secret may open accounts; the body is checked', async () => {
    expect((await admin({ email: 'a@moe.gov.my', name: 'A' }, 'wrong-secret')).status).toBe(401);
    expect((await fetch(started.op.accountAdminUrl, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await admin({ email: 'not-an-email', name: 'A' })).status).toBe(400);
    expect((await fetch(started.op.accountAdminUrl)).status).toBe(405);
  });

  it('opens an account once per email (201, then 200 with the same sub), kept across restarts', async () => {
    const first = await admin({ email: 'Guru.Satu@moe.gov.my', name: 'Cikgu Satu' });
    expect(first.status).toBe(201);
    const { sub } = (await first.json()) as { sub: string };
    const second = await admin({ email: 'guru.satu@moe.gov.my', name: 'Cikgu Satu' });
    expect([second.status, await second.json()]).toEqual([200, { sub, created: false }]);

    const port = Number(new URL(started.op.issuer).port);
    await started.op.stop();
    started = await start({ port, importedAccountsFile: join(dir, 'imported.json'), adminSecret: secret });
    await expect(localLoginAccounts(started.op.accountAdminUrl, secret).ensureAccount({ email: 'guru.satu@moe.gov.my', name: 'x' })).resolves.toEqual({ sub, created: false });
  });

  it('an imported person signs in with their email and the demo password; the token names their sub', async () => {
    const { sub } = await localLoginAccounts(started.op.accountAdminUrl, secret).ensureAccount({ email: 'guru.dua@moe.gov.my', name: 'Cikgu Dua' });
    const signedIn = await signIn(started, 'guru.dua@moe.gov.my');
    const tokens = await exchange(started, signedIn);
    const verify = createTokenVerifier({ issuer: started.op.issuer, clientId: CLIENT_ID, jwksUrl: started.op.jwksUri });
    await expect(verify(tokens.access_token)).resolves.toMatchObject({ userId: sub });
    expect(oauth.getValidatedIdTokenClaims(tokens)).toMatchObject({ sub, name: 'Cikgu Dua', email: 'guru.dua@moe.gov.my' });
  });
});
