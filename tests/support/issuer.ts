/**
 * A real token issuer for integration tests: an RS256 key pair, its JWKS served over HTTP on
 * localhost, and access tokens shaped like Cognito's (and the local provider's). The app under
 * test verifies them exactly as in production; only the login step is skipped.
 */
import { createServer, type Server } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

export type TestIssuer = {
  issuer: string;
  jwksUrl: string;
  clientId: string;
  /** An access token for `userId`, valid for 10 minutes unless overridden. */
  tokenFor(userId: string, claims?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
};

export async function startTestIssuer(clientId = 'latih-test'): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const key: CryptoKey = privateKey;
  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    clientId,
    tokenFor: (userId, claims = {}) =>
      new SignJWT({ client_id: clientId, token_use: 'access', scope: 'openid profile email', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-1' })
        .setSubject(userId)
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key),
    stop: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
