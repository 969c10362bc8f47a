/**
 * Identity routes: my profile (first-login completion, my data export), the organisation
 * tree, and user administration within the caller's scope. Access is declared per operation
 * in openapi.ts and enforced by the guard in core/http.ts before any handler runs.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { assignableBy, isAllowed, scopeRoots, type Assignment, type Permission } from '../core/access';
import type { AuditLog } from '../core/audit';
import { AppError, fieldErrors } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import { parseMyKad } from '../core/mykad';
import { Assignment as AssignmentSchema, ProfileInput, RevokeRoleQuery, RoleKeyParam, UserIdParam, UserSearchQuery } from './api';
import type { OrgDirectory } from './orgs';
import { auditSummary, checkProfile, initialStatus, needsReverification, present, type ProfileRecord } from './profile';
import type { IdentityStore } from './store';
import { normaliseText } from '../catalogue/search';

export type IdentityDeps = {
  store: IdentityStore;
  orgs: OrgDirectory;
  audit: AuditLog;
  clock: () => Date;
  /** What the web app needs to start a login: the issuer and its client id (and where to sign out, if the issuer has no end_session_endpoint). */
  login: { issuer: string; clientId: string; logoutUrl?: string };
};

/** The caller's strongest role covering a unit, for the audit record. */
function actingRole(assignments: Assignment[], permission: Permission, orgId: string, ancestors: string[]) {
  return assignments.find((a) => isAllowed([a], permission, orgId, ancestors))?.role;
}

export function identityRoutes({ store, orgs, audit, clock, login }: IdentityDeps) {
  /** Whether the caller may see full IC numbers of a unit's people. */
  const canSeeIc = async (c: Context<AppEnv>, orgId: string) =>
    isAllowed(c.get('assignments') ?? [], 'users:read-ic', orgId, (await orgs.ancestorsOf(orgId)) ?? []);

  const requireProfile = async (userId: string) => {
    const profile = await store.getProfile(userId);
    if (!profile) throw new AppError('USER_NOT_FOUND');
    return profile;
  };

  return new Hono<AppEnv>()
    .get('/auth/config', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({ issuer: login.issuer, clientId: login.clientId, scope: 'openid profile email', ...(login.logoutUrl ? { logoutUrl: login.logoutUrl } : {}) });
    })
    .get('/orgs', async (c) => {
      const tree = await orgs.tree();
      const units = tree.units.map(({ ancestors: _a, ...u }) => ({ ...u, sample: Boolean(u.sample) }));
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({ units });
    })

    .get('/me', async (c) => {
      const { userId } = c.get('principal');
      const [profile, assignments] = await Promise.all([store.getProfile(userId), store.assignmentsOf(userId)]);
      const warnings = profile ? (parseMyKad(profile.ic, clock()) as { warnings?: string[] }).warnings ?? [] : [];
      return c.json({ userId, profile: profile ? present(profile, false) : null, assignments, warnings });
    })

    .put('/me/profile', validate('json', ProfileInput), async (c) => {
      const { userId } = c.get('principal');
      const input = c.req.valid('json');
      const previous = await store.getProfile(userId);
      const ic = input.ic ?? previous?.ic;
      if (!ic) throw fieldErrors([{ field: 'ic', problem: 'REQUIRED' }], c.get('lang'));
      const checked = checkProfile({ ...input, ic }, await orgs.tree(), clock());
      if (!checked.ok) throw fieldErrors(checked.problems, c.get('lang'));
      const now = clock().toISOString();
      const base = { ...checked.fields, userId, updatedAt: now };
      const next: ProfileRecord = previous
        ? {
            ...base,
            createdAt: previous.createdAt,
            version: previous.version + 1,
            status: needsReverification(previous, base) ? initialStatus(base.kind) : previous.status,
            ...(!needsReverification(previous, base) && previous.verifiedBy ? { verifiedBy: previous.verifiedBy } : {}),
          }
        : { ...base, createdAt: now, version: 1, status: initialStatus(base.kind) };
      await store.saveProfile(next, previous, { userId, role: 'self' }, {
        action: previous ? 'profile.update' : 'profile.create',
        orgId: next.orgId,
        summary: { before: auditSummary(previous), after: auditSummary(next) },
        requestId: c.get('requestId'),
      });
      return c.json({ profile: present(next, false), warnings: checked.warnings }, previous ? 200 : 201);
    })

    .get('/me/export', async (c) => {
      const { userId } = c.get('principal');
      const [profile, assignments, about] = await Promise.all([
        store.getProfile(userId),
        store.assignmentsOf(userId),
        audit.eventsOfRecord({ type: 'user', id: userId }),
      ]);
      c.header('Content-Disposition', `attachment; filename="latih-data-saya-${clock().toISOString().slice(0, 10)}.json"`);
      c.header('Cache-Control', 'no-store');
      return c.json({
        exportedAt: clock().toISOString(),
        notice: {
          ms: 'Semua data yang disimpan oleh Latih tentang anda (PDPA: hak akses dan kebolehpindahan data).',
          en: 'All data Latih holds about you (PDPA: right of access and data portability).',
        },
        profile: profile ? present(profile, true) : null,
        assignments,
        history: about,
      });
    })

    .get('/users', validate('query', UserSearchQuery), async (c) => {
      const { q, org, limit = 50, status, cursor } = c.req.valid('query');
      const assignments = c.get('assignments');
      const tree = await orgs.tree();
      const roots = scopeRoots(assignments, 'users:search');
      const inScope = new Set(roots.flatMap((r) => tree.subtree(r)));
      if (org && !inScope.has(org)) return c.json({ users: [], nextCursor: null });
      const units = org ? tree.subtree(org) : [...inScope];

      // Lists always mask the MyKad (DOMAIN: "masked in lists"); the full number is shown only on
      // one person's page, to a viewer entitled to it.
      const ic = q ? parseMyKad(q, clock()) : undefined;
      if (q && (ic?.ok || q.includes('@'))) {
        const id = ic?.ok ? await store.userIdByIc(ic.value) : await store.userIdByEmail(q);
        const p = id ? await store.getProfile(id) : undefined;
        const shown = p && units.includes(p.orgId) && inScope.has(p.orgId) && (!status || p.status === status) ? [present(p, false)] : [];
        return c.json({ users: shown, nextCursor: null });
      }
      const page = await store.pageProfiles(units, { prefix: normaliseText(q ?? ''), ...(status ? { status } : {}), limit, ...(cursor ? { cursor } : {}) });
      return c.json({ users: page.profiles.map((p) => present(p, false)), nextCursor: page.nextCursor });
    })

    .get('/users/:id', validate('param', UserIdParam), async (c) => {
      const profile = await requireProfile(c.req.valid('param').id);
      return c.json({ profile: present(profile, await canSeeIc(c, profile.orgId)) });
    })

    .post('/users/:id/verify', validate('param', UserIdParam), async (c) => {
      const profile = await requireProfile(c.req.valid('param').id);
      if (profile.status !== 'pending-verification') throw new AppError('ALREADY_VERIFIED');
      const { userId } = c.get('principal');
      const next: ProfileRecord = { ...profile, status: 'verified', verifiedBy: userId, version: profile.version + 1, updatedAt: clock().toISOString() };
      const ancestors = (await orgs.ancestorsOf(profile.orgId)) ?? [];
      await store.saveProfile(next, profile, { userId, role: actingRole(c.get('assignments'), 'users:verify', profile.orgId, ancestors) }, {
        action: 'profile.verify', orgId: profile.orgId,
        summary: { before: { status: profile.status }, after: { status: 'verified' } },
        requestId: c.get('requestId'),
      });
      return c.json({ profile: present(next, await canSeeIc(c, profile.orgId)) });
    })

    .get('/users/:id/roles', validate('param', UserIdParam), async (c) => {
      return c.json({ assignments: await store.assignmentsOf(c.req.valid('param').id) });
    })

    .post('/users/:id/roles', validate('param', UserIdParam), validate('json', AssignmentSchema), async (c) => {
      const { id } = c.req.valid('param');
      const wanted = c.req.valid('json');
      await grantOrRevoke(c, id, wanted, 'grant');
      return c.json({ assignment: wanted }, 201);
    })

    .delete('/users/:id/roles/:role/:orgId', validate('param', RoleKeyParam), validate('query', RevokeRoleQuery), async (c) => {
      const { id, role, orgId } = c.req.valid('param');
      const { programme } = c.req.valid('query');
      const wanted: Assignment = { role, orgId, ...(programme ? { programme } : {}) };
      await grantOrRevoke(c, id, wanted, 'revoke');
      return c.json({ assignment: wanted });
    });

  /**
   * A caller may grant or revoke a role at a unit only if one of their own assignments
   * covers that unit and may hand out that role (core/access.ts `assignableBy`).
   */
  async function grantOrRevoke(c: Context<AppEnv>, userId: string, wanted: Assignment, mode: 'grant' | 'revoke') {
    await requireProfile(userId);
    if (wanted.role === 'programme-admin' && !wanted.programme) {
      throw fieldErrors([{ field: 'programme', problem: 'PROGRAMME_REQUIRED' }], c.get('lang'));
    }
    const ancestors = await orgs.ancestorsOf(wanted.orgId);
    if (!ancestors) throw fieldErrors([{ field: 'orgId', problem: 'ORG_UNKNOWN' }], c.get('lang'));
    const mine = c.get('assignments');
    const granting = mine.find((a) => isAllowed([a], 'roles:assign', wanted.orgId, ancestors) && assignableBy[a.role].includes(wanted.role));
    if (!granting) throw new AppError('ROLE_NOT_ASSIGNABLE');
    const event = await store.saveAssignment(userId, wanted, { userId: c.get('principal').userId, role: granting.role }, {
      action: mode === 'grant' ? 'role.grant' : 'role.revoke', orgId: wanted.orgId,
      summary: mode === 'grant' ? { after: { ...wanted } } : { before: { ...wanted } },
      requestId: c.get('requestId'),
    }, mode);
    if (!event && mode === 'revoke') throw new AppError('ROLE_NOT_FOUND');
  }
}

export type IdentityApi = ReturnType<typeof identityRoutes>;
