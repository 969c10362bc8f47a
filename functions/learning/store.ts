/**
 * Every DynamoDB call of the learning context: reads by key and Query (never Scan), and the
 * items a change writes. Writes go through the audit log's transaction (core/audit.ts), so a
 * change and its audit event exist together or not at all.
 */
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TransactItem } from '../core/audit';
import { queryAll as queryPages } from '../core/query';
import { PROFILE_SK, orgUsersPk } from '../identity/keys';
import { userCertsPk } from '../certificates/keys';
import type { EnrolmentStatus } from './api';
import type { EnrolmentRecord } from './enrolment';
import {
  COMPLETION_PREFIX, ENROL_PREFIX, IDEMPOTENCY_TTL_SECONDS, LEARNER_SK, SEATS_SK, attemptPrefix, attemptSk, completionSk, completionsMonthPk,
  PATH_PREFIX, courseEnrolPk, courseEnrolSk, coursePk, enrolSk, idemSk, orgEnrolPk, orgLearnersPk, pathSk, userPk,
} from './keys';
import { malaysianMonth, malaysianYear, type TrainingCategory } from './training';

export type CompletionRecord = {
  userId: string;
  orgId: string;
  code: string;
  title: { ms: string; en: string };
  version: string;
  completedAt: string;
  hours: number;
  trainingCategory: TrainingCategory;
  programme: string;
  certificateNumber?: string;
};

export type AttemptRecord = {
  userId: string; code: string; n: number; version: string; score: number; passed: boolean; at: string;
  answers: { questionId: string; optionIds: string[] }[];
};

/** The per-person learning summary behind the dashboards. */
export type LearnerRecord = {
  userId: string; name: string; orgId: string; kind: string;
  nActive?: number; nPending?: number; nWaitlisted?: number; nCompleted?: number;
  /** Hours per year and training category: attribute `h:<yyyy>:<category>`. */
  [hours: `h:${number}:${string}`]: number;
};

export type LearnerProfile = { userId: string; name: string; kind: 'civil-servant' | 'teacher' | 'participant'; orgId: string; ic: string; status: string };

export type Replay = { fingerprint: string; status: number; body: unknown };

/** A programme path a learner follows. */
export type PathRecord = { userId: string; programme: '3.1' | '7.1' | '7.2'; track?: 'school' | 'rural'; codes: string[]; startedAt: string };

const STRIP = ['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'expiresAt'];
function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STRIP.includes(k))) as T;
}

/** Which counter of the learner summary a status counts in. */
const counterOf: Partial<Record<EnrolmentStatus, 'nActive' | 'nPending' | 'nWaitlisted' | 'nCompleted'>> = {
  'active': 'nActive', 'pending-approval': 'nPending', 'waitlisted': 'nWaitlisted', 'completed': 'nCompleted',
};

export function learningStore(ddb: DynamoDBDocumentClient, tableName: string) {
  const queryAll = (input: Omit<QueryCommandInput, 'TableName'>) => queryPages(ddb, { TableName: tableName, ...input });

  return {
    async enrolment(userId: string, code: string): Promise<EnrolmentRecord | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: userPk(userId), sk: enrolSk(code) }, ConsistentRead: true }));
      return strip<EnrolmentRecord>(Item);
    },

    async enrolmentsOf(userId: string): Promise<EnrolmentRecord[]> {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': userPk(userId), ':e': ENROL_PREFIX },
      });
      return items.map((i) => strip<EnrolmentRecord>(i)!);
    },

    /** Enrolments of several people in one course (bulk enrolment). */
    async enrolmentsIn(code: string, userIds: string[]): Promise<Map<string, EnrolmentRecord>> {
      const found = new Map<string, EnrolmentRecord>();
      for (let i = 0; i < userIds.length; i += 100) {
        let keys: Record<string, unknown>[] | undefined = userIds.slice(i, i + 100).map((u) => ({ pk: userPk(u), sk: enrolSk(code) }));
        for (let attempt = 0; keys?.length; attempt++) {
          if (attempt) await new Promise((r) => setTimeout(r, 25 * 2 ** Math.min(attempt, 6)));
          const out = await ddb.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
          for (const item of out.Responses?.[tableName] ?? []) found.set(String(item.userId), strip<EnrolmentRecord>(item)!);
          keys = out.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined;
        }
      }
      return found;
    },

    async completionsOf(userId: string, year?: number): Promise<CompletionRecord[]> {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
        ExpressionAttributeValues: { ':pk': userPk(userId), ':c': year ? `${COMPLETION_PREFIX}${year}#` : COMPLETION_PREFIX },
      });
      return items.map((i) => strip<CompletionRecord>(i)!);
    },

    async attemptsOf(userId: string, code: string): Promise<AttemptRecord[]> {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': userPk(userId), ':a': attemptPrefix(code) },
      });
      return items.map((i) => strip<AttemptRecord>(i)!);
    },

    async seatsTaken(code: string): Promise<number> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: coursePk(code), sk: SEATS_SK }, ConsistentRead: true }));
      return Number(Item?.taken ?? 0);
    },

    /** The oldest waitlisted enrolment of a course (the next to get a seat). */
    async nextWaitlisted(code: string): Promise<EnrolmentRecord | undefined> {
      const { Items = [] } = await ddb.send(new QueryCommand({
        TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p AND begins_with(gsi2sk, :w)',
        ExpressionAttributeValues: { ':p': courseEnrolPk(code), ':w': 'waitlisted#' }, Limit: 1,
      }));
      return strip<EnrolmentRecord>(Items[0]);
    },

    /** 1-based place on the waiting list. */
    async waitlistPosition(e: EnrolmentRecord): Promise<number> {
      const { Count = 0 } = await ddb.send(new QueryCommand({
        TableName: tableName, IndexName: 'gsi2', Select: 'COUNT',
        KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':p': courseEnrolPk(e.code), ':from': 'waitlisted#', ':to': courseEnrolSk('waitlisted', e.requestedAt, e.userId) },
      }));
      return Count;
    },

    /** Every enrolment of a course, any status (course report). */
    async enrolmentsOfCourse(code: string, status?: EnrolmentStatus): Promise<EnrolmentRecord[]> {
      const items = await queryAll({
        IndexName: 'gsi2',
        KeyConditionExpression: status ? 'gsi2pk = :p AND begins_with(gsi2sk, :s)' : 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': courseEnrolPk(code), ...(status ? { ':s': `${status}#` } : {}) },
      });
      return items.map((i) => strip<EnrolmentRecord>(i)!);
    },

    /** Enrolments of a unit's people (not below), optionally in one course. */
    async enrolmentsOfOrg(orgId: string, code?: string): Promise<EnrolmentRecord[]> {
      const items = await queryAll({
        IndexName: 'gsi1',
        KeyConditionExpression: code ? 'gsi1pk = :p AND begins_with(gsi1sk, :c)' : 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': orgEnrolPk(orgId), ...(code ? { ':c': `${code}#` } : {}) },
      });
      return items.map((i) => strip<EnrolmentRecord>(i)!);
    },

    /** Learning summaries of a unit's people (not below). */
    async learnersOfOrg(orgId: string): Promise<LearnerRecord[]> {
      const items = await queryAll({ IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :p', ExpressionAttributeValues: { ':p': orgLearnersPk(orgId) } });
      return items.map((i) => strip<LearnerRecord>(i)!);
    },

    /** The people registered at a unit (not below): id, name, kind. */
    async peopleOfOrg(orgId: string): Promise<{ userId: string; name: string; kind: string; orgId: string }[]> {
      const items = await queryAll({
        IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': orgUsersPk(orgId) },
        ProjectionExpression: 'userId, #n, kind, orgId', ExpressionAttributeNames: { '#n': 'name' },
      });
      return items as { userId: string; name: string; kind: string; orgId: string }[];
    },

    /** A read-only look at the identity context's profile item (its keys are its contract): who the learner is and where. */
    async profile(userId: string): Promise<LearnerProfile | undefined> {
      const { Item } = await ddb.send(new GetCommand({
        TableName: tableName, Key: { pk: userPk(userId), sk: PROFILE_SK },
        ProjectionExpression: 'userId, #n, kind, orgId, ic, #s', ExpressionAttributeNames: { '#n': 'name', '#s': 'status' },
      }));
      return Item as LearnerProfile | undefined;
    },

    async learner(userId: string): Promise<LearnerRecord | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: userPk(userId), sk: LEARNER_SK } }));
      return strip<LearnerRecord>(Item);
    },

    /** The learner's current certificate of a course (newest not revoked or superseded), for a refresher to renew. */
    async certificateToRenew(userId: string, code: string): Promise<string | undefined> {
      const items = await queryAll({
        IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': userCertsPk(userId) },
        ScanIndexForward: false,
      });
      const found = items.find((i) => (i.course as { code?: string } | undefined)?.code === code && i.status === 'valid');
      return found ? String(found.number) : undefined;
    },

    async pathsOf(userId: string): Promise<PathRecord[]> {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': userPk(userId), ':p': PATH_PREFIX },
      });
      return items.map((i) => strip<PathRecord>(i)!);
    },

    /** The path, created or extended with courses added to the programme since. */
    putPath(p: PathRecord): TransactItem {
      return { Put: { TableName: tableName, Item: { pk: userPk(p.userId), sk: pathSk(p.programme, p.track), type: 'path', ...stripUndefined(p) } } };
    },

    async replay(userId: string, key: string): Promise<Replay | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: userPk(userId), sk: idemSk(key) }, ConsistentRead: true }));
      return Item ? { fingerprint: String(Item.fingerprint), status: Number(Item.status), body: Item.body } : undefined;
    },

    // ---- items of a change -------------------------------------------------------------

    /** The enrolment, written only if it is still at the revision read (`previousRev` 0 = must not exist). */
    putEnrolment(e: EnrolmentRecord, previousRev: number): TransactItem {
      return {
        Put: {
          TableName: tableName,
          Item: {
            pk: userPk(e.userId), sk: enrolSk(e.code), type: 'enrolment', ...stripUndefined(e),
            gsi1pk: orgEnrolPk(e.orgId), gsi1sk: `${e.code}#${e.userId}`,
            gsi2pk: courseEnrolPk(e.code), gsi2sk: courseEnrolSk(e.status, e.requestedAt, e.userId),
          },
          ...(previousRev
            ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': previousRev } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      };
    },

    /** Takes (+1) or frees (-1) a seat; taking is conditional on a free seat. */
    seats(code: string, delta: 1 | -1, capacity: number): TransactItem {
      return {
        Update: {
          TableName: tableName, Key: { pk: coursePk(code), sk: SEATS_SK },
          UpdateExpression: 'ADD taken :d',
          ...(delta > 0
            ? { ConditionExpression: 'attribute_not_exists(taken) OR taken < :cap', ExpressionAttributeValues: { ':d': 1, ':cap': capacity } }
            : { ConditionExpression: 'taken > :zero', ExpressionAttributeValues: { ':d': -1, ':zero': 0 } }),
        },
      };
    },

    /**
     * The learner summary: counters moved from one status to another, hours added, and the
     * person's name and unit refreshed (the dashboards read only this item per person).
     */
    learnerUpdate(person: { userId: string; name: string; orgId: string; kind: string }, from: EnrolmentStatus | undefined, to: EnrolmentStatus, hours?: { year: number; category: string; hours: number }): TransactItem | undefined {
      const add: Record<string, number> = {};
      const f = from && counterOf[from];
      const t = counterOf[to];
      if (f) add[f] = (add[f] ?? 0) - 1;
      if (t) add[t] = (add[t] ?? 0) + 1;
      if (hours) add[`h:${hours.year}:${hours.category}`] = hours.hours;
      const entries = Object.entries(add).filter(([, v]) => v !== 0);
      const names: Record<string, string> = { '#n': 'name', '#o': 'orgId', '#k': 'kind', '#u': 'userId' };
      const values: Record<string, unknown> = { ':n': person.name, ':o': person.orgId, ':k': person.kind, ':u': person.userId, ':g3': orgLearnersPk(person.orgId) };
      entries.forEach(([k, v], i) => { names[`#a${i}`] = k; values[`:a${i}`] = v; });
      return {
        Update: {
          TableName: tableName, Key: { pk: userPk(person.userId), sk: LEARNER_SK },
          UpdateExpression: `SET #n = :n, #o = :o, #k = :k, #u = :u, gsi3pk = :g3, gsi3sk = :u${entries.length ? ` ADD ${entries.map((_, i) => `#a${i} :a${i}`).join(', ')}` : ''}`,
          ExpressionAttributeNames: names, ExpressionAttributeValues: values,
        },
      };
    },

    putAttempt(a: AttemptRecord): TransactItem {
      return { Put: { TableName: tableName, Item: { pk: userPk(a.userId), sk: attemptSk(a.code, a.n), type: 'quiz-attempt', ...a }, ConditionExpression: 'attribute_not_exists(pk)' } };
    },

    putCompletion(c: CompletionRecord): TransactItem {
      return {
        Put: {
          TableName: tableName,
          Item: {
            pk: userPk(c.userId), sk: completionSk(malaysianYear(c.completedAt), c.code, c.version), type: 'completion', ...stripUndefined(c),
            gsi1pk: completionsMonthPk(malaysianMonth(c.completedAt)), gsi1sk: `${c.completedAt}#${c.userId}`,
          },
          // Exactly once per person, course and version.
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    },

    /** The first answer to an idempotent submission; written with the change, so a replay is never of a change that did not happen. */
    putReplay(userId: string, key: string, replay: Replay, now: Date): TransactItem {
      return {
        Put: {
          TableName: tableName,
          Item: { pk: userPk(userId), sk: idemSk(key), type: 'idempotency', ...replay, expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
    },
  };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export type LearningStore = ReturnType<typeof learningStore>;
