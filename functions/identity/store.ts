/**
 * Every DynamoDB call of the identity context. Writes go through the audit log's
 * transaction, so each change and its audit event are written together or not at all.
 */
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Assignment } from '../core/access';
import { ChangeConditionFailed, type AuditChange, type AuditLog, type TransactItem } from '../core/audit';
import { AppError } from '../core/errors';
import { piiDigest } from '../core/pii';
import { normaliseText } from '../catalogue/search';
import { accessReads } from './access';
import {
  EMAIL_SK, IC_SK, PROFILE_SK, ROLE_PREFIX, emailPk, icGuardPk, orgRolesPk, orgUsersPk, roleSk, userPk,
} from './keys';
import type { ProfileRecord } from './profile';

type Actor = AuditChange['actor'];

export function identityStore(ddb: DynamoDBDocumentClient, tableName: string, audit: AuditLog, piiKey: string) {
  const reads = accessReads(ddb, tableName);
  const icKey = (ic: string) => ({ pk: icGuardPk(piiDigest(piiKey, 'ic', ic)), sk: IC_SK });
  const emailKey = (email: string) => ({ pk: emailPk(piiDigest(piiKey, 'email', email)), sk: EMAIL_SK });

  const profileItem = (p: ProfileRecord) => ({
    pk: userPk(p.userId), sk: PROFILE_SK, type: 'profile', ...p,
    gsi2pk: orgUsersPk(p.orgId), gsi2sk: `${normaliseText(p.name)}#${p.userId}`,
  });

  function strip(item: Record<string, unknown> | undefined): ProfileRecord | undefined {
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, type: _t, gsi2pk: _a, gsi2sk: _b, ...rest } = item;
    return rest as ProfileRecord;
  }

  return {
    async getProfile(userId: string): Promise<ProfileRecord | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: userPk(userId), sk: PROFILE_SK } }));
      return strip(Item);
    },

    assignmentsOf: reads.assignmentsOf,

    /** The names of these users (those with a profile), read in batches of 100. */
    async namesOf(userIds: string[]): Promise<Record<string, string>> {
      const names: Record<string, string> = {};
      const unique = [...new Set(userIds)];
      for (let i = 0; i < unique.length; i += 100) {
        let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((id) => ({ pk: userPk(id), sk: PROFILE_SK }));
        for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
          if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
          const out: BatchGetCommandOutput = await ddb.send(new BatchGetCommand({
            RequestItems: { [tableName]: { Keys: keys, ProjectionExpression: 'userId, #n', ExpressionAttributeNames: { '#n': 'name' } } },
          }));
          for (const item of out.Responses?.[tableName] ?? []) names[String(item.userId)] = String(item.name);
          keys = out.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return names;
    },

    async userIdByIc(ic: string): Promise<string | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: icKey(ic) }));
      return Item?.userId as string | undefined;
    },

    async userIdByEmail(email: string): Promise<string | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: emailKey(email.toLowerCase()) }));
      return Item?.userId as string | undefined;
    },

    /**
     * One page of the people of `orgIds`, unit after unit (each unit by name), optionally only
     * names starting with `prefix` and only one status. Reads one person beyond the page, so a
     * returned cursor always leads to more people. The cursor names the unit and the last
     * person returned; one naming a unit outside `orgIds` is refused (INVALID_CURSOR), so it
     * cannot widen the caller's scope.
     */
    async pageProfiles(orgIds: string[], options: { prefix?: string; status?: string; limit: number; cursor?: string }): Promise<{ profiles: ProfileRecord[]; nextCursor: string | null }> {
      let start = 0;
      let startKey: Record<string, unknown> | undefined;
      if (options.cursor) {
        const at = decodeCursor(options.cursor);
        start = at ? orgIds.indexOf(at.unit) : -1;
        if (!at || start < 0) throw new AppError('INVALID_CURSOR');
        startKey = { gsi2pk: orgUsersPk(at.unit), gsi2sk: at.after, pk: userPk(at.after.slice(at.after.lastIndexOf('#') + 1)), sk: PROFILE_SK };
      }
      const found: { unit: string; item: Record<string, unknown> }[] = [];
      for (let u = start; u < orgIds.length && found.length <= options.limit; u++) {
        let ExclusiveStartKey = u === start ? startKey : undefined;
        do {
          const page = await ddb.send(
            new QueryCommand({
              TableName: tableName, IndexName: 'gsi2',
              KeyConditionExpression: options.prefix ? 'gsi2pk = :p AND begins_with(gsi2sk, :n)' : 'gsi2pk = :p',
              ...(options.status ? { FilterExpression: '#status = :s', ExpressionAttributeNames: { '#status': 'status' } } : {}),
              ExpressionAttributeValues: {
                ':p': orgUsersPk(orgIds[u]!), ...(options.prefix ? { ':n': options.prefix } : {}), ...(options.status ? { ':s': options.status } : {}),
              },
              Limit: options.limit + 1 - found.length, ExclusiveStartKey,
            }),
          );
          found.push(...(page.Items ?? []).map((item) => ({ unit: orgIds[u]!, item })));
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey && found.length <= options.limit);
      }
      const more = found.length > options.limit;
      const shown = found.slice(0, options.limit);
      const last = shown.at(-1);
      return {
        profiles: shown.map((f) => strip(f.item)!),
        nextCursor: more && last ? encodeCursor({ unit: last.unit, after: String(last.item.gsi2sk) }) : null,
      };
    },

    /**
     * Creates or replaces a profile, keeping the MyKad and email lookup items in step, with
     * the audit event, in one transaction. `previous` is what the caller read: if someone
     * else changed the profile since, nothing is written (EDIT_CONFLICT).
     */
    async saveProfile(next: ProfileRecord, previous: ProfileRecord | undefined, actor: Actor, change: Omit<AuditChange, 'actor' | 'record'>) {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName, Item: profileItem(next),
            ...(previous
              ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        },
      ];
      if (next.ic !== previous?.ic) {
        items.push({ Put: { TableName: tableName, Item: { ...icKey(next.ic), userId: next.userId }, ConditionExpression: 'attribute_not_exists(pk)' } });
        if (previous) items.push({ Delete: { TableName: tableName, Key: icKey(previous.ic), ConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': next.userId } } });
      }
      if (next.email !== previous?.email) {
        if (next.email) {
          items.push({ Put: { TableName: tableName, Item: { ...emailKey(next.email), userId: next.userId }, ConditionExpression: 'attribute_not_exists(pk) OR userId = :u', ExpressionAttributeValues: { ':u': next.userId } } });
        }
        if (previous?.email) items.push({ Delete: { TableName: tableName, Key: emailKey(previous.email) } });
      }
      try {
        return await audit.writeWithAudit(items, { ...change, actor, record: { type: 'user', id: next.userId } });
      } catch (err) {
        if (!(err instanceof ChangeConditionFailed)) throw err;
        if (err.index === 0) throw new AppError('EDIT_CONFLICT');
        // Items after the profile are the lookup guards: a MyKad or email held by someone else.
        const sk = items[err.index]?.Put?.Item?.sk;
        if (sk === IC_SK) throw new AppError('IC_TAKEN', { field: 'ic' });
        if (sk === EMAIL_SK) throw new AppError('EMAIL_TAKEN', { field: 'email' });
        throw new AppError('EDIT_CONFLICT');
      }
    },

    /**
     * Saves a batch of imported profiles with ONE audit event, in one transaction: all of the
     * batch or none of it. `previous` per entry as read by the caller (undefined = new person).
     */
    async saveImportBatch(entries: { next: ProfileRecord; previous?: ProfileRecord }[], actor: Actor, change: Omit<AuditChange, 'actor'>) {
      const items: TransactItem[] = [];
      for (const { next, previous } of entries) {
        items.push({
          Put: {
            TableName: tableName, Item: profileItem(next),
            ...(previous
              ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': previous.version } }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          },
        });
        if (!previous) items.push({ Put: { TableName: tableName, Item: { ...icKey(next.ic), userId: next.userId }, ConditionExpression: 'attribute_not_exists(pk)' } });
        if (next.email && next.email !== previous?.email) {
          items.push({ Put: { TableName: tableName, Item: { ...emailKey(next.email), userId: next.userId }, ConditionExpression: 'attribute_not_exists(pk) OR userId = :u', ExpressionAttributeValues: { ':u': next.userId } } });
        }
      }
      return audit.writeWithAudit(items, { ...change, actor });
    },

    async saveAssignment(userId: string, a: Assignment, actor: Actor, change: Omit<AuditChange, 'actor' | 'record'>, mode: 'grant' | 'revoke') {
      const Key = { pk: userPk(userId), sk: roleSk(a.role, a.orgId, a.programme) };
      const item: TransactItem =
        mode === 'grant'
          ? {
              Put: {
                TableName: tableName,
                Item: { ...Key, type: 'role', ...a, userId, grantedBy: actor.userId, gsi1pk: orgRolesPk(a.orgId), gsi1sk: `${a.role}#${userId}` },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            }
          : { Delete: { TableName: tableName, Key, ConditionExpression: 'attribute_exists(pk)' } };
      try {
        return await audit.writeWithAudit([item], { ...change, actor, record: { type: 'user', id: userId } });
      } catch (err) {
        if (err instanceof ChangeConditionFailed) return undefined; // already granted / not held
        throw err;
      }
    },
  };
}

export type IdentityStore = ReturnType<typeof identityStore>;

type PageCursor = { unit: string; after: string };

function encodeCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify([c.unit, c.after]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): PageCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [unit, after] = value as unknown[];
    if (typeof unit !== 'string' || typeof after !== 'string' || !/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(unit) || !/#[A-Za-z0-9_.@:-]{1,128}$/.test(after) || after.length > 400) return undefined;
    return { unit, after };
  } catch {
    return undefined;
  }
}
