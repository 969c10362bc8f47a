/**
 * npm run audit:verify — recomputes every audit chain of the table named by the environment
 * and exits 1 if any event was edited, deleted, inserted or reordered, or a chain truncated.
 * Same code as GET /api/audit/verify; for operators and scheduled checks.
 */
import { auditLog } from '../core/audit';
import { createClients } from '../core/clients';
import { loadConfig } from '../core/config';

async function main() {
  const config = loadConfig();
  const reports = await auditLog(createClients(config).ddb, config.tableName).verifyAll();
  for (const r of reports) {
    const problems = r.problems.map((p) => `${p.kind}@${p.seq}`).join(', ');
    console.log(`${r.ok ? '✓' : '✗'} rantaian / chain ${r.chain}: ${r.events} events${problems ? ` — ${problems}` : ''}`);
  }
  const ok = reports.every((r) => r.ok);
  console.log(ok ? '✓ Jejak audit utuh / audit trail intact' : '✗ Jejak audit TELAH DIUBAH / audit trail TAMPERED');
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
