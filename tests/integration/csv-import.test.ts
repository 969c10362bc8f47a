import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      [3, 'MyKad'], [4, 'Nama'], [5, 'Telefon'], [6, 'MyKad'], [7, 'Jenis'], [8, 'Unit'], [9, 'Unit'],
    ]);
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
