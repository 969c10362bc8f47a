/**
 * The audit trail: every state-changing request writes one event in the SAME DynamoDB
 * transaction as the change, so neither exists without the other.
 *
 * Events are append-only and hash-chained. The trail is split into a few chains (shards) so
 * unrelated writes do not queue behind one another; all events of one record go to the same
 * chain, in order. Each chain has a head item (last sequence number and hash); appending an
 * event is conditional on the head being unchanged, so two writers can never fork a chain — the
 * loser re-reads the head and retries. Each event carries the hash of the previous one; the
 * verifier recomputes every hash and detects an edited, deleted, inserted or reordered event
 * and a truncated chain.
 *
 * Summaries never hold a raw IC number: callers pass masked values, and `redact` runs over
 * every string as a last line of defence.
 */
import { canonicalJson as canonical } from './canonical';
import { createHash, randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from './access';
import { AppError } from './errors';
import { redact } from './logger';

export const AUDIT_SHARDS = 8;
/** Enough for dozens of simultaneous writers on one chain; each round lets one through. */
const MAX_ATTEMPTS = 40;

export type AuditChange = {
  actor: { userId: string; role?: Role | 'self' | 'system' };
  /** Dotted verb, e.g. `profile.update`, `role.assign`. */
  action: string;
  record: { type: string; id: string };
  /** The unit the record belongs to (lets auditors of a unit browse it later). */
  orgId?: string;
  /** Before/after summary of what changed, personal data masked. */
  summary: { before?: Record<string, unknown>; after?: Record<string, unknown> };
  requestId: string;
};

export type AuditEvent = AuditChange & {
  eventId: string;
  chain: number;
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
};

/** The DynamoDB items of a transaction, as the document client takes them. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export const chainPk = (chain: number) => `AUDIT#CHAIN#${chain}`;

/** The calendar day in Malaysia (UTC+8 all year, no daylight saving) of an ISO instant. */
export function malaysianDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
export const HEAD_SK = 'HEAD';
export const eventSk = (seq: number) => `EVENT#${String(seq).padStart(12, '0')}`;
const GENESIS = '0'.repeat(64);

/** Which chain a record's events go to: stable, so a record's history stays in order. */
export function chainOf(record: { type: string; id: string }): number {
  return createHash('sha256').update(`${record.type}#${record.id}`).digest().readUInt32BE(0) % AUDIT_SHARDS;
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}

/** The hash of an event: everything in it but the hash itself, previous hash included. */
export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(canonical(event)).digest('hex');
}

/** Thrown when one of the caller's own conditions failed: `index` is its position in `items`. */
export class ChangeConditionFailed extends Error {
  override name = 'ChangeConditionFailed';
  constructor(readonly index: number, readonly item?: Record<string, unknown>) {
    super(`condition of change item ${index} failed`);
  }
}

export function auditLog(ddb: DynamoDBDocumentClient, tableName: string, clock: () => Date = () => new Date()) {
  /**
   * The head this instance last wrote, per chain: the next append tries it first and skips a
   * read. The append is conditional on the head anyway, so a stale guess (another instance
   * wrote since) costs one failed attempt and a fresh read, never a fork.
   */
  const lastHeads = new Map<number, { seq: number; hash: string }>();
  return {
    /**
     * Writes `items` (the change, with their own conditions) and one audit event in one
     * transaction. Retries only when another writer moved the chain head meanwhile. A failed
     * condition of the caller's items throws ChangeConditionFailed: nothing is written.
     */
    async writeWithAudit(items: TransactItem[], change: AuditChange): Promise<AuditEvent> {
      const chain = chainOf(change.record);
      for (let attempt = 1; ; attempt++) {
        const guess = attempt === 1 ? lastHeads.get(chain) : undefined;
        lastHeads.delete(chain);
        const head = guess ?? (await ddb.send(
          new GetCommand({ TableName: tableName, Key: { pk: chainPk(chain), sk: HEAD_SK }, ConsistentRead: true }),
        )).Item;
        const prevSeq = Number(head?.seq ?? 0);
        const prevHash = String(head?.hash ?? GENESIS);
        const at = clock().toISOString();
        const base = {
          ...(scrub(change) as AuditChange),
          eventId: randomUUID(),
          chain,
          seq: prevSeq + 1,
          at,
          prevHash,
        };
        const event: AuditEvent = { ...base, hash: hashEvent(base) };
        const sortKey = `${at}#${event.eventId}`;
        const transact: TransactItem[] = [
          ...items,
          {
            Put: {
              TableName: tableName,
              Item: {
                pk: chainPk(chain), sk: eventSk(event.seq), type: 'audit-event', ...event,
                gsi1pk: `AUDIT#REC#${change.record.type}#${change.record.id}`, gsi1sk: sortKey,
                gsi2pk: `AUDIT#BY#${change.actor.userId}`, gsi2sk: sortKey,
                gsi3pk: `AUDIT#DAY#${malaysianDay(at)}`, gsi3sk: sortKey,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { pk: chainPk(chain), sk: HEAD_SK, seq: event.seq, hash: event.hash, at },
              ...(head
                ? { ConditionExpression: 'seq = :prev', ExpressionAttributeValues: { ':prev': prevSeq } }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
        ];
        try {
          await ddb.send(new TransactWriteCommand({ TransactItems: transact }));
          lastHeads.set(chain, { seq: event.seq, hash: event.hash });
          return event;
        } catch (err) {
          if (!(err instanceof TransactionCanceledException) && (err as Error).name !== 'TransactionCanceledException') throw err;
          const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
          const failed = reasons.findIndex((r, i) => i < items.length && r.Code === 'ConditionalCheckFailed');
          if (failed >= 0) throw new ChangeConditionFailed(failed, reasons[failed]?.Item as Record<string, unknown> | undefined);
          const raced = reasons.slice(items.length).some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
          const conflict = reasons.some((r) => r.Code === 'TransactionConflict');
          if ((!raced && !conflict) || attempt >= MAX_ATTEMPTS) throw err;
          // A stale guess of the head: read it and go again at once.
          if (guess) continue;
          // Full jitter, capped: spreads the losers so the next round has few contenders.
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 5 * 2 ** attempt)));
        }
      }
    },

    /**
     * One page of events, newest first, by record (gsi1), by actor (gsi2) or by day (gsi3).
     * The cursor is the sort key of the last event returned.
     */
    async browse(by: AuditBrowse, limit = 50, cursor?: string): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
      const [index, pk] =
        by.kind === 'record' ? ['gsi1', `AUDIT#REC#${by.type}#${by.id}`]
        : by.kind === 'actor' ? ['gsi2', `AUDIT#BY#${by.userId}`]
        : ['gsi3', `AUDIT#DAY#${by.day}`];
      const after = cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : undefined;
      if (after !== undefined && !/^\d{4}-\d\d-\d\dT[\d:.]+Z#[0-9a-f-]{36}$/.test(after)) throw new AppError('INVALID_CURSOR');
      const page = await ddb.send(
        new QueryCommand({
          TableName: tableName, IndexName: index,
          KeyConditionExpression: `${index}pk = :pk${after ? ` AND ${index}sk < :after` : ''}`,
          ExpressionAttributeValues: { ':pk': pk, ...(after ? { ':after': after } : {}) },
          ScanIndexForward: false,
          Limit: limit + 1,
        }),
      );
      const items = (page.Items ?? []).slice(0, limit);
      const more = (page.Items ?? []).length > limit;
      const last = items.at(-1);
      return {
        events: items.map(toEvent),
        nextCursor: more && last ? Buffer.from(String(last[`${index}sk`]), 'utf8').toString('base64url') : null,
      };
    },

    /** Every event about one record, oldest first (for a person's data export). */
    async eventsOfRecord(record: { type: string; id: string }): Promise<AuditEvent[]> {
      const events: AuditEvent[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await ddb.send(
          new QueryCommand({
            TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': `AUDIT#REC#${record.type}#${record.id}` }, ExclusiveStartKey,
          }),
        );
        events.push(...(page.Items ?? []).map(toEvent));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return events;
    },

    /** Recomputes one chain from its first event to its head. */
    async verifyChain(chain: number): Promise<ChainReport> {
      const events: AuditEvent[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await ddb.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
            ExpressionAttributeValues: { ':pk': chainPk(chain), ':e': 'EVENT#' },
            ConsistentRead: true,
            ExclusiveStartKey,
          }),
        );
        events.push(...(page.Items ?? []).map(toEvent));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      const { Item: head } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: chainPk(chain), sk: HEAD_SK }, ConsistentRead: true }));
      return checkChain(chain, events, head ? { seq: Number(head.seq), hash: String(head.hash) } : undefined);
    },

    async verifyAll(): Promise<ChainReport[]> {
      const reports: ChainReport[] = [];
      for (let chain = 0; chain < AUDIT_SHARDS; chain++) reports.push(await this.verifyChain(chain));
      return reports;
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;

export type AuditBrowse =
  | { kind: 'record'; type: string; id: string }
  | { kind: 'actor'; userId: string }
  /** A day in Malaysian time (yyyy-mm-dd). */
  | { kind: 'day'; day: string };

function toEvent(item: Record<string, unknown>): AuditEvent {
  const { pk: _pk, sk: _sk, type: _t, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi3pk: _e, gsi3sk: _f, ...event } = item;
  return event as AuditEvent;
}

export type ChainProblem = { seq: number; kind: 'edited' | 'missing' | 'out-of-order' | 'broken-link' | 'head-mismatch' };
export type ChainReport = { chain: number; events: number; ok: boolean; problems: ChainProblem[] };

/** Pure check of a chain's events (in stored order) against its head. */
export function checkChain(chain: number, events: AuditEvent[], head: { seq: number; hash: string } | undefined): ChainReport {
  const problems: ChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS;
  for (const event of events) {
    const { hash, ...rest } = event;
    if (event.seq !== expectedSeq) problems.push({ seq: event.seq, kind: event.seq > expectedSeq ? 'missing' : 'out-of-order' });
    if (hashEvent(rest) !== hash) problems.push({ seq: event.seq, kind: 'edited' });
    else if (event.prevHash !== prevHash) problems.push({ seq: event.seq, kind: 'broken-link' });
    expectedSeq = event.seq + 1;
    prevHash = hash;
  }
  const last = events.at(-1);
  if ((head?.seq ?? 0) !== (last?.seq ?? 0) || (head && head.hash !== prevHash)) {
    problems.push({ seq: head?.seq ?? 0, kind: 'head-mismatch' });
  }
  return { chain, events: events.length, ok: problems.length === 0, problems };
}
