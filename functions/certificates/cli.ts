/**
 * Offline check of a certificate's signed credential:
 *
 *   npm run cert:verify -- <credential.jwt> --jwks <jwks.json> [--status <status-list.jwt>] [--at <ISO date>]
 *
 * The JWKS is the issuer's published key set (<site>/api/certificates/jwks.json), saved once;
 * the status list (<site>/api/certificates/status/<n>, named in the credential) shows
 * revocations as of when it was saved. Nothing is fetched. Exit code 0: genuine and valid;
 * 1: not genuine (tampered, another key, malformed); 2: genuine but revoked, expired or not
 * yet valid; 3: usage error.
 */
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { verifyCredentialOffline } from './verify-offline';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
};
const jwksFile = option('--jwks');
const statusFile = option('--status');
const at = option('--at');
const [credentialFile] = args;

if (!credentialFile || !jwksFile) {
  console.error('Guna / Usage: npm run cert:verify -- <credential.jwt> --jwks <jwks.json> [--status <status-list.jwt>] [--at <ISO date>]');
  process.exit(3);
}

const read = (file: string) => readFileSync(file, 'utf8').trim();
const verdict = await verifyCredentialOffline(read(credentialFile), JSON.parse(read(jwksFile)) as JSONWebKeySet, {
  ...(statusFile ? { statusListJwt: read(statusFile) } : {}),
  ...(at ? { now: new Date(at) } : {}),
});

const c = verdict.credential ?? {};
if (!verdict.genuine) {
  console.log('TIDAK SAH / NOT GENUINE: kelayakan ini bukan yang dikeluarkan, atau telah diubah / this credential was not issued as it is, or was altered');
  for (const p of verdict.problems) console.log(`  - ${p}`);
  process.exit(1);
}
const lines = [
  `Nombor sijil / Certificate no.: ${c.number ?? '-'}`,
  `Pemegang / Holder: ${c.holder ?? '-'}`,
  `Kursus / Course: ${c.courseCode ?? ''} ${c.course ?? ''}`.trim(),
  `Pengeluar / Issuer: ${c.issuer ?? '-'}`,
  `Sah dari / Valid from: ${c.validFrom ?? '-'}${c.validUntil ? `; hingga / until: ${c.validUntil}` : ''}`,
];
const label = {
  valid: 'SAH / VALID',
  expired: 'TAMAT TEMPOH / EXPIRED',
  revoked: 'DIBATALKAN / REVOKED (dibatalkan atau digantikan / revoked or superseded by a reissue)',
  'not-yet-valid': 'BELUM SAH / NOT YET VALID',
}[verdict.status ?? 'valid'];
console.log(`Tandatangan sah / Signature genuine. Status: ${label}`);
for (const l of lines) console.log(`  ${l}`);
if (verdict.statusChecked) console.log(`  Senarai status pada / Status list as of: ${verdict.statusAsOf}`);
else {
  console.log('  Status pembatalan tidak disemak / Revocation not checked: --status <status-list.jwt>' + (c.statusListCredential ? ` (${c.statusListCredential})` : ''));
  for (const p of verdict.problems) console.log(`  - ${p}`);
}
process.exit(verdict.status === 'valid' ? 0 : 2);
