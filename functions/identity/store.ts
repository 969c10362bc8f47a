/**
 * Every DynamoDB call of the identity context. Writes go through the audit log's
 * transaction, so each change and its audit event are written together or not at all.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Assignment } from '../core/access';
import { ChangeConditionFailed, type AuditChange, type AuditLog, type TransactItem } from '../core/audit';
import { AppError } from '../core/errors';
import { piiDigest } from '../core/pii';
import { normaliseText } from '../catalogue/search';
import {
  EMAIL_SK, IC_SK, PROFILE_SK, ROLE_PREFIX, emailPk, icGuardPk, orgRolesPk, orgUsersPk, roleSk, userPk,
} from './keys';
import type { ProfileRecord } from './profile';

type Actor = AuditChange['actor'];

export function identityStore(ddb: DynamoDBDocumentClient, tableName: string, audit: AuditLog, piiKey: string) {
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

    async assignmentsOf(userId: string): Promise<Assignment[]> {
      const { Items = [] } = await ddb.send(
        new QueryCommand({
          TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
          ExpressionAttributeValues: { ':pk': userPk(userId), ':r': ROLE_PREFIX },
        }),
      );
      return Items.map((i) => ({ role: i.role, orgId: i.orgId, ...(i.programme ? { programme: i.programme } : {}) }) as Assignment);
    },

    async userIdByIc(ic: string): Promise<string | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: icKey(ic) }));
      return Item?.userId as string | undefined;
    },

    async userIdByEmail(email: string): Promise<string | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: emailKey(email.toLowerCase()) }));
      return Item?.userId as string | undefined;
    },

    /** Profiles of the given units whose normalised name starts with `prefix`, by name. */
    async profilesOf(orgIds: string[], prefix: string, limit: number): Promise<ProfileRecord[]> {
      const found: ProfileRecord[] = [];
      for (const orgId of orgIds) {
        if (found.length >= limit) break;
        const { Items = [] } = await ddb.send(
          new QueryCommand({
            TableName: tableName, IndexName: 'gsi2',
            KeyConditionExpression: prefix ? 'gsi2pk = :p AND begins_with(gsi2sk, :n)' : 'gsi2pk = :p',
            ExpressionAttributeValues: { ':p': orgUsersPk(orgId), ...(prefix ? { ':n': prefix } : {}) },
            Limit: limit - found.length,
          }),
        );
        found.push(...Items.map((i) => strip(i)!));
      }
      return found.sort((a, b) => a.name.localeCompare(b.name, 'ms'));
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
