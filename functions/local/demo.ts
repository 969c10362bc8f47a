/**
 * Local only: gives every demo account of content/demo/accounts.yaml its profile and roles,
 * through the identity store (so each write is audited like any other). Idempotent: an
 * existing profile or role is left alone.
 */
import type { AuditLog } from '../core/audit';
import type { OrgDirectory } from '../identity/orgs';
import type { ProfileRecord } from '../identity/profile';
import type { IdentityStore } from '../identity/store';
import { assignmentsOf, type DemoAccount } from './oidc/accounts';

const CIVIL_SERVICE_UNITS = ['agency', 'council', 'ppd', 'state'];

export async function seedDemoPeople(accounts: DemoAccount[], deps: { store: IdentityStore; orgs: OrgDirectory; audit: AuditLog }) {
  const tree = await deps.orgs.tree();
  const system = { userId: 'system:demo-seed', role: 'system' as const };
  let created = 0;
  for (const account of accounts) {
    const assignments = assignmentsOf(account);
    if (!(await deps.store.getProfile(account.sub))) {
      const kind = account.kind === 'staff' ? 'civil-servant' : account.kind;
      // Staff belong to the nearest unit a civil servant can belong to (a hall's facilitator: the state).
      let orgId = assignments[0]!.orgId;
      if (kind === 'civil-servant') {
        const unit = tree.get(orgId);
        orgId = [orgId, ...(unit?.ancestors ?? [])].find((id) => CIVIL_SERVICE_UNITS.includes(tree.get(id)?.kind ?? '')) ?? 'MY-05';
      }
      const now = new Date().toISOString();
      const profile: ProfileRecord = {
        userId: account.sub, kind, name: account.name, ic: account.mykad, phone: account.phone, orgId,
        ...(account.email ? { email: account.email } : {}),
        ...(kind === 'civil-servant' ? { payScale: 'SSPA' as const, grade: '10' } : {}),
        ...(kind === 'teacher' ? { payScale: 'SSPA' as const, grade: 'DG10', educationLevel: 'primary' as const } : {}),
        status: kind === 'participant' ? 'active' : 'verified',
        createdAt: now, updatedAt: now, version: 1,
      };
      await deps.store.saveProfile(profile, undefined, system, { action: 'profile.create', orgId, summary: { after: { seeded: 'demo' } }, requestId: 'demo-seed' });
      created++;
    }
    for (const a of assignments) {
      await deps.store.saveAssignment(account.sub, a, system, { action: 'role.grant', orgId: a.orgId, summary: { after: { ...a } }, requestId: 'demo-seed' }, 'grant');
    }
  }
  return { created };
}
