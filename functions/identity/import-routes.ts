/**
 * Bulk registration from CSV, its own Lambda: the CSV parser and the long batches stay out of
 * the identity function that answers every signed-in page (docs/benchmarks.md, bundle sizes).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isAllowed } from '../core/access';
import { AppError, fieldMessages, type FieldProblem } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import { ImportQuery } from './api';
import { IMPORT_BATCH, checkImportRows, readImportFile, type RowProblem } from './csv-import';
import type { ProfileRecord } from './profile';
import type { IdentityDeps } from './routes';

const fieldMessagesFor = (problem: FieldProblem, lang: 'ms' | 'en') => fieldMessages[problem][lang];

export function importRoutes({ store, orgs, clock }: IdentityDeps) {
  return new Hono<AppEnv>()
    .post('/users/import', validate('query', ImportQuery), bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } }), async (c) => {
      const { org, dryRun } = c.req.valid('query');
      const lang = c.get('lang');
      const tree = await orgs.tree();
      const { rows, headers } = readImportFile(new Uint8Array(await c.req.arrayBuffer()), lang);
      const { valid, problems } = checkImportRows(rows, headers, { defaultOrg: org, tree, today: clock(), lang });

      // Every row's unit must lie under the import's unit; a MyKad already registered is the
      // same person again (idempotent by MyKad) if their profile is under it too.
      const units = new Set(tree.subtree(org));
      const plan: { line: number; next: ProfileRecord; previous?: ProfileRecord }[] = [];
      let unchanged = 0;
      const now = clock().toISOString();
      for (const row of valid) {
        if (!units.has(row.fields.orgId)) {
          problems.push({ line: row.line, column: headers.orgId ?? 'unit', message: fieldMessagesFor('ORG_OUTSIDE_IMPORT', lang) });
          continue;
        }
        const existingId = await store.userIdByIc(row.fields.ic);
        const previous = existingId ? await store.getProfile(existingId) : undefined;
        if (existingId && (!previous || !units.has(previous.orgId))) {
          problems.push({ line: row.line, column: headers.ic ?? 'mykad', message: fieldMessagesFor('IC_ELSEWHERE', lang) });
          continue;
        }
        if (previous) {
          const same = (['name', 'phone', 'email', 'orgId', 'kind'] as const).every((k) => previous[k] === row.fields[k]);
          if (same) {
            unchanged++;
            continue;
          }
          plan.push({ line: row.line, previous, next: { ...previous, ...row.fields, version: previous.version + 1, updatedAt: now } });
        } else {
          plan.push({ line: row.line, next: { ...row.fields, userId: `p-${randomUUID()}`, status: 'active', createdAt: now, updatedAt: now, version: 1 } });
        }
      }
      problems.sort((a: RowProblem, b: RowProblem) => a.line - b.line);
      const report = {
        dryRun: dryRun === 'true', rows: rows.length,
        created: plan.filter((p) => !p.previous).length, updated: plan.filter((p) => p.previous).length, unchanged,
        problems, batches: [] as { lines: number[]; eventId: string }[],
      };
      if (report.dryRun) return c.json(report);
      if (problems.length) throw new AppError('IMPORT_HAS_ERRORS', { report });

      const { userId } = c.get('principal');
      const role = c.get('assignments').find((a) => isAllowed([a], 'users:import', org, tree.get(org)?.ancestors ?? []))?.role;
      for (let i = 0; i < plan.length; i += IMPORT_BATCH) {
        const batch = plan.slice(i, i + IMPORT_BATCH);
        try {
          const event = await store.saveImportBatch(batch, { userId, ...(role ? { role } : {}) }, {
            action: 'users.import', record: { type: 'org', id: org }, orgId: org,
            summary: { after: { lines: batch.map((b) => b.line), created: batch.filter((b) => !b.previous).length, updated: batch.filter((b) => b.previous).length } },
            requestId: c.get('requestId'),
          });
          report.batches.push({ lines: batch.map((b) => b.line), eventId: event.eventId });
        } catch (err) {
          // Someone registered one of these people meanwhile: this batch wrote nothing.
          if ((err as Error).name !== 'ChangeConditionFailed') throw err;
          throw new AppError('IMPORT_INTERRUPTED', { report, failedLines: batch.map((b) => b.line) });
        }
      }
      return c.json(report, 201);
    });
}
