import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localLoginAccounts } from '../../functions/identity/login-accounts';
import { startOidcProvider, type OidcProvider } from '../../functions/local/oidc/provider';
import { createPlatformApp } from '../../functions/platform';
import { identityFixture, nextIc, type IdentityFixture } from '../support/identity-fixture';

let f: IdentityFixture;
const SCHOOL = 'SK-CONTOH-TAMAN-RASAH';

async function eventCount() {
  return (await f.deps.audit.verifyAll()).reduce((n, c) => n + c.events, 0);
}

function post(csv: string | Uint8Array, query: string, as = 'coord-school', lang?: string) {
  return f.request(`/api/users/import?${query}`, { method: 'POST', as, body: typeof csv === 'string' ? csv : Buffer.from(csv).toString('latin1'), ...(lang ? { lang } : {}) });
}

beforeAll(async () => {
  f = await identityFixture('csv');
  await f.person('coord-school', SCHOOL, [{ role: 'coordinator', orgId: SCHOOL }], { kind: 'teacher', grade: 'DG10', educationLevel: 'primary' });
  await f.person('coord-suk', 'SUK-NS', [{ role: 'coordinator', orgId: 'SUK-NS' }]);
});
afterAll(() => f?.stop());

describe('CSV import of participants', () => {
  it('a dry run reports every bad row with its line, column and reason, and writes nothing', async () => {
    const dup = nextIc();
    const csv = [
      'Nama,MyKad,Telefon,Jenis,Unit',
      `Ali bin Abu,${nextIc()},012-345 6789,peserta,`,
      'Budi,850230-05-5123,012-345 6789,peserta,',
      `=cmd|' /C calc'!A0,${nextIc()},,peserta,`,
      `Chong Wei,${dup},12345,,`,
      `Devi a/p Raju,${dup},,,`,
      `Encik Guru,${nextIc()},,guru,`,
      `Fatimah,${nextIc()},,,D-0505`,
      `Gopal,${nextIc()},,,TIADA-UNIT`,
    ].join('\n');
    const events = await eventCount();
    const res = await post(csv, `org=${SCHOOL}&dryRun=true`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 8, created: 1, updated: 0, unchanged: 0, batches: [] });
    expect(res.body.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual([
      [3, 'MyKad'], [4, 'Nama'], [5, 'Telefon'], [6, 'MyKad'], [7, 'emel'], [8, 'Unit'], [9, 'Unit'],
    ]);
    expect(res.body.problems[4].message).toBe('E-mel rasmi wajib bagi penjawat awam dan guru: akaun log masuk mereka dibuka dengan e-mel ini.');
    expect(res.body.problems[1].message).toBe('Nilai tidak boleh bermula dengan =, +, - atau @ (formula hamparan).');
    expect(res.body.problems[3].message).toBe('MyKad ini sudah ada pada baris lain dalam fail yang sama.');
    expect(await eventCount()).toBe(events);
    expect((await f.request(`/api/users?q=ali`, { as: 'coord-school' })).body.users).toEqual([]);
  });

  it('answers in English when asked', async () => {
    const res = await post(`name,ic\nAli,850230-05-5123\n`, `org=${SCHOOL}`, 'coord-school', 'en');
    expect(res.body.problems[0]).toEqual({ line: 2, column: 'ic', message: 'The first six digits of a MyKad must be a real date of birth (YYMMDD).' });
  });

  it('imports in all-or-nothing batches with one audit event each, and is idempotent by MyKad', async () => {
    const people = Array.from({ length: 65 }, (_, i) => `Murid ${String(i).padStart(2, '0')},${nextIc()},01${String(20000000 + i)}`);
    const csv = `\uFEFFnama,mykad,telefon\n${people.join('\n')}\n`;
    const events = await eventCount();
    const first = await post(csv, `org=${SCHOOL}&dryRun=false`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ dryRun: false, rows: 65, created: 65, updated: 0, unchanged: 0, problems: [] });
    expect(first.body.batches.map((b: { lines: number[] }) => b.lines.length)).toEqual([30, 30, 5]);
    expect(await eventCount()).toBe(events + 3);
    const found = await f.request('/api/users?q=murid&limit=100', { as: 'coord-school' });
    expect(found.body.users).toHaveLength(65);
    expect(found.body.users[0]).toMatchObject({ kind: 'participant', status: 'active', orgId: SCHOOL });

    const again = await post(csv, `org=${SCHOOL}&dryRun=false`);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 65, batches: [] });
    expect(await eventCount()).toBe(events + 3);

    const edited = csv.replace(people[7]!, people[7]!.replace(/,01\d+$/, ',0139998888'));
    const third = await post(edited, `org=${SCHOOL}&dryRun=false`);
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 64 });
  });

  it('a real import with any bad row writes nothing at all', async () => {
    const events = await eventCount();
    const res = await post(`nama,mykad\nSatu,${nextIc()}\nDua,bukan-mykad\n`, `org=${SCHOOL}&dryRun=false`);
    expect([res.status, res.body.error.code]).toEqual([400, 'IMPORT_HAS_ERRORS']);
    expect(res.body.error.details.report.problems).toHaveLength(1);
    expect(await eventCount()).toBe(events);
    expect((await f.request('/api/users?q=satu', { as: 'coord-school' })).body.users).toEqual([]);
  });

  it('a MyKad registered outside the importer’s units is refused without details', async () => {
    const ic = nextIc();
    await f.person('elsewhere', 'SUK-NS', [], { ic: ic.replace(/-/g, '') });
    const res = await post(`nama,mykad\nOrang Lain,${ic}\n`, `org=${SCHOOL}`);
    expect(res.body.problems).toEqual([{ line: 2, column: 'mykad', message: 'MyKad ini didaftarkan di luar unit anda. Hubungi pentadbir platform.' }]);
  });

  it('refuses unreadable files: wrong encoding, missing columns, too many rows, too large', async () => {
    const latin1 = new Uint8Array([...Buffer.from('nama,mykad\nJos'), 0xe9, ...Buffer.from(`,${nextIc()}\n`)]);
    const res = await f.app.request(`/api/users/import?org=${SCHOOL}`, {
      method: 'POST', body: latin1,
      headers: { Authorization: `Bearer ${await f.issuer.tokenFor('coord-school')}`, 'Content-Type': 'text/csv' },
    });
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([400, 'CSV_UNREADABLE']);

    const cols = await post('nama,telefon\nAli,0123456789\n', `org=${SCHOOL}`);
    expect([cols.status, cols.body.error.code, cols.body.error.details.missing]).toEqual([400, 'CSV_COLUMNS', ['mykad']]);

    const many = `nama,mykad\n${Array.from({ length: 2001 }, (_, i) => `P${i},900101-05-${String(i).padStart(4, '0')}`).join('\n')}\n`;
    expect((await post(many, `org=${SCHOOL}`)).body.error.code).toBe('CSV_TOO_MANY_ROWS');

    const huge = `nama,mykad\n${'Nama Yang Agak Panjang,900101-05-1234\n'.repeat(100_000)}`;
    const big = await post(huge, `org=${SCHOOL}`);
    expect([big.status, big.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const ragged = await post('nama,mykad\nAli,900101-05-1111,extra\n', `org=${SCHOOL}`);
    expect(ragged.body.error.code).toBe('CSV_UNREADABLE');
  });

  it('a coordinator cannot import into a unit outside their scope (404, existence not leaked)', async () => {
    const res = await post(`nama,mykad\nAli,${nextIc()}\n`, 'org=SUK-NS', 'coord-school');
    expect([res.status, res.body.error.code]).toEqual([404, 'ORG_NOT_FOUND']);
  });
});

describe('CSV import of civil servants and teachers (sign-in accounts at the local OpenID provider)', () => {
  let op: OidcProvider;
  let dir: string;
  let app: ReturnType<typeof createPlatformApp>;
  const secret = randomBytes(32).toString('base64url');
  const accountsFile = () => join(dir, 'imported.json');

  async function importAs(csv: string, query: string, as = 'coord-school') {
    const res = await app.request(`/api/users/import?${query}`, {
      method: 'POST', body: csv, headers: { Authorization: `Bearer ${await f.issuer.tokenFor(as)}`, 'Content-Type': 'text/csv' },
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'latih-import-accounts-'));
    op = await startOidcProvider({
      port: 0, accounts: [], clientId: 'latih-test-web', redirectUris: ['http://127.0.0.1:5998/auth/callback'], postLogoutRedirectUris: ['http://127.0.0.1:5998/'],
      importedAccountsFile: accountsFile(), adminSecret: secret,
    });
    // Each importer has 20 imports a minute: these tests use their own coordinators.
    for (const id of ['coord-school-2', 'coord-school-3']) {
      await f.person(id, SCHOOL, [{ role: 'coordinator', orgId: SCHOOL }], { kind: 'teacher', grade: 'DG10', educationLevel: 'primary' });
    }
    // The same storage, configured as `npm start` configures it: imports open accounts at the provider.
    app = createPlatformApp({ ...f.storage.config, loginAccounts: { kind: 'local', url: op.accountAdminUrl, secret } }, f.storage.clients);
  });
  afterAll(async () => {
    await op?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const teacherRow = (ic: string, email: string) => `Cikgu Aminah binti Yusof,${ic},guru,${email},SSPA,DG10,rendah`;
  const header = 'Nama,MyKad,Jenis,Emel,Skim Gaji,Gred,Tahap';

  it('a dry run opens no account; every missing detail is reported in BM', async () => {
    const csv = [header, teacherRow(nextIc(), 'aminah.dry@moe.gov.my'), `Cikgu Tanpa Emel,${nextIc()},guru,,SSPA,DG10,rendah`, `Cikgu Tanpa Gred,${nextIc()},guru,tanpa.gred@moe.gov.my,SSPA,,rendah`].join('\n');
    const res = await importAs(csv, `org=${SCHOOL}&dryRun=true`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, rows: 3, created: 1, accounts: 1 });
    expect(res.body.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual([[3, 'Emel'], [4, 'Gred']]);
    expect(existsSync(accountsFile())).toBe(false);
  });

  it('opens one account per civil servant or teacher; the profile id is its sub; a re-import reuses it', async () => {
    const ic = nextIc();
    const csv = `${header}\n${teacherRow(ic, 'Aminah.Yusof@moe.gov.my')}\nPeserta Biasa,${nextIc()},peserta,,,,\n`;
    const events = await eventCount();
    const first = await importAs(csv, `org=${SCHOOL}&dryRun=false`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: 2, accounts: 1, problems: [] });
    expect(await eventCount()).toBe(events + 1);

    const saved = JSON.parse(readFileSync(accountsFile(), 'utf8')).accounts as { sub: string; email: string }[];
    const account = saved.find((a) => a.email === 'aminah.yusof@moe.gov.my')!;
    expect(account.sub).toMatch(/^imp-/);
    const profile = await f.deps.store.getProfile(account.sub);
    // Registered by a coordinator of the school, who may verify its people: verified by them.
    expect(profile).toMatchObject({ kind: 'teacher', email: 'aminah.yusof@moe.gov.my', payScale: 'SSPA', grade: 'DG10', educationLevel: 'primary', status: 'verified', verifiedBy: 'coord-school' });
    expect(await f.deps.store.userIdByIc(ic.replace(/-/g, ''))).toBe(account.sub);

    // The same file again: nothing to do, no second account.
    const again = await importAs(csv, `org=${SCHOOL}&dryRun=false`);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, accounts: 0 });
    // The account endpoint itself answers the same sub for the same email.
    await expect(localLoginAccounts(op.accountAdminUrl, secret).ensureAccount({ email: 'aminah.yusof@moe.gov.my', name: 'x' })).resolves.toEqual({ sub: account.sub, created: false });
    expect(JSON.parse(readFileSync(accountsFile(), 'utf8')).accounts).toHaveLength(saved.length);
  });

  it('an import retried after a failure finds the account it opened, and does not open a second', async () => {
    const email = 'retry.teacher@moe.gov.my';
    // An earlier run opened the account, then stopped before the profile was written.
    const earlier = await localLoginAccounts(op.accountAdminUrl, secret).ensureAccount({ email, name: 'Cikgu Ulang' });
    const res = await importAs(`${header}\n${teacherRow(nextIc(), email)}\n`, `org=${SCHOOL}&dryRun=false`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 1, accounts: 0 });
    expect((await f.deps.store.getProfile(earlier.sub))?.email).toBe(email);
  });

  it('refuses an email someone else uses, and the same email twice in a file', async () => {
    const res = await importAs(
      [header, teacherRow(nextIc(), 'coord-suk@latih.test'), teacherRow(nextIc(), 'dua@moe.gov.my'), teacherRow(nextIc(), 'dua@moe.gov.my')].join('\n'),
      `org=${SCHOOL}`, 'coord-school',
    );
    expect(res.body.problems).toEqual([
      { line: 2, column: 'Emel', message: 'E-mel ini sudah digunakan oleh pengguna lain.' },
      { line: 4, column: 'Emel', message: 'E-mel ini sudah ada pada baris lain dalam fail yang sama.' },
    ]);
  });

  it('an imported participant cannot become a teacher by import (no account under their id)', async () => {
    const ic = nextIc();
    expect((await importAs(`nama,mykad\nPeserta Dulu,${ic}\n`, `org=${SCHOOL}&dryRun=false`)).status).toBe(201);
    const res = await importAs(`${header}\n${teacherRow(ic, 'dulu.peserta@moe.gov.my')}\n`, `org=${SCHOOL}`);
    expect(res.body.problems).toEqual([{ line: 2, column: 'Jenis', message: expect.stringContaining('tiada akaun log masuk') }]);
  });

  it('without a way to open accounts, a real import of teachers fails as misconfigured and writes nothing', async () => {
    const events = await eventCount();
    const res = await post(`${header}\n${teacherRow(nextIc(), 'tiada.konfig@moe.gov.my')}\n`, `org=${SCHOOL}&dryRun=false`, 'coord-school-2');
    expect([res.status, res.body.error.code]).toEqual([500, 'INTERNAL']);
    expect(await eventCount()).toBe(events);
  });

  it('when the provider refuses, the import stops with LOGIN_ACCOUNT_FAILED and writes nothing of that batch', async () => {
    const broken = createPlatformApp({ ...f.storage.config, loginAccounts: { kind: 'local', url: op.accountAdminUrl, secret: 'x'.repeat(40) } }, f.storage.clients);
    const events = await eventCount();
    const res = await broken.request(`/api/users/import?org=${SCHOOL}&dryRun=false`, {
      method: 'POST', body: `${header}\n${teacherRow(nextIc(), 'ditolak@moe.gov.my')}\n`,
      headers: { Authorization: `Bearer ${await f.issuer.tokenFor('coord-school-3')}`, 'Accept-Language': 'en' },
    });
    const body = (await res.json()) as any;
    expect([res.status, body.error.code]).toEqual([503, 'LOGIN_ACCOUNT_FAILED']);
    expect(body.error.message).toBe('Sign-in accounts cannot be opened right now. The batches listed were saved; import the same file again shortly.');
    expect(body.error.details.failedLines).toEqual([2]);
    expect(await eventCount()).toBe(events);
  });
});
