/**
 * Bulk registration from CSV, its own Lambda: the CSV parser and the long batches stay out of
 * the identity function that answers every signed-in page (docs/benchmarks.md, bundle sizes).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono/tiny';
import { bodyLimit } from 'hono/body-limit';
import { isAllowed, type Assignment } from '../core/access';
import { ConfigError } from '../core/config';
import { AppError, fieldMessages, type FieldProblem } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import type { Lang } from '../core/language';
import { logger } from '../core/logger';
import { ImportQuery } from './api';
import { ACCOUNT_KINDS, IMPORT_BATCH, checkImportRows, readImportFile, type RowProblem } from './csv-import';
import type { LoginAccounts } from './login-accounts';
import type { OrgTree } from './orgs';
import { initialStatus, needsReverification, type ProfileRecord } from './profile';
import type { IdentityDeps } from './routes';
import { inParallel } from '../core/concurrency';

const say = (problem: FieldProblem, lang: Lang) => fieldMessages[problem][lang];

/** Sign-in accounts opened at once: enough to hide the provider's latency, gentle on its quotas. */
const ACCOUNT_CONCURRENCY = 4;

/** Fields compared to tell an unchanged person from an updated one. */
const COMPARED = ['name', 'phone', 'email', 'orgId', 'kind', 'department', 'payScale', 'grade', 'educationLevel'] as const;

type Planned = {
  line: number;
  next: ProfileRecord;
  previous?: ProfileRecord;
  /** A new civil servant or teacher: their sign-in account is opened (or found) before the batch is written. */
  account?: { email: string; name: string };
};

export type ImportDeps = IdentityDeps & { loginAccounts?: LoginAccounts };

export function importRoutes({ store, orgs, clock, loginAccounts }: ImportDeps) {
  return new Hono<AppEnv>()
    .post('/users/import', validate('query', ImportQuery), bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } }), async (c) => {
      const { org, dryRun } = c.req.valid('query');
      const lang = c.get('lang');
      const tree = await orgs.tree();
      const { rows, headers } = readImportFile(new Uint8Array(await c.req.arrayBuffer()), lang);
      const { valid, problems } = checkImportRows(rows, headers, { defaultOrg: org, tree, today: clock(), lang });
      const { userId } = c.get('principal');
      const assignments = c.get('assignments');
      const column = (field: 'orgId' | 'ic' | 'email' | 'kind', fallback: string) => headers[field] ?? fallback;

      // An importer who may verify people of a unit vouches for the civil servants and teachers
      // they register there (the same coordinators verify profiles one by one).
      const verifiedBy = (orgId: string) => (canVerify(assignments, tree, orgId) ? userId : undefined);

      // Every row's unit must lie under the import's unit; a MyKad already registered is the
      // same person again (idempotent by MyKad) if their profile is under it too.
      const units = new Set(tree.subtree(org));
      const plan: Planned[] = [];
      let unchanged = 0;
      const now = clock().toISOString();
      for (const row of valid) {
        const fields = row.fields;
        if (!units.has(fields.orgId)) {
          problems.push({ line: row.line, column: column('orgId', 'unit'), message: say('ORG_OUTSIDE_IMPORT', lang) });
          continue;
        }
        const existingId = await store.userIdByIc(fields.ic);
        const previous = existingId ? await store.getProfile(existingId) : undefined;
        if (existingId && (!previous || !units.has(previous.orgId))) {
          problems.push({ line: row.line, column: column('ic', 'mykad'), message: say('IC_ELSEWHERE', lang) });
          continue;
        }
        if (fields.email) {
          const owner = await store.userIdByEmail(fields.email);
          if (owner && owner !== existingId) {
            problems.push({ line: row.line, column: column('email', 'emel'), message: say('EMAIL_ELSEWHERE', lang) });
            continue;
          }
        }
        const needsAccount = ACCOUNT_KINDS.includes(fields.kind);
        if (previous) {
          // Imported participants have no sign-in account (user id `p-…`): one cannot be added under that id.
          if (needsAccount && previous.userId.startsWith('p-')) {
            problems.push({ line: row.line, column: column('kind', 'jenis'), message: say('ACCOUNT_KIND_CHANGE', lang) });
            continue;
          }
          if (COMPARED.every((k) => previous[k] === fields[k])) {
            unchanged++;
            continue;
          }
          const merged = { ...previous, ...fields };
          const by = verifiedBy(fields.orgId);
          const reverify = needsReverification(previous, fields);
          const status = !reverify ? previous.status : by && needsAccount ? 'verified' : initialStatus(fields.kind);
          const { verifiedBy: _old, ...rest } = merged;
          plan.push({
            line: row.line, previous,
            next: {
              ...rest, status, version: previous.version + 1, updatedAt: now,
              ...(status === 'verified' ? { verifiedBy: reverify ? by! : previous.verifiedBy ?? by! } : {}),
            },
          });
        } else {
          const by = needsAccount ? verifiedBy(fields.orgId) : undefined;
          plan.push({
            line: row.line,
            // The user id of a civil servant or teacher is their account's sub, known once it is opened.
            next: {
              ...fields, userId: needsAccount ? '' : `p-${randomUUID()}`,
              status: by ? 'verified' : initialStatus(fields.kind), ...(by ? { verifiedBy: by } : {}),
              createdAt: now, updatedAt: now, version: 1,
            },
            ...(needsAccount ? { account: { email: fields.email!, name: fields.name } } : {}),
          });
        }
      }
      problems.sort((a: RowProblem, b: RowProblem) => a.line - b.line);
      const report = {
        dryRun: dryRun === 'true', rows: rows.length,
        created: plan.filter((p) => !p.previous).length, updated: plan.filter((p) => p.previous).length, unchanged,
        /** Sign-in accounts opened (or, in a dry run, to be opened unless one exists for the email). */
        accounts: plan.filter((p) => p.account).length,
        problems, batches: [] as { lines: number[]; eventId: string }[],
      };
      // A dry run writes nothing, and opens no account.
      if (report.dryRun) return c.json(report);
      if (problems.length) throw new AppError('IMPORT_HAS_ERRORS', { report });
      if (plan.some((p) => p.account) && !loginAccounts) {
        throw new ConfigError('Invalid configuration: COGNITO_USER_POOL_ID or ACCOUNT_ADMIN_URL + ACCOUNT_ADMIN_SECRET (required to import civil servants and teachers)');
      }

      const role = c.get('assignments').find((a) => isAllowed([a], 'users:import', org, tree.get(org)?.ancestors ?? []))?.role;
      let accountsOpened = 0;
      for (let i = 0; i < plan.length; i += IMPORT_BATCH) {
        const batch = plan.slice(i, i + IMPORT_BATCH);
        const lines = batch.map((b) => b.line);
        // Accounts first: an account without its profile (the batch below failing) is found
        // again by the next run of the same file; a profile without its account cannot sign in.
        const needing = batch.filter((b) => b.account);
        try {
          const opened = await inParallel(needing, ACCOUNT_CONCURRENCY, (b) => loginAccounts!.ensureAccount(b.account!));
          opened.forEach((o, k) => {
            needing[k]!.next.userId = o.sub;
            if (o.created) accountsOpened++;
          });
        } catch (err) {
          logger.error('sign-in account could not be opened', { requestId: c.get('requestId'), error: { name: (err as Error).name } });
          throw new AppError('LOGIN_ACCOUNT_FAILED', { report: { ...report, accounts: accountsOpened }, failedLines: lines });
        }
        try {
          const event = await store.saveImportBatch(batch, { userId, ...(role ? { role } : {}) }, {
            action: 'users.import', record: { type: 'org', id: org }, orgId: org,
            summary: {
              after: {
                lines, created: batch.filter((b) => !b.previous).length, updated: batch.filter((b) => b.previous).length,
                accounts: needing.length,
              },
            },
            requestId: c.get('requestId'),
          });
          report.batches.push({ lines, eventId: event.eventId });
        } catch (err) {
          // Someone registered one of these people meanwhile: this batch wrote nothing.
          if ((err as Error).name !== 'ChangeConditionFailed') throw err;
          throw new AppError('IMPORT_INTERRUPTED', { report: { ...report, accounts: accountsOpened }, failedLines: lines });
        }
      }
      return c.json({ ...report, accounts: accountsOpened }, 201);
    });
}

function canVerify(assignments: Assignment[], tree: OrgTree, orgId: string): boolean {
  return isAllowed(assignments, 'users:verify', orgId, tree.get(orgId)?.ancestors ?? []);
}
