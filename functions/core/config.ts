/**
 * Configuration, read once from the environment and validated: a missing or malformed
 * variable fails fast with its name. Lambda and the local server differ only here
 * (endpoints, names), never in domain code.
 */
import * as z from 'zod/mini';

const optionalUrl = z.optional(z.url());

const Env = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  CONTENT_BUCKET: z.string().check(z.minLength(3)),
  AWS_REGION: z._default(z.string(), 'ap-southeast-5'),
  /** Set only where DynamoDB is not AWS's (DynamoDB Local). */
  DYNAMODB_ENDPOINT: optionalUrl,
  /** Set only where S3 is not AWS's (the local S3 server); implies path-style addressing. */
  S3_ENDPOINT: optionalUrl,
  /** OpenID issuer and the web app's client id; needed by contexts with signed-in routes. */
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
  /** Defaults to Cognito's location, <issuer>/.well-known/jwks.json. */
  OIDC_JWKS_URL: optionalUrl,
  /** Where the web app signs out when the issuer has no end_session_endpoint (Cognito's hosted /logout). */
  OIDC_LOGOUT_URL: optionalUrl,
  /** Sign-in accounts for imported people, in AWS: the Cognito user pool (functions/identity/login-accounts.ts). */
  COGNITO_USER_POOL_ID: z.optional(z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/))),
  /** Locally instead: the local OpenID provider's account-admin endpoint and its secret (>= 32 characters). */
  ACCOUNT_ADMIN_URL: optionalUrl,
  ACCOUNT_ADMIN_SECRET: z.optional(z.string().check(z.minLength(32))),
  /** Key of the keyed digests of MyKad and email numbers (core/pii.ts); >= 32 characters. */
  PII_HMAC_KEY: z.optional(z.string().check(z.minLength(32))),
  /** In AWS: the Secrets Manager secret holding PII_HMAC_KEY, read once at cold start. */
  PII_HMAC_KEY_SECRET_ARN: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:secretsmanager:/))),
  /** Where people open the platform (the site's origin): QR codes and credential ids point there. */
  PUBLIC_BASE_URL: optionalUrl,
  /** The certificates' signing key: an asymmetric KMS key (AWS) or a local key file (npm start). */
  CERT_SIGNING_KMS_KEY_ID: z.optional(z.string().check(z.minLength(1))),
  CERT_SIGNING_KEY_FILE: z.optional(z.string().check(z.minLength(1))),
});

export type Config = {
  tableName: string;
  contentBucket: string;
  region: string;
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  oidc?: { issuer: string; clientId: string; jwksUrl: string; logoutUrl?: string };
  /** Where imports create sign-in accounts: Cognito in AWS, the local provider on a laptop. */
  loginAccounts?: { kind: 'cognito'; userPoolId: string } | { kind: 'local'; url: string; secret: string };
  piiKey?: string;
  piiKeySecretArn?: string;
  publicBaseUrl?: string;
  certSigning?: { kmsKeyId: string } | { keyFile: string };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A configuration value a context cannot run without; fails at cold start naming it. */
export function required<T>(value: T | undefined, names: string): T {
  if (value === undefined) throw new ConfigError(`Invalid configuration: ${names} (required by this context)`);
  return value;
}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = z.safeParse(Env, env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')} (${i.message})`).join(', ');
    throw new ConfigError(`Invalid configuration: ${names}`);
  }
  const e = parsed.data;
  return {
    tableName: e.TABLE_NAME,
    contentBucket: e.CONTENT_BUCKET,
    region: e.AWS_REGION,
    ...(e.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: e.DYNAMODB_ENDPOINT } : {}),
    ...(e.S3_ENDPOINT ? { s3Endpoint: e.S3_ENDPOINT } : {}),
    ...(e.OIDC_ISSUER && e.OIDC_CLIENT_ID
      ? {
          oidc: {
            issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, jwksUrl: e.OIDC_JWKS_URL ?? `${e.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`,
            ...(e.OIDC_LOGOUT_URL ? { logoutUrl: e.OIDC_LOGOUT_URL } : {}),
          },
        }
      : {}),
    ...(e.COGNITO_USER_POOL_ID
      ? { loginAccounts: { kind: 'cognito' as const, userPoolId: e.COGNITO_USER_POOL_ID } }
      : e.ACCOUNT_ADMIN_URL && e.ACCOUNT_ADMIN_SECRET
        ? { loginAccounts: { kind: 'local' as const, url: e.ACCOUNT_ADMIN_URL, secret: e.ACCOUNT_ADMIN_SECRET } }
        : {}),
    ...(e.PII_HMAC_KEY ? { piiKey: e.PII_HMAC_KEY } : {}),
    ...(e.PII_HMAC_KEY_SECRET_ARN ? { piiKeySecretArn: e.PII_HMAC_KEY_SECRET_ARN } : {}),
    ...(e.PUBLIC_BASE_URL ? { publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, '') } : {}),
    ...(e.CERT_SIGNING_KMS_KEY_ID ? { certSigning: { kmsKeyId: e.CERT_SIGNING_KMS_KEY_ID } }
      : e.CERT_SIGNING_KEY_FILE ? { certSigning: { keyFile: e.CERT_SIGNING_KEY_FILE } } : {}),
  };
}
