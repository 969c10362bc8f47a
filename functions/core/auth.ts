/**
 * Who is asking: the access token (OIDC, authorization code + PKCE in the web app) is
 * verified here against the issuer's JWKS — Cognito in AWS, the local OpenID provider on a
 * laptop; the same code for both. API Gateway's JWT authorizer checks tokens too in AWS;
 * verifying again in the app keeps one code path and protects routes wherever they run.
 *
 * Cognito access tokens carry `client_id` and `token_use: access` and no `aud`; the local
 * provider issues the same shape. A token is accepted only if the issuer, signature, expiry,
 * token use and client all match.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { AppError } from './errors';

export type AuthConfig = { issuer: string; clientId: string; jwksUrl: string };

export type Principal = {
  /** The OIDC subject: our user id. */
  userId: string;
  scopes: string[];
};

export type TokenVerifier = (token: string) => Promise<Principal>;

/** Clock skew tolerated on exp/nbf/iat, seconds. */
const CLOCK_TOLERANCE = 30;

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        algorithms: ['RS256', 'ES256'],
        clockTolerance: CLOCK_TOLERANCE,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new AppError('UNAUTHENTICATED', { reason: 'expired' });
      if (err instanceof joseErrors.JOSEError) throw new AppError('UNAUTHENTICATED', { reason: 'invalid' });
      throw err;
    }
    if (payload.token_use !== 'access' || payload.client_id !== config.clientId) {
      throw new AppError('UNAUTHENTICATED', { reason: 'invalid' });
    }
    return {
      userId: String(payload.sub),
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
    };
  };
}

/** The bearer token of a request, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*)$/.exec(header ?? '');
  return match?.[1];
}
