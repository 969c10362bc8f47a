/**
 * The signed digital credential: an Open Badges 3.0 `OpenBadgeCredential` (a W3C Verifiable
 * Credential, data model 2.0) per certificate, secured as a VC-JWT (OB 3.0 §8.2 "JSON Web Token
 * Proof Format"): the JWT payload IS the credential, with the registered claims iss (issuer id),
 * jti (credential id), nbf (validFrom) and exp (validUntil); ES256 (P-256), `kid` = the RFC 7638
 * thumbprint of the key in the published JWKS.
 *
 * Revocation is a W3C Bitstring Status List (revocation purpose): each credential names an index
 * in a status list credential — itself a VC-JWT signed with the same key — whose bit is 1 once
 * the certificate is revoked or superseded. Both files can be saved and checked offline with the
 * JWKS alone (`npm run cert:verify`, ./verify-offline.ts).
 */
import { gzipSync } from 'node:zlib';
import type { JWK } from 'jose';
import type { CertificateRecord } from './issue';
import type { Signer } from './signer';

export const ISSUER_NAME = 'Kerajaan Negeri Sembilan';
/** Bits per status list: the spec's minimum (16 KiB), so one list hides any one holder among 131,072. */
export const STATUS_LIST_SIZE = 131_072;
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/**
 * The public addresses of the issuer. Everything is under /api/ because CloudFront sends only
 * /api/* to the API (cdk/constructs/web.ts); the verification page is the web app's /sahkan.
 */
export function issuerUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/$/, '');
  return {
    base,
    issuer: `${base}/api/certificates/issuer`,
    jwks: `${base}/api/certificates/jwks.json`,
    statusList: (list: number) => `${base}/api/certificates/status/${list}`,
    verifyPage: (number: string) => `${base}/sahkan/${number}`,
    course: (code: string) => `${base}/kursus/${code}`,
  };
}
export type IssuerUrls = ReturnType<typeof issuerUrls>;

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Signs a JSON payload as a compact JWS (ES256). */
export async function signJwt(signer: Signer, payload: Record<string, unknown>): Promise<string> {
  const { kid } = await signer.publicJwk();
  const input = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(await signer.sign(new TextEncoder().encode(input)))}`;
}

/** The issuer's Profile (OB 3.0), with its public keys as verification methods. */
export function issuerProfile(urls: IssuerUrls, keys: JWK[]) {
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: urls.issuer,
    type: ['Profile'],
    name: ISSUER_NAME,
    url: urls.base,
    description: 'Latih: platform peningkatan kemahiran digital Negeri Sembilan / Negeri Sembilan digital upskilling platform',
    address: { type: ['Address'], addressRegion: 'Negeri Sembilan', addressCountry: 'Malaysia', addressCountryCode: 'MY' },
    verificationMethod: keys.map((k) => ({ id: `${urls.issuer}#${k.kid}`, type: 'JsonWebKey', controller: urls.issuer, publicKeyJwk: k })),
    /** Not an OB 3.0 term: where the same keys are published as a JWK Set (RFC 7517). */
    jwks: urls.jwks,
  };
}

const programmeNames: Record<CertificateRecord['course']['programme'], { ms: string; en: string }> = {
  '3.1': { ms: 'Strategi 3.1: Peningkatan Kemahiran Digital Sektor Awam', en: 'Strategy 3.1: Public Sector Digital Upskilling' },
  '7.1': { ms: 'Strategi 7.1: Kelas Digital Seluruh Negeri', en: 'Strategy 7.1: State-wide Digital Classes' },
  '7.2': { ms: 'Strategi 7.2: Subsidi Kursus Digital Pendidik', en: 'Strategy 7.2: Digital Course Subsidy for Educators' },
};
export const programmeName = (p: CertificateRecord['course']['programme']) => programmeNames[p];

/** The unsigned OpenBadgeCredential of a certificate (which must have its status list entry). */
export function openBadgeCredential(c: CertificateRecord, urls: IssuerUrls) {
  if (!c.statusEntry) throw new Error('openBadgeCredential: the certificate has no status list entry yet');
  const statusList = urls.statusList(c.statusEntry.list);
  const hours = `${c.course.hours} jam / ${c.course.hours} hours`;
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: urls.verifyPage(c.number),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${c.course.title.ms} / ${c.course.title.en}`,
    issuer: { id: urls.issuer, type: ['Profile'], name: ISSUER_NAME, url: urls.base },
    validFrom: c.issuedAt,
    ...(c.expiresAt ? { validUntil: c.expiresAt } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      // No account id: the holder is named, as on the paper certificate (OB 3.0 IdentityObject).
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: c.holderName }],
      activityEndDate: c.completedAt,
      achievement: {
        id: `${urls.course(c.course.code)}#${c.course.version}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        humanCode: c.course.code,
        name: c.course.title.ms,
        description: `${c.course.title.ms} / ${c.course.title.en} (${hours})`,
        criteria: {
          narrative: `Menamatkan kursus ${c.course.code} (${c.course.hours} jam) di bawah ${programmeNames[c.course.programme].ms}. / ` +
            `Completed course ${c.course.code} (${c.course.hours} hours) under ${programmeNames[c.course.programme].en}.`,
        },
        tag: [`programme:${c.course.programme}`, `training:${c.course.trainingCategory}`, `hours:${c.course.hours}`],
        inLanguage: 'ms',
      },
    },
    credentialStatus: {
      id: `${statusList}#${c.statusEntry.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(c.statusEntry.index),
      statusListCredential: statusList,
    },
    /** The certificate number printed on the PDF (not an OB 3.0 term). */
    certificateNumber: c.number,
  };
}

/** Signs a certificate's credential as a VC-JWT. */
export async function signCredential(c: CertificateRecord, urls: IssuerUrls, signer: Signer): Promise<string> {
  const credential = openBadgeCredential(c, urls);
  return signJwt(signer, {
    ...credential,
    iss: urls.issuer,
    jti: credential.id,
    nbf: seconds(credential.validFrom),
    ...(c.expiresAt ? { exp: seconds(c.expiresAt) } : {}),
  });
}

/** `u` + base64url(gzip(bitstring)): the bits of `indexes` set, most significant bit first. */
export function encodeStatusList(indexes: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bits = new Uint8Array(size / 8);
  for (const i of indexes) if (i >= 0 && i < size) bits[i >> 3]! |= 0x80 >> (i & 7);
  return `u${b64url(gzipSync(bits))}`;
}

/** The signed BitstringStatusListCredential of one list. */
export async function signStatusList(list: number, revoked: Iterable<number>, urls: IssuerUrls, signer: Signer, now: Date): Promise<string> {
  const id = urls.statusList(list);
  const validFrom = now.toISOString();
  return signJwt(signer, {
    '@context': [VC_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.issuer,
    validFrom,
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(revoked), ttl: 300_000 },
    iss: urls.issuer,
    jti: id,
    nbf: seconds(validFrom),
  });
}
