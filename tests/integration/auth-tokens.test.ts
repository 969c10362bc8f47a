/**
 * Access-token verification against a real JWKS endpoint (served here over HTTP), the way
 * the API verifies Cognito's or the local provider's tokens.
 */
import { createServer, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '../../functions/core/auth';
import { AppError } from '../../functions/core/errors';
import { createApp } from '../../functions/core/http';

let server: Server;
let issuer: string;
let key: CryptoKey;
let otherKey: CryptoKey;
let verify: TokenVerifier;
const clientId = 'latih-web';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  key = pair.privateKey;
  ({ privateKey: otherKey } = await generateKeyPair('RS256'));
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  verify = createTokenVerifier({ issuer, clientId, jwksUrl: `${issuer}/jwks` });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function token(claims: Record<string, unknown> = {}, opts: { key?: CryptoKey; exp?: string | number; iss?: string; kid?: string } = {}) {
  return new SignJWT({ client_id: clientId, token_use: 'access', scope: 'openid profile', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'k1' })
    .setSubject('user-1')
    .setIssuer(opts.iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '5m')
    .sign(opts.key ?? key);
}

async function reason(t: Promise<string>) {
  try {
    await verify(await t);
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNAUTHENTICATED');
    return (err as AppError).details.reason;
  }
}

describe('access token verification', () => {
  it('accepts a genuine access token and returns the subject and scopes', async () => {
    expect(await verify(await token())).toEqual({ userId: 'user-1', scopes: ['openid', 'profile'] });
  });

  it('refuses expired, forged, foreign-issuer, wrong-client and ID tokens', async () => {
    expect(await reason(token({}, { exp: Math.floor(Date.now() / 1000) - 120 }))).toBe('expired');
    expect(await reason(token({}, { key: otherKey }))).toBe('invalid');
    expect(await reason(token({}, { iss: 'https://evil.example' }))).toBe('invalid');
    expect(await reason(token({ client_id: 'another-app' }))).toBe('invalid');
    expect(await reason(token({ token_use: 'id' }))).toBe('invalid');
    expect(await reason(token({}, { kid: 'unknown-kid' }))).toBe('invalid');
    expect(await reason(Promise.resolve('not.a.jwt'))).toBe('invalid');
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'user-1', iss: issuer, client_id: clientId, token_use: 'access', exp: 9999999999, iat: 1 })).toString('base64url');
    expect(await reason(Promise.resolve(`${header}.${body}.`))).toBe('invalid');
  });
});

describe('the access guard', () => {
  const app = () => {
    const a = createApp({
      operations: [
        { method: 'get', path: '/api/me', operationId: 'me', tag: 't', summary: { ms: 'Saya', en: 'Me' }, response: { status: 200, schema: undefined as never }, errors: [], access: { kind: 'signed-in' } },
        { method: 'get', path: '/api/audit', operationId: 'audit', tag: 't', summary: { ms: 'Audit', en: 'Audit' }, response: { status: 200, schema: undefined as never }, errors: [], access: { kind: 'anywhere', permission: 'audit:read' } },
      ],
      access: { verifyToken: verify, assignmentsOf: async () => [{ role: 'learner', orgId: 'MY-05' }], orgOfUser: async () => undefined, ancestorsOf: async () => [] },
    });
    a.get('/api/me', (c) => c.json({ userId: c.get('principal').userId }));
    a.get('/api/audit', (c) => c.json({ ok: true }));
    a.get('/api/undeclared', (c) => c.json({ secret: true }));
    return a;
  };

  it('401 without a token or with a bad one, in the error shape and language', async () => {
    const res = await app().request('/api/me', { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in again: your session is invalid or has expired.', details: { reason: 'missing' } } });
    expect((await app().request('/api/me', { headers: { Authorization: `Bearer ${await token({}, { key: otherKey })}` } })).status).toBe(401);
    expect((await app().request('/api/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
  });

  it('lets a valid token through to a signed-in route', async () => {
    const res = await app().request('/api/me', { headers: { Authorization: `Bearer ${await token()}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ userId: 'user-1' });
  });

  it('403 for a permission the caller holds nowhere', async () => {
    const res = await app().request('/api/audit', { headers: { Authorization: `Bearer ${await token()}` } });
    expect(res.status).toBe(403);
  });

  it('refuses a route that has no access declaration (deny by default)', async () => {
    const res = await app().request('/api/undeclared', { headers: { Authorization: `Bearer ${await token()}` } });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain('secret');
  });
});
