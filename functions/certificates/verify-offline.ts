/**
 * Offline verification of a certificate's credential (VC-JWT) against the issuer's JWKS, and
 * optionally against a saved status list credential: no network, no database. Used by
 * `npm run cert:verify` (./cli.ts) and by the tests.
 *
 * Genuine = the signature verifies with a key of the given JWKS (ES256 only: no `alg: none`, no
 * key taken from the token itself) and the payload is an OpenBadgeCredential whose registered
 * claims agree with its members. Then: expired (validUntil passed), not yet valid, revoked (its
 * bit in the status list is 1; the list must verify with the same JWKS and be the one the
 * credential names).
 */
import { gunzipSync } from 'node:zlib';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

export type OfflineVerdict = {
  /** The signature and structure check out. */
  genuine: boolean;
  /** valid / expired / revoked / not-yet-valid; `unchecked-status` when no status list was given. */
  status?: 'valid' | 'expired' | 'revoked' | 'not-yet-valid';
  statusChecked: boolean;
  /** Why the credential is not genuine, or why the status list could not be used. */
  problems: string[];
  credential?: {
    number?: string; holder?: string; course?: string; courseCode?: string; issuer?: string;
    validFrom?: string; validUntil?: string; statusListCredential?: string; statusListIndex?: number;
  };
  statusAsOf?: string;
};

type Json = Record<string, any>;

async function verifyJws(jwt: string, jwks: JSONWebKeySet): Promise<Json> {
  const { payload } = await compactVerify(jwt.trim(), createLocalJWKSet(jwks), { algorithms: ['ES256'] });
  return JSON.parse(new TextDecoder().decode(payload)) as Json;
}

const seconds = (iso: unknown) => (typeof iso === 'string' ? Math.floor(Date.parse(iso) / 1000) : undefined);

/** Bit `index` of a status list's encodedList (multibase `u` + base64url of gzip), MSB first. */
export function statusBit(encodedList: string, index: number): number {
  const bits = gunzipSync(Buffer.from(encodedList.replace(/^u/, ''), 'base64url'));
  if (index < 0 || index >= bits.length * 8) throw new Error('status index outside the list');
  return (bits[index >> 3]! >> (7 - (index & 7))) & 1;
}

export async function verifyCredentialOffline(
  jwt: string,
  jwks: JSONWebKeySet,
  options: { statusListJwt?: string; now?: Date } = {},
): Promise<OfflineVerdict> {
  const now = options.now ?? new Date();
  let vc: Json;
  try {
    vc = await verifyJws(jwt, jwks);
  } catch (err) {
    return { genuine: false, statusChecked: false, problems: [`signature: ${(err as Error).message}`] };
  }
  const problems: string[] = [];
  const types: unknown = vc.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential')) problems.push('not an OpenBadgeCredential');
  if (!Array.isArray(vc['@context']) || vc['@context'][0] !== 'https://www.w3.org/ns/credentials/v2') problems.push('not a VC data model 2.0 credential');
  const issuerId = typeof vc.issuer === 'string' ? vc.issuer : vc.issuer?.id;
  if (!issuerId || vc.iss !== issuerId) problems.push('iss does not match issuer');
  if (vc.jti !== vc.id) problems.push('jti does not match id');
  if (vc.nbf !== seconds(vc.validFrom)) problems.push('nbf does not match validFrom');
  if (vc.exp !== seconds(vc.validUntil)) problems.push('exp does not match validUntil');
  const status = vc.credentialStatus as Json | undefined;
  const credential = {
    number: vc.certificateNumber, holder: vc.credentialSubject?.identifier?.[0]?.identityHash, course: vc.name,
    courseCode: vc.credentialSubject?.achievement?.humanCode, issuer: vc.issuer?.name ?? issuerId,
    validFrom: vc.validFrom, validUntil: vc.validUntil,
    statusListCredential: status?.statusListCredential, statusListIndex: status ? Number(status.statusListIndex) : undefined,
  };
  if (problems.length) return { genuine: false, statusChecked: false, problems, credential };

  let verdict: OfflineVerdict['status'] = 'valid';
  if (vc.validUntil && Date.parse(vc.validUntil) <= now.getTime()) verdict = 'expired';
  else if (Date.parse(vc.validFrom) > now.getTime()) verdict = 'not-yet-valid';

  if (!options.statusListJwt) return { genuine: true, status: verdict, statusChecked: false, problems, credential };
  try {
    const list = await verifyJws(options.statusListJwt, jwks);
    const subject = list.credentialSubject as Json;
    if (!Array.isArray(list.type) || !list.type.includes('BitstringStatusListCredential')) throw new Error('not a BitstringStatusListCredential');
    if (list.id !== status?.statusListCredential) throw new Error('this is not the status list the credential names');
    if (subject?.statusPurpose !== 'revocation' || status?.statusPurpose !== 'revocation') throw new Error('not a revocation list');
    if (statusBit(String(subject.encodedList), Number(status.statusListIndex)) === 1) verdict = 'revoked';
    return { genuine: true, status: verdict, statusChecked: true, problems, credential, statusAsOf: list.validFrom };
  } catch (err) {
    return { genuine: true, status: verdict, statusChecked: false, problems: [`status list: ${(err as Error).message}`], credential };
  }
}
