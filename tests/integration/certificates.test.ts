/**
 * Certificates end to end against DynamoDB Local and the local S3 server: issue exactly once
 * (the learning context's path: certificateIssueItems in a plain TransactWrite), public
 * verification, PDF (text extracted, PNG rendered into test-results/certificates/), the signed
 * Open Badges credential checked offline (genuine passes; tampered, re-signed or another key
 * fails; revocation seen through the status list), revocation, reissue, renewal, expiry with
 * an injected clock, My certificates, and the ZIP export within the caller's units.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KMSClient, GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { unzipSync } from 'fflate';
import { compactVerify, createLocalJWKSet, exportJWK, generateKeyPair, importJWK } from 'jose';
import { createPrivateKey, createPublicKey, sign as nodeSign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerUrls, signCredential } from '../../functions/certificates/credential';
import { certificateIssueItems, newCertificate, type CompletionFacts } from '../../functions/certificates/issue';
import { NUMBER_ALPHABET, NUMBER_PATTERN, newCertificateNumber, normaliseCertificateNumber } from '../../functions/certificates/number';
import { derToJose, jwkSigner, kmsSigner, newPrivateJwk } from '../../functions/certificates/signer';
import { verifyCredentialOffline } from '../../functions/certificates/verify-offline';
import { createPlatformApp } from '../../functions/platform';
import { identityFixture, type IdentityFixture } from '../support/identity-fixture';

const repoRoot = join(import.meta.dirname, '../..');
const out = join(repoRoot, 'test-results', 'certificates');
mkdirSync(out, { recursive: true });

let f: IdentityFixture;

const course = (extra: Partial<CompletionFacts['course']> = {}): CompletionFacts['course'] => ({
  code: 'DA-301', version: 'v-2027-01', title: { ms: 'Analitik Data untuk Penjawat Awam', en: 'Data Analytics for Civil Servants' },
  hours: 12, programme: '3.1', trainingCategory: 'formal', ...extra,
});

/** What the learning context does on completion: the issue items in one TransactWrite. */
async function complete(facts: CompletionFacts, now = new Date()) {
  const { certificate, items } = certificateIssueItems(f.storage.config.tableName, facts, now);
  await f.storage.clients.ddb.send(new TransactWriteCommand({ TransactItems: items }));
  return certificate;
}

const facts = (userId: string, extra: Partial<CompletionFacts> = {}): CompletionFacts => ({
  userId, holderName: `Pegawai ${userId}`, icMasked: '900101-**-**23', orgId: 'SUK-NS', course: course(), completedAt: new Date().toISOString(), ...extra,
});

/** A public request from its own address (so the per-address limit is the test's choice). */
async function publicGet(path: string, lang = 'ms', address = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) {
  const res = await f.app.request(path, { headers: { 'Accept-Language': lang, 'x-latih-viewer-address': address } });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body, headers: res.headers };
}

async function saveCredentialFiles(number: string, as: string) {
  const cred = await f.request(`/api/certificates/mine/${number}/credential`, { as });
  expect(cred.status, JSON.stringify(cred.body)).toBe(200);
  const jwks = (await publicGet('/api/certificates/jwks.json')).body;
  const statusPath = new URL(cred.body.statusList).pathname;
  const status = (await publicGet(statusPath)).body as string;
  return { jwt: cred.body.credential as string, jwks, status, statusPath };
}

beforeAll(async () => {
  f = await identityFixture('certs');
  await f.person('learner-a', 'SUK-NS');
  await f.person('learner-b', 'SUK-NS');
  await f.person('teacher-x', 'SK-CONTOH-TAMAN-RASAH', [], { kind: 'teacher', grade: 'DG10', educationLevel: 'primary' });
  await f.person('padmin-31', 'MY-05', [{ role: 'programme-admin', orgId: 'MY-05', programme: '3.1' }]);
  await f.person('padmin-71', 'MY-05', [{ role: 'programme-admin', orgId: 'MY-05', programme: '7.1' }]);
  await f.person('coord-suk', 'SUK-NS', [{ role: 'coordinator', orgId: 'SUK-NS' }]);
  await f.person('facil-suk', 'SUK-NS', [{ role: 'facilitator', orgId: 'SUK-NS' }]);
}, 60_000);
afterAll(() => f?.stop());

describe('certificate numbers', () => {
  it('are NS-<year>-XXXX-XXXX from an alphabet without 0/O/1/I/L/U, uniformly random', () => {
    expect(NUMBER_ALPHABET).toHaveLength(30);
    expect(NUMBER_ALPHABET).not.toMatch(/[01OILU]/);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const n = newCertificateNumber(new Date('2027-06-01T00:00:00Z'));
      expect(n).toMatch(NUMBER_PATTERN);
      expect(n.startsWith('NS-2027-')).toBe(true);
      for (const ch of n.slice(8).replace('-', '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(30);
    for (const c of counts.values()) expect(c).toBeGreaterThan(600); // expected 800 each
    // The Malaysian year: 31 Dec 2026, 17:00 UTC is already 2027 in Negeri Sembilan.
    expect(newCertificateNumber(new Date('2026-12-31T17:00:00Z')).slice(3, 7)).toBe('2027');
  });

  it('normalises what people type, paste or scan', () => {
    for (const typed of ['ns-2027-7k4m-qx9d', 'NS 2027 7K4M QX9D', 'NS20277K4MQX9D', '2027-7K4M-QX9D', ' ns-2o27-7k4m-qx9d ', 'NS–2027–7K4M–QX9D',
      'https://latih.negeri9.gov.my/sahkan/NS-2027-7K4M-QX9D', 'ns.2027.7k4m.qx9d']) {
      expect(normaliseCertificateNumber(typed), typed).toBe('NS-2027-7K4M-QX9D');
    }
    for (const bad of ['', 'NS-2027-7K4M', 'NS-2027-7K4M-QX9O', 'NS-2027-0K4M-QX9D', 'NS-2027-7K4M-QX9DD', 'DROP TABLE', '%E0%A4%A']) {
      expect(normaliseCertificateNumber(bad), bad).toBeUndefined();
    }
  });
});

describe('issue on completion', () => {
  it('is exactly once per completion of a course version, even under 10 concurrent duplicate completions', async () => {
    const base = facts('learner-a');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => complete(base)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const mine = await f.request('/api/certificates/mine', { as: 'learner-a' });
    expect(mine.body.certificates.filter((c: { course: { code: string } }) => c.course.code === 'DA-301')).toHaveLength(1);
    // A duplicate later names the certificate already issued (ALL_OLD on the once-guard).
    const again = certificateIssueItems(f.storage.config.tableName, base, new Date());
    const err = await f.storage.clients.ddb.send(new TransactWriteCommand({ TransactItems: again.items })).catch((e: unknown) => e);
    const reasons = (err as { CancellationReasons?: { Code?: string; Item?: Record<string, { S?: string }> }[] }).CancellationReasons ?? [];
    expect(reasons[0]?.Code).toBe('ConditionalCheckFailed');
    expect(reasons[0]?.Item?.number?.S).toBe(mine.body.certificates[0].number);
    // A new course version is a new completion: a second certificate.
    await complete({ ...base, course: course({ version: 'v-2027-02' }) });
    expect((await f.request('/api/certificates/mine', { as: 'learner-a' })).body.certificates).toHaveLength(2);
  });

  it('the pure function writes nothing and is deterministic given clock and randomness', () => {
    const bytes = () => new Uint8Array(16).fill(7);
    const a = certificateIssueItems('t', facts('x', { completedAt: '2027-01-31T02:00:00Z', course: course({ validityMonths: 1 }) }), new Date('2027-02-01T00:00:00Z'), bytes);
    const b = certificateIssueItems('t', facts('x', { completedAt: '2027-01-31T02:00:00Z', course: course({ validityMonths: 1 }) }), new Date('2027-02-01T00:00:00Z'), bytes);
    expect(a).toEqual(b);
    expect(a.certificate.number).toBe(`NS-2027-${NUMBER_ALPHABET[7]!.repeat(4)}-${NUMBER_ALPHABET[7]!.repeat(4)}`);
    expect(a.certificate.expiresAt).toBe('2027-02-28T02:00:00.000Z'); // 31 Jan + 1 month, clamped
    expect(a.items.map((i) => Object.keys(i)[0])).toEqual(['Put', 'Put']);
  });
});

describe('public verification', () => {
  let number: string;
  beforeAll(async () => {
    number = (await complete(facts('learner-b', { course: course({ validityMonths: 24 }) }))).number;
  });

  it('answers valid with course, hours, dates, holder and masked IC, by any typed form, without login', async () => {
    const res = await publicGet(`/api/certificates/verify/${number.toLowerCase().replace(/-/g, ' ')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      number, status: 'valid', holderName: 'Pegawai learner-b', icMasked: '900101-**-**23', issuer: 'Kerajaan Negeri Sembilan',
      course: { code: 'DA-301', hours: 12, programme: '3.1' }, verifyUrl: `https://latih.test/sahkan/${number}`,
    });
    expect(res.body.expiresAt).toBeTruthy();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('an unknown or malformed number is the same clear 404, in BM or EN, with no hint', async () => {
    const unknown = await publicGet('/api/certificates/verify/NS-2027-2222-2222', 'en');
    const malformed = await publicGet('/api/certificates/verify/hello', 'en');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
    expect(malformed.body).toEqual(unknown.body);
    expect(unknown.body.error.details).toEqual({});
    expect(unknown.body.error.message).toContain('No certificate has this number');
    expect((await publicGet('/api/certificates/verify/NS-2027-2222-2222')).body.error.message).toContain('Tiada sijil');
  });

  it('is rate-limited per address (30 a minute): the 31st try from one address is refused', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < 30; i++) expect((await publicGet('/api/certificates/verify/NS-2027-2222-2223', 'ms', address)).status).toBe(404);
    const refused = await publicGet(`/api/certificates/verify/${number}`, 'ms', address);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'RATE_LIMITED']);
    expect((await publicGet(`/api/certificates/verify/${number}`, 'ms', '192.0.2.78')).status).toBe(200);
  });

  it('says expired once the validity has passed (injected clock), and valid the day before', async () => {
    const c = await complete(facts('learner-b', { completedAt: '2025-03-01T02:00:00Z', course: course({ code: 'CS-101', validityMonths: 24 }) }), new Date('2025-03-01T03:00:00Z'));
    const at = (iso: string) => createPlatformApp(f.storage.config, f.storage.clients, () => new Date(iso)).request(`/api/certificates/verify/${c.number}`);
    expect(((await (await at('2027-02-28T12:00:00Z')).json()) as { status: string }).status).toBe('valid');
    expect(((await (await at('2027-03-01T02:00:00Z')).json()) as { status: string }).status).toBe('expired');
  });
});

describe('PDF', () => {
  it('is generated on first request, cached, has the name, course and number, and renders to PNG', async () => {
    const c = await complete(facts('learner-a', { holderName: 'Nurul Aina binti Hassan', course: course({ code: 'AI-301', validityMonths: 36, title: { ms: 'Kecerdasan Buatan untuk Pentadbiran Awam', en: 'Artificial Intelligence for Public Administration' } }) }));
    const first = await f.request(`/api/certificates/mine/${c.number}/pdf`, { as: 'learner-a' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.url).toContain(`certificates/${c.number}.pdf`);
    expect(first.body.url).toContain('X-Amz-Expires=300');
    const pdf = new Uint8Array(await (await fetch(first.body.url)).arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const file = join(out, `${c.number}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const expected of ['NURUL AINA BINTI HASSAN', 'Kecerdasan Buatan untuk Pentadbiran Awam', 'Artificial Intelligence for Public Administration', c.number,
      'KERAJAAN NEGERI SEMBILAN', 'SIJIL TAMAT KURSUS', 'Certificate of Course Completion', '900101-**-**23', '12 jam / hours', `https://latih.test/sahkan/${c.number}`]) {
      expect(text).toContain(expected);
    }
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, join(out, 'certificate')]);
    expect(readFileSync(join(out, 'certificate.png')).subarray(1, 4).toString()).toBe('PNG');
    // Cached: the record names the object; a second request does not render again.
    const { Item } = await f.storage.clients.ddb.send(new GetCommand({ TableName: f.storage.config.tableName, Key: { pk: `CERT#${c.number}`, sk: 'CERT' } }));
    expect(Item?.pdfKey).toBe(`certificates/${c.number}.pdf`);
    expect((await f.request(`/api/certificates/mine/${c.number}/pdf`, { as: 'learner-a' })).status).toBe(200);
    // Someone else's certificate is not found, not forbidden.
    expect((await f.request(`/api/certificates/mine/${c.number}/pdf`, { as: 'learner-b' })).body.error.code).toBe('CERTIFICATE_NOT_FOUND');
  });
});

describe('signed credential (Open Badges 3.0, VC-JWT) and offline verification', () => {
  let number: string;
  let files: Awaited<ReturnType<typeof saveCredentialFiles>>;
  beforeAll(async () => {
    number = (await complete(facts('learner-a', { course: course({ code: 'CL-301', validityMonths: 24 }) }))).number;
    files = await saveCredentialFiles(number, 'learner-a');
  });

  it('is an OpenBadgeCredential signed ES256 with the published key, with status entry and validUntil', async () => {
    const { payload, protectedHeader } = await compactVerify(files.jwt, createLocalJWKSet(files.jwks));
    const vc = JSON.parse(new TextDecoder().decode(payload));
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: files.jwks.keys[0].kid });
    expect(vc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc).toMatchObject({ id: `https://latih.test/sahkan/${number}`, iss: 'https://latih.test/api/certificates/issuer', jti: vc.id, certificateNumber: number });
    expect(vc.credentialSubject.achievement).toMatchObject({ humanCode: 'CL-301', achievementType: 'Certificate' });
    expect(vc.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: 'https://latih.test/api/certificates/status/1' });
    expect(vc.exp).toBe(Math.floor(Date.parse(vc.validUntil) / 1000));
    const issuer = (await publicGet('/api/certificates/issuer')).body;
    expect(issuer).toMatchObject({ id: 'https://latih.test/api/certificates/issuer', type: ['Profile'], name: 'Kerajaan Negeri Sembilan' });
    expect(issuer.verificationMethod[0].publicKeyJwk).toEqual(files.jwks.keys[0]);
    expect(JSON.stringify(files.jwks)).not.toMatch(/"d"/); // no private part published
  });

  it('a genuine credential passes offline; any change, a forged signature or another key fails', async () => {
    const genuine = await verifyCredentialOffline(files.jwt, files.jwks, { statusListJwt: files.status });
    expect(genuine).toMatchObject({ genuine: true, status: 'valid', statusChecked: true, credential: { number, holder: 'Pegawai learner-a' } });

    const [h, p, s] = files.jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const reencode = (obj: unknown) => Buffer.from(JSON.stringify(obj)).toString('base64url');
    const tampered = [
      { ...payload, credentialSubject: { ...payload.credentialSubject, identifier: [{ ...payload.credentialSubject.identifier[0], identityHash: 'Someone Else' }] } },
      { ...payload, validUntil: '2099-01-01T00:00:00Z' },
      { ...payload, certificateNumber: 'NS-2027-2222-2222' },
      { ...payload, credentialStatus: { ...payload.credentialStatus, statusListIndex: '131000' } },
      { ...payload, name: `${payload.name}!` },
      { ...payload, credentialSubject: { ...payload.credentialSubject, achievement: { ...payload.credentialSubject.achievement, description: 'Kursus 120 jam' } } },
    ];
    for (const t of tampered) expect((await verifyCredentialOffline(`${h}.${reencode(t)}.${s}`, files.jwks)).genuine).toBe(false);
    // One character of the signature.
    const flipped = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect((await verifyCredentialOffline(flipped, files.jwks)).genuine).toBe(false);
    // alg none, and the same credential signed by another key claiming the same kid.
    const none = `${reencode({ alg: 'none', typ: 'JWT' })}.${p}.`;
    expect((await verifyCredentialOffline(none, files.jwks)).genuine).toBe(false);
    const other = jwkSigner(newPrivateJwk());
    const otherKid = { sign: other.sign, publicJwk: async () => ({ ...(await other.publicJwk()), kid: files.jwks.keys[0].kid }) };
    const record = (await f.storage.clients.ddb.send(new GetCommand({ TableName: f.storage.config.tableName, Key: { pk: `CERT#${number}`, sk: 'CERT' } }))).Item!;
    const forged = await signCredential(record as never, issuerUrls('https://latih.test'), otherKid);
    expect((await verifyCredentialOffline(forged, files.jwks)).genuine).toBe(false);
    // A status list signed by another key is not trusted.
    const listFromOther = await verifyCredentialOffline(files.jwt, files.jwks, { statusListJwt: forged });
    expect(listFromOther.statusChecked).toBe(false);
  });

  it('the cert:verify command passes the genuine file (exit 0) and fails a tampered one (exit 1)', () => {
    const dir = join(out, `cli-${randomUUID().slice(0, 6)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'credential.jwt'), files.jwt);
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify(files.jwks));
    writeFileSync(join(dir, 'status.jwt'), files.status);
    const run = (file: string) => spawnSync('npx', ['tsx', 'functions/certificates/cli.ts', file, '--jwks', join(dir, 'jwks.json'), '--status', join(dir, 'status.jwt')], { cwd: repoRoot, encoding: 'utf8' });
    const ok = run(join(dir, 'credential.jwt'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('SAH / VALID');
    expect(ok.stdout).toContain(number);
    const [h, p, s] = files.jwt.split('.') as [string, string, string];
    const changed = Buffer.from(Buffer.from(p, 'base64url').toString().replace('Pegawai learner-a', 'Pegawai learner-z')).toString('base64url');
    writeFileSync(join(dir, 'tampered.jwt'), `${h}.${changed}.${s}`);
    const bad = run(join(dir, 'tampered.jwt'));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('NOT GENUINE');
  }, 60_000);
});

describe('revocation', () => {
  it('an administrator of the programme revokes with a reason: audited, verification and the offline check say revoked', async () => {
    const c = await complete(facts('learner-b', { course: course({ code: 'BC-301' }) }));
    const before = await saveCredentialFiles(c.number, 'learner-b');
    // Another programme's administrator, a coordinator (no revoke permission), a learner.
    expect((await f.request(`/api/certificates/${c.number}/revoke`, { method: 'POST', as: 'padmin-71', body: { reason: 'Ujian skop program' } })).body.error.code).toBe('CERTIFICATE_NOT_FOUND');
    expect((await f.request(`/api/certificates/${c.number}/revoke`, { method: 'POST', as: 'coord-suk', body: { reason: 'Tiada kebenaran' } })).status).toBe(403);
    expect((await f.request(`/api/certificates/${c.number}/revoke`, { method: 'POST', as: 'learner-b', body: { reason: 'Tiada kebenaran' } })).status).toBe(403);
    const short = await f.request(`/api/certificates/${c.number}/revoke`, { method: 'POST', as: 'padmin-31', body: { reason: 'x' } });
    expect([short.status, short.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const res = await f.request(`/api/certificates/${c.number}/revoke`, { method: 'POST', as: 'padmin-31', body: { reason: 'Kehadiran didapati palsu' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.certificate).toMatchObject({ status: 'revoked' });
    const verified = await publicGet(`/api/certificates/verify/${c.number}`);
    expect(verified.body.status).toBe('revoked');
    expect(JSON.stringify(verified.body)).not.toContain('palsu'); // the reason stays internal

    const events = await f.deps.audit.eventsOfRecord({ type: 'certificate', id: c.number });
    expect(events.map((e) => e.action)).toEqual(['certificate.revoke']);
    expect(events[0]).toMatchObject({ actor: { userId: 'padmin-31', role: 'programme-admin' }, summary: { after: { reason: 'Kehadiran didapati palsu' } } });

    // Offline: the old status list still says valid (as of then); the current one says revoked.
    expect((await verifyCredentialOffline(before.jwt, before.jwks, { statusListJwt: before.status })).status).toBe('valid');
    const now = (await publicGet(before.statusPath)).body as string;
    expect((await verifyCredentialOffline(before.jwt, before.jwks, { statusListJwt: now })).status).toBe('revoked');
    const again = await f.request(`/api/certificates/${c.number}/revoke`, { method: 'POST', as: 'padmin-31', body: { reason: 'Sekali lagi' } });
    expect([again.status, again.body.error.code]).toEqual([409, 'CERTIFICATE_NOT_VALID']);
  });

  it('a certificate revoked before its credential was ever signed gets no credential', async () => {
    const c = await complete(facts('learner-b', { course: course({ code: 'BS-101', programme: '7.1' }) }));
    expect((await f.request(`/api/certificates/${c.number}/revoke`, { method: 'POST', as: 'padmin-71', body: { reason: 'Didaftar dua kali' } })).status).toBe(200);
    const cred = await f.request(`/api/certificates/mine/${c.number}/credential`, { as: 'learner-b' });
    expect([cred.status, cred.body.error.code]).toEqual([409, 'CERTIFICATE_NOT_VALID']);
  });
});

describe('reissue after a name correction, and renewal', () => {
  it('supersedes the old certificate (kept, linked, bit set) and issues one with the corrected name', async () => {
    const old = await complete(facts('learner-b', { holderName: 'Pegawai learner-b', course: course({ code: 'AD-201' }) }));
    const oldFiles = await saveCredentialFiles(old.number, 'learner-b');
    const unchanged = await f.request(`/api/certificates/${old.number}/reissue`, { method: 'POST', as: 'coord-suk', body: { reason: 'Pembetulan nama' } });
    expect([unchanged.status, unchanged.body.error.code]).toEqual([409, 'CERTIFICATE_NAME_UNCHANGED']);
    const profile = (await f.deps.store.getProfile('learner-b'))!;
    await f.deps.store.saveProfile({ ...profile, name: 'Pegawai Learner Bee', version: profile.version + 1 }, profile, { userId: 'coord-suk', role: 'coordinator' }, { action: 'profile.update', orgId: 'SUK-NS', summary: {}, requestId: 't' });

    const res = await f.request(`/api/certificates/${old.number}/reissue`, { method: 'POST', as: 'coord-suk', body: { reason: 'Pembetulan ejaan nama' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const next = res.body.certificate;
    expect(next).toMatchObject({ status: 'valid', holderName: 'Pegawai Learner Bee', reissueOf: old.number, completedAt: old.completedAt });
    expect(res.body.superseded).toMatchObject({ number: old.number, status: 'superseded', supersededBy: next.number });
    expect((await publicGet(`/api/certificates/verify/${old.number}`)).body).toMatchObject({ status: 'superseded', supersededBy: next.number });
    expect((await f.deps.audit.eventsOfRecord({ type: 'certificate', id: old.number })).map((e) => e.action)).toEqual(['certificate.reissue']);
    // The completion's once-guard now names the new certificate; the old credential is revoked offline.
    const { Item: guard } = await f.storage.clients.ddb.send(new GetCommand({ TableName: f.storage.config.tableName, Key: { pk: `CERTFOR#learner-b#AD-201#v-2027-01`, sk: 'CERTFOR' } }));
    expect(guard?.number).toBe(next.number);
    const list = (await publicGet(oldFiles.statusPath)).body as string;
    expect((await verifyCredentialOffline(oldFiles.jwt, oldFiles.jwks, { statusListJwt: list })).status).toBe('revoked');
    // Out of a coordinator's units: not found.
    const foreign = await complete(facts('teacher-x', { orgId: 'SK-CONTOH-TAMAN-RASAH', course: course({ code: 'AD-201', programme: '7.2' }) }));
    expect((await f.request(`/api/certificates/${foreign.number}/reissue`, { method: 'POST', as: 'coord-suk', body: { reason: 'Pembetulan nama' } })).body.error.code).toBe('CERTIFICATE_NOT_FOUND');
  });

  it('a refresher completion renews: the new certificate names the old, the old names the new', async () => {
    const first = await complete(facts('learner-a', { course: course({ code: 'CS-201', validityMonths: 12 }) }));
    const second = await complete(facts('learner-a', { renews: first.number, course: course({ code: 'CS-201-R', validityMonths: 12 }) }));
    expect((await publicGet(`/api/certificates/verify/${second.number}`)).body.renews).toBe(first.number);
    expect((await publicGet(`/api/certificates/verify/${first.number}`)).body.renewedBy).toBe(second.number);
    // Renewing someone else's certificate is refused by the transaction: nothing is written.
    await expect(complete(facts('learner-b', { renews: first.number, course: course({ code: 'CS-201-R2' }) }))).rejects.toThrow();
    expect((await f.request('/api/certificates/mine', { as: 'learner-b' })).body.certificates.some((c: { course: { code: string } }) => c.course.code === 'CS-201-R2')).toBe(false);
  });
});

describe('ZIP export and My certificates', () => {
  it('a facilitator downloads the certificates of a course in their units as one ZIP, with an index', async () => {
    const code = 'IOT-101';
    const ours = [await complete(facts('learner-a', { course: course({ code }) })), await complete(facts('learner-b', { course: course({ code }) }))];
    await complete(facts('teacher-x', { orgId: 'SK-CONTOH-TAMAN-RASAH', course: course({ code }) }));
    const res = await f.request(`/api/certificates/courses/${code}/export`, { method: 'POST', as: 'facil-suk' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.count).toBe(2);
    const zip = unzipSync(new Uint8Array(await (await fetch(res.body.url)).arrayBuffer()));
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(3);
    for (const c of ours) expect(names.some((n) => n.startsWith(c.number) && n.endsWith('.pdf'))).toBe(true);
    const index = new TextDecoder().decode(zip['senarai-sijil.csv']);
    expect(index).toContain(ours[0]!.number);
    expect(index).not.toContain('teacher-x');
    // A learner may not; a programme administrator of 3.1 sees all three.
    expect((await f.request(`/api/certificates/courses/${code}/export`, { method: 'POST', as: 'learner-a' })).status).toBe(403);
    expect((await f.request(`/api/certificates/courses/${code}/export`, { method: 'POST', as: 'padmin-31' })).body.count).toBe(3);
    expect((await f.request(`/api/certificates/courses/${code}/export?org=SK-CONTOH-TAMAN-RASAH`, { method: 'POST', as: 'facil-suk' })).body).toEqual({ count: 0, url: null, expiresAt: null });
  }, 60_000);

  it('My certificates lists only my own, newest first, each with its share link', async () => {
    const res = await f.request('/api/certificates/mine', { as: 'learner-a' });
    expect(res.body.certificates.length).toBeGreaterThan(3);
    expect(res.body.certificates.every((c: { verifyUrl: string; holderName: string }) => c.verifyUrl.startsWith('https://latih.test/sahkan/NS-'))).toBe(true);
    const dates = res.body.certificates.map((c: { completedAt: string }) => c.completedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect((await f.request('/api/certificates/mine')).status).toBe(401);
  });
});

describe('signers', () => {
  it('the KMS signer turns KMS DER signatures into JOSE r||s and publishes the key as a JWK', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const privateNode = createPrivateKey({ key: (await exportJWK(privateKey)) as never, format: 'jwk' });
    const spki = createPublicKey({ key: (await exportJWK(publicKey)) as never, format: 'jwk' }).export({ format: 'der', type: 'spki' });
    const kms = mockClient(KMSClient);
    // No KMS runs locally: the mock signs as KMS does (DER, ECDSA_SHA_256) with a real key.
    kms.on(SignCommand).callsFake((input: { Message: Uint8Array; SigningAlgorithm: string; MessageType: string }) => {
      expect([input.SigningAlgorithm, input.MessageType]).toEqual(['ECDSA_SHA_256', 'RAW']);
      return { Signature: new Uint8Array(nodeSign('sha256', input.Message, { key: privateNode, dsaEncoding: 'der' })) };
    });
    kms.on(GetPublicKeyCommand).resolves({ PublicKey: new Uint8Array(spki) });
    const signer = kmsSigner(new KMSClient({ region: 'ap-southeast-5' }), 'alias/test');
    const jwk = await signer.publicJwk();
    const c = { ...newCertificate(facts('kms-user'), new Date()), statusEntry: { list: 1, index: 5 } };
    for (let i = 0; i < 20; i++) {
      const jwt = await signCredential(c, issuerUrls('https://latih.test'), signer);
      await compactVerify(jwt, await importJWK(jwk, 'ES256'));
    }
    kms.restore();
  });

  it('derToJose pads short integers and drops sign bytes', () => {
    const r = new Uint8Array(32).fill(1);
    const s = new Uint8Array(31).fill(2);
    const der = new Uint8Array([0x30, 2 + 33 + 2 + 31, 0x02, 33, 0x00, ...r, 0x02, 31, ...s]);
    expect([...derToJose(der)]).toEqual([...r, 0, ...s]);
  });
});
