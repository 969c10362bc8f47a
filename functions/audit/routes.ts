/**
 * The audit trail for auditors: browse by record, by user or by day, and verify every chain.
 * Read-only: nothing here can change an event.
 */
import { Hono } from 'hono/tiny';
import * as z from 'zod/mini';
import { scopeRoots } from '../core/access';
import type { AuditLog } from '../core/audit';
import { validate, type AppEnv } from '../core/http';
import type { OrgDirectory } from '../identity/orgs';

export const AuditQuery = z.object({
  /** `<type>:<id>`, e.g. `user:demo-learner`. */
  record: z.optional(z.string().check(z.regex(/^[a-z-]{2,30}:[A-Za-z0-9_.@:-]{1,128}$/))),
  actor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.@:-]{1,128}$/))),
  day: z.optional(z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
}).check(
  z.refine((q) => [q.record, q.actor, q.day].filter(Boolean).length === 1, {
    message: 'Nyatakan tepat satu: record, actor atau day / Give exactly one of record, actor or day',
    path: ['record'],
  }),
);

/**
 * `names` resolves actors' user ids to their current names at read time: names are never
 * stored in the immutable events (a person's name may be corrected; the event must not change).
 */
export function auditRoutes(audit: AuditLog, orgs: OrgDirectory, names: (userIds: string[]) => Promise<Record<string, string>>) {
  return new Hono<AppEnv>()
    .get('/audit', validate('query', AuditQuery), async (c) => {
      const { record, actor, day, limit, cursor } = c.req.valid('query');
      const by = record
        ? { kind: 'record' as const, type: record.slice(0, record.indexOf(':')), id: record.slice(record.indexOf(':') + 1) }
        : actor ? { kind: 'actor' as const, userId: actor } : { kind: 'day' as const, day: day! };
      const page = await audit.browse(by, limit ?? 50, cursor);
      // An auditor of a unit sees the events of that unit and below (state-wide for MY-05).
      const tree = await orgs.tree();
      const scope = new Set(scopeRoots(c.get('assignments'), 'audit:read').flatMap((r) => tree.subtree(r)));
      const events = page.events.filter((e) => !e.orgId || scope.has(e.orgId));
      const actors = await names(events.map((e) => e.actor.userId).filter((id) => !id.startsWith('system:')));
      return c.json({ events, nextCursor: page.nextCursor, actors });
    })
    .get('/audit/verify', async (c) => {
      const chains = await audit.verifyAll();
      return c.json({ ok: chains.every((r) => r.ok), checkedAt: new Date().toISOString(), chains });
    });
}
