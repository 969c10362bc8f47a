/**
 * The issuer's signing key behind one interface: AWS KMS in the cloud (an ECC_NIST_P256 key
 * that never leaves KMS; ECDSA_SHA_256), a local key file under .data/ on a developer's
 * machine. Both give ES256 signatures in JOSE's raw r||s form (RFC 7518 §3.4) and the public
 * key as a JWK whose RFC 7638 thumbprint is the `kid`.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { calculateJwkThumbprint, type JWK } from 'jose';

export interface Signer {
  /** ES256 over `data` (the JWS signing input): 64 bytes, r||s. */
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** The public key, with `kid`, `alg` and `use` set. */
  publicJwk(): Promise<JWK>;
}

async function described(jwk: JWK): Promise<JWK> {
  const { kty, crv, x, y } = jwk;
  const pub = { kty, crv, x, y } as JWK;
  return { ...pub, kid: await calculateJwkThumbprint(pub), alg: 'ES256', use: 'sig' };
}

/**
 * DER `SEQUENCE { INTEGER r, INTEGER s }` (what KMS returns) to JOSE's fixed-width r||s:
 * each integer loses its sign-padding zero and is left-padded to 32 bytes.
 */
export function derToJose(der: Uint8Array, size = 32): Uint8Array {
  let at = 0;
  const expect = (tag: number) => {
    if (der[at++] !== tag) throw new Error('derToJose: not an ECDSA DER signature');
  };
  const length = () => {
    let len = der[at++]!;
    if (len & 0x80) {
      const bytes = len & 0x7f;
      len = 0;
      for (let i = 0; i < bytes; i++) len = (len << 8) | der[at++]!;
    }
    return len;
  };
  expect(0x30);
  length();
  const out = new Uint8Array(size * 2);
  for (let part = 0; part < 2; part++) {
    expect(0x02);
    const len = length();
    let int = der.subarray(at, at + len);
    at += len;
    while (int.length > size && int[0] === 0) int = int.subarray(1);
    if (int.length > size) throw new Error('derToJose: integer too long');
    out.set(int, part * size + (size - int.length));
  }
  return out;
}

/** Signs with an asymmetric KMS key (needs kms:Sign and kms:GetPublicKey on it). */
export function kmsSigner(kms: KMSClient, keyId: string): Signer {
  let jwk: Promise<JWK> | undefined;
  return {
    async sign(data) {
      const { Signature } = await kms.send(new SignCommand({ KeyId: keyId, Message: data, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
      if (!Signature) throw new Error('KMS returned no signature');
      return derToJose(Signature);
    },
    publicJwk() {
      jwk ??= (async () => {
        const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
        if (!PublicKey) throw new Error('KMS returned no public key');
        return described(createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' }).export({ format: 'jwk' }) as JWK);
      })().catch((err: unknown) => {
        jwk = undefined;
        throw err;
      });
      return jwk;
    },
  };
}

/** Signs with a P-256 private key held as a JWK (the local key file). */
export function jwkSigner(privateJwk: JWK): Signer {
  const key = createPrivateKey({ key: privateJwk as never, format: 'jwk' });
  const pub = described(createPublicKey(key).export({ format: 'jwk' }) as JWK);
  return {
    async sign(data) {
      return new Uint8Array(nodeSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' }));
    },
    publicJwk: () => pub,
  };
}

/** A new P-256 private key as a JWK. */
export function newPrivateJwk(): JWK {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'jwk' }) as JWK;
}

/**
 * The local key file (`.data/cert-signing-key.json`): created on first use, mode 0600, kept
 * across restarts so credentials issued locally stay verifiable. Never used in AWS.
 */
export function fileSigner(path: string): Signer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(newPrivateJwk()), { mode: 0o600 });
  }
  return jwkSigner(JSON.parse(readFileSync(path, 'utf8')) as JWK);
}
