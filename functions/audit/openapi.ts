/** The audit context's operations. */
import * as z from 'zod/mini';
import type { Operation } from '../core/openapi';
import { AuditQuery } from './routes';

const Event = z.object({
  eventId: z.string(), chain: z.number(), seq: z.number(), at: z.string(), action: z.string(),
  actor: z.object({ userId: z.string(), role: z.optional(z.string()) }),
  record: z.object({ type: z.string(), id: z.string() }), orgId: z.optional(z.string()),
  summary: z.object({ before: z.optional(z.record(z.string(), z.unknown())), after: z.optional(z.record(z.string(), z.unknown())) }),
  requestId: z.string(), prevHash: z.string(), hash: z.string(),
});

export const auditOperations: Operation[] = [
  {
    method: 'get', path: '/api/audit', operationId: 'browseAudit', tag: 'audit',
    summary: { ms: 'Jejak audit mengikut rekod, pengguna atau hari', en: 'Audit trail by record, user or day' },
    query: AuditQuery as never,
    response: {
      status: 200,
      schema: z.object({
        events: z.array(Event), nextCursor: z.nullable(z.string()),
        /** Current names of the events' actors, by user id (resolved when read, never stored in an event). */
        actors: z.record(z.string(), z.string()),
      }),
    },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED', 'INVALID_CURSOR'] }, { status: 401, codes: ['UNAUTHENTICATED'] }, { status: 403, codes: ['FORBIDDEN'] }],
    access: { kind: 'anywhere', permission: 'audit:read' },
  },
  {
    method: 'get', path: '/api/audit/verify', operationId: 'verifyAudit', tag: 'audit',
    summary: { ms: 'Sahkan keutuhan rantaian audit', en: 'Verify the integrity of the audit chains' },
    response: {
      status: 200,
      schema: z.object({
        ok: z.boolean(), checkedAt: z.string(),
        chains: z.array(z.object({ chain: z.number(), events: z.number(), ok: z.boolean(), problems: z.array(z.object({ seq: z.number(), kind: z.string() })) })),
      }),
    },
    errors: [{ status: 401, codes: ['UNAUTHENTICATED'] }, { status: 403, codes: ['FORBIDDEN'] }],
    access: { kind: 'anywhere', permission: 'audit:read' },
  },
];
