import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malaysianDay } from '../../functions/core/audit';
import { logger } from '../../functions/core/logger';
import { identityFixture, nextIc, type IdentityFixture } from '../support/identity-fixture';

let f: IdentityFixture;

const civilServant = (ic: string, extra: Record<string, unknown> = {}) => ({
  kind: 'civil-servant', name: 'Aminah binti Yusof', ic, phone: '012-345 6789', email: 'aminah@suk.latih.test',
  orgId: 'SUK-NS', department: 'Bahagian Teknologi Maklumat', payScale: 'SSPA', grade: '10', ...extra,
});

async function eventCount() {
  return (await f.deps.audit.verifyAll()).reduce((n, c) => n + c.events, 0);
}

beforeAll(async () => {
  f = await identityFixture('identity');
  await f.person('coord-suk', 'SUK-NS', [{ role: 'coordinator', orgId: 'SUK-NS' }]);
  await f.person('padmin-31', 'MY-05', [{ role: 'programme-admin', orgId: 'MY-05', programme: '3.1' }]);
  await f.person('auditor', 'MY-05', [{ role: 'auditor', orgId: 'MY-05' }]);
});
afterAll(() => f?.stop());

describe('first login and my profile', () => {
  it('a new user has no profile, completes it, and sees the IC masked', async () => {
    const before = await f.request('/api/me', { as: 'new-1' });
    expect(before.body).toEqual({ userId: 'new-1', profile: null, assignments: [], warnings: [] });

    const ic = nextIc();
    const saved = await f.request('/api/me/profile', { method: 'PUT', as: 'new-1', body: civilServant(ic) });
    expect(saved.status).toBe(201);
    expect(saved.body.profile).toMatchObject({
      userId: 'new-1', status: 'pending-verification', phone: '+60123456789', icMasked: true,
      ic: `${ic.slice(0, 6)}-**-**${ic.slice(-2)}`,
    });
    const me = await f.request('/api/me', { as: 'new-1' });
    expect(me.body.profile.name).toBe('Aminah binti Yusof');
    expect(JSON.stringify(me.body)).not.toContain(ic.replace(/-/g, ''));
  });

  it('names each bad field in BM by default and EN on request, and writes nothing', async () => {
    const events = await eventCount();
    const bad = await f.request('/api/me/profile', { method: 'PUT', as: 'new-2', body: civilServant('850230-05-5123', { phone: '12345', orgId: 'SK-CONTOH-TAMAN-RASAH' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues).toEqual([
      { field: 'ic', message: 'Enam digit pertama MyKad mesti tarikh lahir yang sah (YYMMDD).' },
      { field: 'phone', message: 'Nombor telefon Malaysia tidak sah, contohnya 012-345 6789.' },
      { field: 'orgId', message: 'Unit ini tidak sesuai untuk jenis pengguna ini.' },
    ]);
    const en = await f.request('/api/me/profile', { method: 'PUT', as: 'new-2', lang: 'en', body: { ...civilServant('1234'), email: 'not-an-email', grade: 'x' } });
    expect(en.status).toBe(400);
    expect(en.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual(['email', 'grade', 'ic']);
    expect(en.body.error.message).toBe('The request is not valid. Please check the fields listed.');
    const malformed = await f.request('/api/me/profile', { method: 'PUT', as: 'new-2', body: '{"kind": "teacher",' });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'MALFORMED_JSON']);
    expect((await f.request('/api/me', { as: 'new-2' })).body.profile).toBeNull();
    expect(await eventCount()).toBe(events);
  });

  it('refuses a MyKad already registered to someone else with 409', async () => {
    const ic = nextIc();
    expect((await f.request('/api/me/profile', { method: 'PUT', as: 'dup-a', body: civilServant(ic, { email: 'a@latih.test' }) })).status).toBe(201);
    const dup = await f.request('/api/me/profile', { method: 'PUT', as: 'dup-b', body: civilServant(ic.replace(/-/g, ''), { email: 'b@latih.test' }), lang: 'en' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'IC_TAKEN']);
    expect(dup.body.error.message).toContain('already registered');
  });

  it('20 people racing for the same MyKad: exactly one gets it', async () => {
    const ic = nextIc();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => f.request('/api/me/profile', { method: 'PUT', as: `race-${i}`, body: civilServant(ic, { email: `race${i}@latih.test` }) })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(409)]);
  });

  it('a participant registers without email and is active at once', async () => {
    const res = await f.request('/api/me/profile', { method: 'PUT', as: 'rural-1', body: { kind: 'participant', name: 'Pak Long Hamid', ic: nextIc(), phone: '+60198765432', orgId: 'D-0501' } });
    expect(res.status).toBe(201);
    expect(res.body.profile).toMatchObject({ status: 'active', phone: '+60198765432' });
    expect(res.body.profile.email).toBeUndefined();
  });

  it('changing an official field sends a verified profile back for verification', async () => {
    const ic = nextIc();
    await f.request('/api/me/profile', { method: 'PUT', as: 'changer', body: civilServant(ic, { email: 'changer@latih.test' }) });
    expect((await f.request('/api/users/changer/verify', { method: 'POST', as: 'coord-suk' })).body.profile.status).toBe('verified');
    const phoneOnly = await f.request('/api/me/profile', { method: 'PUT', as: 'changer', body: civilServant(ic, { email: 'changer@latih.test', phone: '013-999 8888' }) });
    expect(phoneOnly.body.profile.status).toBe('verified');
    const promoted = await f.request('/api/me/profile', { method: 'PUT', as: 'changer', body: civilServant(ic, { email: 'changer@latih.test', grade: '12' }) });
    expect(promoted.body.profile.status).toBe('pending-verification');
  });

  it('an update without the MyKad keeps the stored one; a first save without it is refused', async () => {
    const ic = nextIc();
    const { ic: _omit, ...withoutIc } = civilServant(ic, { email: 'keeper@latih.test' });
    const first = await f.request('/api/me/profile', { method: 'PUT', as: 'keeper', body: withoutIc });
    expect([first.status, first.body.error.details.issues]).toEqual([400, [{ field: 'ic', message: 'Medan ini wajib diisi.' }]]);
    await f.request('/api/me/profile', { method: 'PUT', as: 'keeper', body: civilServant(ic, { email: 'keeper@latih.test' }) });
    const update = await f.request('/api/me/profile', { method: 'PUT', as: 'keeper', body: { ...withoutIc, phone: '013-111 2222' } });
    expect(update.status).toBe(200);
    expect(update.body.profile).toMatchObject({ phone: '+60131112222', ic: `${ic.slice(0, 6)}-**-**${ic.slice(-2)}` });
    expect(await f.deps.store.userIdByIc(ic.replace(/-/g, ''))).toBe('keeper');
  });

  it('exports everything held about me, with the full MyKad and my history', async () => {
    const ic = nextIc();
    await f.request('/api/me/profile', { method: 'PUT', as: 'exporter', body: civilServant(ic, { email: 'exporter@latih.test' }) });
    const res = await f.request('/api/me/export', { as: 'exporter' });
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="latih-data-saya-\d{4}-\d\d-\d\d\.json"/);
    expect(res.body.profile).toMatchObject({ ic: ic.replace(/-/g, ''), icMasked: false });
    expect(res.body.history.map((e: { action: string }) => e.action)).toEqual(['profile.create']);
  });
});

describe('administration within scope', () => {
  it('a coordinator verifies once; the second attempt is 409; the audit trail shows who', async () => {
    await f.request('/api/me/profile', { method: 'PUT', as: 'to-verify', body: civilServant(nextIc(), { email: 'tv@latih.test' }) });
    const first = await f.request('/api/users/to-verify/verify', { method: 'POST', as: 'coord-suk' });
    expect(first.body.profile).toMatchObject({ status: 'verified', verifiedBy: 'coord-suk', icMasked: false });
    const again = await f.request('/api/users/to-verify/verify', { method: 'POST', as: 'coord-suk' });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_VERIFIED']);
    const trail = await f.request('/api/audit?record=user:to-verify', { as: 'auditor' });
    expect(trail.body.events.map((e: { action: string; actor: { userId: string; role: string } }) => [e.action, e.actor.userId, e.actor.role])).toEqual([
      ['profile.verify', 'coord-suk', 'coordinator'],
      ['profile.create', 'to-verify', 'self'],
    ]);
    // Actors' names come from their profiles when read; the events themselves hold ids only.
    expect(trail.body.actors).toEqual({ 'coord-suk': 'Pegawai coord-suk', 'to-verify': 'Aminah binti Yusof' });
    expect(JSON.stringify(trail.body.events)).not.toContain('Pegawai coord-suk');
  });

  it('search by name prefix, by MyKad and by email stays within scope; IC masked in lists, full on the page only if entitled', async () => {
    const ic = nextIc();
    await f.request('/api/me/profile', { method: 'PUT', as: 'zaitun', body: civilServant(ic, { name: 'Zaitun binti Karim', email: 'zaitun@latih.test' }) });
    await f.person('zaleha-school', 'SK-CONTOH-TAMAN-RASAH', [], { name: 'Zaleha binti Omar', kind: 'teacher', grade: 'DG10' });

    const byName = await f.request('/api/users?q=zai', { as: 'coord-suk' });
    expect(byName.body.users.map((u: { userId: string }) => u.userId)).toEqual(['zaitun']);
    expect(byName.body.users[0]).toMatchObject({ ic: `${ic.slice(0, 6)}-**-**${ic.slice(-2)}`, icMasked: true });
    expect((await f.request('/api/users/zaitun', { as: 'coord-suk' })).body.profile).toMatchObject({ ic: ic.replace(/-/g, ''), icMasked: false });
    expect((await f.request('/api/users?q=zaleha', { as: 'coord-suk' })).body.users).toEqual([]);

    const byIc = await f.request(`/api/users?q=${ic}`, { as: 'padmin-31' });
    expect(byIc.body.users.map((u: { userId: string; icMasked: boolean }) => [u.userId, u.icMasked])).toEqual([['zaitun', true]]);
    expect((await f.request('/api/users?q=zaitun@latih.test', { as: 'coord-suk' })).body.users).toHaveLength(1);
    expect((await f.request('/api/users?q=zaleha', { as: 'padmin-31' })).body.users).toHaveLength(1);
  });

  it('lists page by page with a cursor, and filters those waiting for verification', async () => {
    const unit = 'PPD-KUALA-PILAH';
    await f.person('coord-ppd', unit, [{ role: 'coordinator', orgId: unit }]);
    for (let i = 0; i < 7; i++) {
      await f.person(`paged-${i}`, unit, [], { name: `Paged ${i}`, status: i % 2 ? 'pending-verification' : 'verified' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { users: { userId: string }[]; nextCursor: string | null } } = await f.request(`/api/users?org=${unit}&q=paged&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: 'coord-ppd' });
      seen.push(...res.body.users.map((u) => u.userId));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect([pages, seen]).toEqual([3, ['paged-0', 'paged-1', 'paged-2', 'paged-3', 'paged-4', 'paged-5', 'paged-6']]);

    const waiting = await f.request(`/api/users?org=${unit}&q=paged&status=pending-verification&limit=2`, { as: 'coord-ppd' });
    expect(waiting.body.users.map((u: { userId: string }) => u.userId)).toEqual(['paged-1', 'paged-3']);
    const rest = await f.request(`/api/users?org=${unit}&q=paged&status=pending-verification&limit=2&cursor=${waiting.body.nextCursor}`, { as: 'coord-ppd' });
    expect([rest.body.users.map((u: { userId: string }) => u.userId), rest.body.nextCursor]).toEqual([['paged-5'], null]);

    // A cursor is bound to the caller's units: one naming another unit, or garbage, is refused.
    const forged = Buffer.from(JSON.stringify(['SUK-NS', 'a#x'])).toString('base64url');
    expect((await f.request(`/api/users?org=${unit}&cursor=${forged}`, { as: 'coord-ppd' })).body.error.code).toBe('INVALID_CURSOR');
    expect((await f.request(`/api/users?cursor=bad`, { as: 'coord-ppd' })).body.error.code).toBe('INVALID_CURSOR');
  });

  it('exports a unit as CSV: BOM, masked MyKad unless entitled, formulas neutralised, audited, rate-limited', async () => {
    const unit = 'PPD-JEMPOL-JELEBU';
    await f.person('coord-jempol', unit, [{ role: 'coordinator', orgId: unit }]);
    await f.person('padmin-jempol', 'MY-05', [{ role: 'programme-admin', orgId: 'MY-05', programme: '7.1' }]);
    const p = await f.person('formula-person', unit, [], { name: '=HYPERLINK("http://x","klik")' });
    const before = await eventCount();
    const res = await f.app.request(`/api/exports/users.csv?org=${unit}`, { headers: { Authorization: `Bearer ${await f.issuer.tokenFor('coord-jempol')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="latih-pengguna-PPD-JEMPOL-JELEBU-\d{4}-\d\d-\d\d\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Nama,MyKad,Jenis,Unit,Nama unit,Telefon,E-mel,Jabatan,Skim gaji,Gred,Tahap,Status,Dikemas kini');
    // A coordinator may see the MyKad of their unit's people: full numbers.
    expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""http://x"",""klik"")",${p.ic},penjawat awam,${unit}`);
    expect(await eventCount()).toBe(before + 1);
    const trail = await f.request(`/api/audit?record=org:${unit}`, { as: 'auditor' });
    expect(trail.body.events[0]).toMatchObject({ action: 'users.export', actor: { userId: 'coord-jempol', role: 'coordinator' }, summary: { after: { rows: 2, fullIc: 2 } } });

    // English headers on request; a unit outside the caller's scope is 404.
    const en = await f.app.request(`/api/exports/users.csv?org=${unit}`, { headers: { Authorization: `Bearer ${await f.issuer.tokenFor('coord-jempol')}`, 'Accept-Language': 'en' } });
    expect((await en.text()).split('\r\n')[0]).toMatch(/^Name,MyKad,Kind,Unit,Unit name/);
    expect((await f.request('/api/exports/users.csv?org=SUK-NS', { as: 'coord-jempol' })).status).toBe(404);
    // A programme administrator may search people but not take them away in a file.
    expect((await f.request(`/api/exports/users.csv?org=${unit}`, { as: 'padmin-jempol' })).status).toBe(403);
    for (let i = 0; i < 8; i++) await f.request(`/api/exports/users.csv?org=${unit}`, { as: 'coord-jempol' });
    const limited = await f.request(`/api/exports/users.csv?org=${unit}`, { as: 'coord-jempol' });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('roles: a coordinator grants learner/facilitator in scope only, never coordinator', async () => {
    await f.person('staff-1', 'SUK-NS');
    const grant = await f.request('/api/users/staff-1/roles', { method: 'POST', as: 'coord-suk', body: { role: 'facilitator', orgId: 'SUK-NS' } });
    expect(grant.status).toBe(201);
    expect((await f.request('/api/users/staff-1/roles', { as: 'coord-suk' })).body.assignments).toEqual([{ role: 'facilitator', orgId: 'SUK-NS' }]);
    const escalate = await f.request('/api/users/staff-1/roles', { method: 'POST', as: 'coord-suk', body: { role: 'coordinator', orgId: 'SUK-NS' } });
    expect([escalate.status, escalate.body.error.code]).toEqual([403, 'ROLE_NOT_ASSIGNABLE']);
    const elsewhere = await f.request('/api/users/staff-1/roles', { method: 'POST', as: 'coord-suk', body: { role: 'learner', orgId: 'PKN-NS' } });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'ROLE_NOT_ASSIGNABLE']);
    const revoke = await f.request('/api/users/staff-1/roles/facilitator/SUK-NS', { method: 'DELETE', as: 'coord-suk' });
    expect(revoke.status).toBe(200);
    const again = await f.request('/api/users/staff-1/roles/facilitator/SUK-NS', { method: 'DELETE', as: 'coord-suk' });
    expect([again.status, again.body.error.code]).toEqual([404, 'ROLE_NOT_FOUND']);
  });
});

describe('audit', () => {
  it('every successful write adds exactly one event; the chains verify', async () => {
    const before = await eventCount();
    await f.request('/api/me/profile', { method: 'PUT', as: 'counted', body: civilServant(nextIc(), { email: 'counted@latih.test' }) });
    expect(await eventCount()).toBe(before + 1);
    const verify = await f.request('/api/audit/verify', { as: 'auditor' });
    expect(verify.body.ok).toBe(true);
    expect(verify.body.chains).toHaveLength(8);
  });

  it('browses by actor and by day; exactly one of record/actor/day is required', async () => {
    const byActor = await f.request('/api/audit?actor=coord-suk', { as: 'auditor' });
    expect(byActor.body.events.length).toBeGreaterThan(0);
    expect(byActor.body.events.every((e: { actor: { userId: string } }) => e.actor.userId === 'coord-suk')).toBe(true);
    const today = malaysianDay(new Date().toISOString());
    const page1 = await f.request(`/api/audit?day=${today}&limit=5`, { as: 'auditor' });
    expect(page1.body.events).toHaveLength(5);
    const page2 = await f.request(`/api/audit?day=${today}&limit=5&cursor=${page1.body.nextCursor}`, { as: 'auditor' });
    expect(page2.body.events[0].at <= page1.body.events[4].at).toBe(true);
    const none = await f.request('/api/audit', { as: 'auditor' });
    expect([none.status, none.body.error.details.issues[0].message]).toEqual([400, 'Nyatakan tepat satu: record, actor atau day']);
    expect((await f.request('/api/audit?day=2026-12-04&cursor=bad!', { as: 'auditor' })).body.error.code).toBe('INVALID_CURSOR');
  });
});

describe('personal data in logs', () => {
  it('no MyKad number reaches the log, even on errors', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as never;
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as never;
    logger.setLogLevel('DEBUG');
    try {
      const ic = nextIc();
      await f.request('/api/me/profile', { method: 'PUT', as: 'logged', body: civilServant(ic, { email: 'logged@latih.test' }) });
      await f.request('/api/me/profile', { method: 'PUT', as: 'logged-2', body: civilServant(ic, { email: 'logged2@latih.test' }) });
      await f.request(`/api/users?q=${ic}`, { as: 'coord-suk' });
      await f.request('/api/me/profile', { method: 'PUT', as: 'logged-3', body: civilServant('850230-05-5123') });
      expect(lines.length).toBeGreaterThan(3);
      const all = lines.join('\n');
      expect(all).not.toMatch(new RegExp(ic.replace(/-/g, '-?')));
      expect(all).not.toMatch(/850230-?05-?5123/);
    } finally {
      logger.setLogLevel('SILENT');
      process.stdout.write = write;
      process.stderr.write = errWrite;
    }
  });
});

describe('sign-in settings', () => {
  it('say where to sign out only when configured, and limit each address', { timeout: 60_000 }, async () => {
    const res = await f.request('/api/auth/config');
    expect(res.body).toEqual({ issuer: f.issuer.issuer, clientId: f.issuer.clientId, scope: 'openid profile email' });
    const { createPlatformApp } = await import('../../functions/platform');
    const logoutUrl = 'https://latih-test.auth.ap-southeast-5.amazoncognito.com/logout?client_id=c&logout_uri=https%3A%2F%2Flatih.example%2F';
    const withLogout = createPlatformApp({ ...f.storage.config, oidc: { ...f.storage.config.oidc!, logoutUrl } }, f.storage.clients);
    expect(await (await withLogout.request('/api/auth/config')).json()).toMatchObject({ logoutUrl });

    // 120 a minute per viewer address (set by CloudFront); another address has its own allowance.
    // A fixed clock: the fixed window cannot roll over in the middle of the test.
    const fixed = createPlatformApp(f.storage.config, f.storage.clients, () => new Date('2027-03-12T08:00:30Z'));
    const from = (address: string, extra: Record<string, string> = {}) => fixed.request('/api/auth/config', { headers: { 'x-latih-viewer-address': address, ...extra } });
    for (let i = 0; i < 120; i++) expect((await from('203.0.113.9')).status).toBe(200);
    const limited = await from('203.0.113.9');
    expect([limited.status, ((await limited.json()) as { error: { code: string } }).error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await from('203.0.113.10')).status).toBe(200);
    // X-Forwarded-For is not an address: changing it does not get a fresh allowance.
    const spoofed = await from('203.0.113.9', { 'x-forwarded-for': '198.51.100.77' });
    expect(spoofed.status).toBe(429);
  });
});

describe('rate limits', () => {
  it('the 21st profile save in a minute is 429 with Retry-After, in the error shape', { timeout: 60_000 }, async () => {
    // Fixed one-minute windows: start well inside one, so all 21 calls share it.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 45_000) await new Promise((r) => setTimeout(r, 60_500 - intoWindow));
    const ic = nextIc();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<IdentityFixture['request']>> | undefined;
    for (let i = 0; i < 21; i++) {
      last = await f.request('/api/me/profile', { method: 'PUT', as: 'hasty', lang: 'en', body: civilServant(ic, { email: 'hasty@latih.test', department: `Unit ${i}` }) });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 200 || s === 201)).toBe(true);
    expect(last!.status).toBe(429);
    expect(last!.body.error).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many requests. Please try again shortly.' });
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // another person is not affected
    expect((await f.request('/api/me', { as: 'calm' })).status).toBe(200);
  });
});
