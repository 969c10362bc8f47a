/**
 * The provider's signing key. Persisted to a file (`.data/oidc-keys.json` under `npm start`)
 * so access tokens a browser holds stay verifiable across restarts; kept in memory for tests.
 * A local development key, never a production one: AWS signs with Cognito's keys.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export type SigningKeys = { keys: JWK[] };

/** A fresh RS256 key pair as a private JWK with `kid` (its thumbprint), `alg` and `use`. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
}

function isSigningKeys(value: unknown): value is SigningKeys {
  const keys = (value as { keys?: unknown } | null)?.keys;
  return (
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every((k: JWK) => k && k.kty === 'RSA' && typeof k.d === 'string' && typeof k.kid === 'string' && k.alg === 'RS256')
  );
}

/** The keys in `file`, created there (owner-only) on first use; fresh in-memory keys without a file. */
export async function loadOrCreateSigningKeys(file?: string): Promise<SigningKeys> {
  if (!file) return generateSigningKeys();
  if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new Error(`${file} is not valid JSON: delete it to have new signing keys generated`, { cause });
    }
    if (!isSigningKeys(parsed)) throw new Error(`${file} holds no RS256 private JWK with a kid: delete it to have new signing keys generated`);
    return parsed;
  }
  const keys = await generateSigningKeys();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}
