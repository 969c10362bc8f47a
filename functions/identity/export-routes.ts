/**
 * The people of a unit as a CSV file for its coordinators (served by the imports Lambda, with
 * the other bulk routes). The MyKad is masked unless the caller may see it for that person
 * (users:read-ic over their unit); each export is an audit event (`users.export`): who took
 * which unit's list, how many people, whether full MyKad numbers were in it.
 */
import { Hono } from 'hono/tiny';
import { isAllowed } from '../core/access';
import { attachment, toCsv } from '../core/csv';
import { AppError } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import type { Lang } from '../core/language';
import { maskMyKad } from '../core/mykad';
import { UserExportQuery } from './api';
import type { ProfileRecord } from './profile';
import type { IdentityDeps } from './routes';

/** People in one file at most: beyond, a smaller unit (a Lambda answer is at most 6 MB). */
export const EXPORT_MAX_ROWS = 20_000;
const PAGE = 500;

const labels: Record<Lang, Record<string, string>> = {
  ms: {
    name: 'Nama', ic: 'MyKad', kind: 'Jenis', orgId: 'Unit', unitName: 'Nama unit', phone: 'Telefon', email: 'E-mel', department: 'Jabatan',
    payScale: 'Skim gaji', grade: 'Gred', educationLevel: 'Tahap', status: 'Status', updatedAt: 'Dikemas kini',
    'civil-servant': 'penjawat awam', teacher: 'guru', participant: 'peserta',
    'pending-verification': 'menunggu pengesahan', verified: 'disahkan', active: 'aktif',
    primary: 'rendah', secondary: 'menengah', tertiary: 'tinggi',
  },
  en: {
    name: 'Name', ic: 'MyKad', kind: 'Kind', orgId: 'Unit', unitName: 'Unit name', phone: 'Phone', email: 'Email', department: 'Department',
    payScale: 'Pay scale', grade: 'Grade', educationLevel: 'Level', status: 'Status', updatedAt: 'Updated',
    'civil-servant': 'civil servant', teacher: 'teacher', participant: 'participant',
    'pending-verification': 'pending verification', verified: 'verified', active: 'active',
    primary: 'primary', secondary: 'secondary', tertiary: 'tertiary',
  },
};

export function exportRoutes({ store, orgs, audit, clock }: IdentityDeps) {
  return new Hono<AppEnv>().get('/exports/users.csv', validate('query', UserExportQuery), async (c) => {
    const { org } = c.req.valid('query');
    const lang = c.get('lang');
    const l = labels[lang];
    const tree = await orgs.tree();
    const units = tree.subtree(org);
    const people: ProfileRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.pageProfiles(units, { limit: PAGE, ...(cursor ? { cursor } : {}) });
      people.push(...page.profiles);
      cursor = page.nextCursor ?? undefined;
      if (people.length > EXPORT_MAX_ROWS) throw new AppError('EXPORT_TOO_LARGE', { max: EXPORT_MAX_ROWS });
    } while (cursor);

    const assignments = c.get('assignments');
    const icVisible = new Map(units.map((u) => [u, isAllowed(assignments, 'users:read-ic', u, tree.get(u)?.ancestors ?? [])]));
    const showIc = (p: ProfileRecord) => icVisible.get(p.orgId) === true;
    const word = (v: string | undefined) => (v === undefined ? '' : l[v] ?? v);
    const csv = toCsv<ProfileRecord>(
      [
        { header: l.name!, value: (p) => p.name },
        { header: l.ic!, value: (p) => (showIc(p) ? p.ic : maskMyKad(p.ic)) },
        { header: l.kind!, value: (p) => word(p.kind) },
        { header: l.orgId!, value: (p) => p.orgId },
        { header: l.unitName!, value: (p) => tree.get(p.orgId)?.name[lang] },
        { header: l.phone!, value: (p) => p.phone },
        { header: l.email!, value: (p) => p.email },
        { header: l.department!, value: (p) => p.department },
        { header: l.payScale!, value: (p) => p.payScale },
        { header: l.grade!, value: (p) => p.grade },
        { header: l.educationLevel!, value: (p) => word(p.educationLevel) },
        { header: l.status!, value: (p) => word(p.status) },
        { header: l.updatedAt!, value: (p) => p.updatedAt },
      ],
      people,
    );

    const fullIc = people.filter(showIc).length;
    const ancestors = tree.get(org)?.ancestors ?? [];
    await audit.writeWithAudit([], {
      actor: { userId: c.get('principal').userId, ...roleFor(assignments, org, ancestors) },
      action: 'users.export', record: { type: 'org', id: org }, orgId: org,
      summary: { after: { rows: people.length, fullIc } },
      requestId: c.get('requestId'),
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', attachment(`latih-pengguna-${org}-${clock().toISOString().slice(0, 10)}.csv`));
    c.header('Cache-Control', 'no-store');
    return c.body(csv);
  });
}

function roleFor(assignments: Parameters<typeof isAllowed>[0], org: string, ancestors: string[]) {
  const role = assignments.find((a) => isAllowed([a], 'users:export', org, ancestors))?.role;
  return role ? { role } : {};
}
