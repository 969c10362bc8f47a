/**
 * npm run roles:grant -- <userId> <role> <orgId> [programme]
 *
 * Bootstraps the first administrators of a deployment (nobody can grant a role before someone
 * holds one). Runs with the operator's AWS credentials against the table named by the
 * environment, through the same store and audit trail as the API (actor `system:cli`).
 */
import { roles, programmeIds, type Assignment } from '../core/access';
import { createClients } from '../core/clients';
import { loadConfig } from '../core/config';
import { withSecrets } from '../core/secrets';
import { identityDeps } from './app';

async function main() {
  const [userId, role, orgId, programme] = process.argv.slice(2);
  if (!userId || !role || !orgId || !(roles as readonly string[]).includes(role) || (programme && !(programmeIds as readonly string[]).includes(programme))) {
    console.error(`Guna / usage: npm run roles:grant -- <userId> <${roles.join('|')}> <orgId> [${programmeIds.join('|')}]`);
    process.exit(2);
  }
  const config = await withSecrets(loadConfig());
  const deps = identityDeps(config, createClients(config));
  if (!(await deps.orgs.ancestorsOf(orgId))) {
    console.error(`✗ Unit organisasi tiada / no such organisation unit: ${orgId} (run content:sync first)`);
    process.exit(1);
  }
  const assignment = { role, orgId, ...(programme ? { programme } : {}) } as Assignment;
  const event = await deps.store.saveAssignment(userId, assignment, { userId: 'system:cli', role: 'system' }, {
    action: 'role.grant', orgId, summary: { after: { ...assignment } }, requestId: `cli-${Date.now()}`,
  }, 'grant');
  console.log(event ? `✓ Diberikan / granted: ${role} @ ${orgId} to ${userId} (audit event ${event.eventId})` : `= Sudah ada / already held: ${role} @ ${orgId}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
