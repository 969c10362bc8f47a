/**
 * Every DynamoDB and S3 call of the certificates context. Changes (revoke, reissue) go through
 * the audit log's transaction; caches (status list entry, signed credential, PDF key) are
 * conditional single-item updates.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ChangeConditionFailed, type AuditChange, type AuditLog, type TransactItem } from '../core/audit';
import { AppError } from '../core/errors';
import { STATUS_LIST_SIZE } from './credential';
import { certificateItem, fromItem, type CertificateRecord } from './issue';
import { CERT_SK, GUARD_SK, STATUS_LIST_SK, certPk, courseCertsPk, guardPk, statusListPk, userCertsPk } from './keys';
import { presignGet } from './presign';

type Actor = AuditChange['actor'];
type Change = Omit<AuditChange, 'actor' | 'record'>;

const COUNTER_SK = 'COUNTER';

export function certificateStore(ddb: DynamoDBDocumentClient, s3: S3Client, tableName: string, bucket: string, audit: AuditLog) {
  const key = (number: string) => ({ pk: certPk(number), sk: CERT_SK });

  async function query(index: 'gsi1' | 'gsi2', pk: string, max: number): Promise<CertificateRecord[]> {
    const out: CertificateRecord[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await ddb.send(new QueryCommand({
        TableName: tableName, IndexName: index, KeyConditionExpression: `${index}pk = :p`,
        ExpressionAttributeValues: { ':p': pk }, ScanIndexForward: false, ExclusiveStartKey,
      }));
      out.push(...(page.Items ?? []).map(fromItem));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey && out.length < max);
    return out;
  }

  /** The status list item's revocation update, when the certificate has an entry. */
  const flipBit = (c: CertificateRecord): TransactItem[] =>
    c.statusEntry
      ? [{
          Update: {
            TableName: tableName, Key: { pk: statusListPk(c.statusEntry.list), sk: STATUS_LIST_SK },
            UpdateExpression: 'ADD revoked :i, version :one', ExpressionAttributeValues: { ':i': new Set([c.statusEntry.index]), ':one': 1 },
          },
        }]
      : [];

  /** The certificate's own update, conditional on what the caller read (still valid, same version). */
  const updateIfUnchanged = (c: CertificateRecord, set: Record<string, unknown>): TransactItem => {
    const names = Object.keys(set);
    return {
      Update: {
        TableName: tableName, Key: key(c.number),
        UpdateExpression: `SET ${names.map((n, i) => `#n${i} = :v${i}`).join(', ')}, version = version + :one`,
        ConditionExpression: 'version = :ver AND #status = :valid',
        ExpressionAttributeNames: { ...Object.fromEntries(names.map((n, i) => [`#n${i}`, n])), '#status': 'status' },
        ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:v${i}`, set[n]])), ':one': 1, ':ver': c.version, ':valid': 'valid' },
      },
    };
  };

  return {
    async get(number: string): Promise<CertificateRecord | undefined> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: key(number) }));
      return Item ? fromItem(Item) : undefined;
    },

    /** A person's certificates, newest completion first. */
    ofUser: (userId: string) => query('gsi1', userCertsPk(userId), 1000),

    /** A course's certificates, newest first, at most `max` (the caller narrows to its scope). */
    ofCourse: (code: string, max: number) => query('gsi2', courseCertsPk(code), max),

    /**
     * The certificate's place in the revocation status list, given once: one atomic counter
     * for all lists (position n = list ⌊n / size⌋ + 1, index n mod size), then set on the
     * certificate only if it still has none and is still valid (a lost race wastes one index).
     */
    async ensureStatusEntry(c: CertificateRecord): Promise<CertificateRecord> {
      if (c.statusEntry) return c;
      const { Attributes } = await ddb.send(new UpdateCommand({
        TableName: tableName, Key: { pk: statusListPk(0), sk: COUNTER_SK },
        UpdateExpression: 'ADD #n :one', ExpressionAttributeNames: { '#n': 'next' }, ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW',
      }));
      const position = Number(Attributes?.next) - 1;
      const entry = { list: Math.floor(position / STATUS_LIST_SIZE) + 1, index: position % STATUS_LIST_SIZE };
      try {
        const { Attributes: after } = await ddb.send(new UpdateCommand({
          TableName: tableName, Key: key(c.number),
          UpdateExpression: 'SET statusEntry = :e, version = version + :one',
          ConditionExpression: 'attribute_not_exists(statusEntry) AND #status = :valid',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':e': entry, ':one': 1, ':valid': 'valid' }, ReturnValues: 'ALL_NEW',
        }));
        return fromItem(after!);
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        const now = await this.get(c.number);
        if (!now?.statusEntry) throw new AppError('CERTIFICATE_NOT_VALID');
        return now;
      }
    },

    /** Keeps the signed credential (first writer wins; every signature of it is equivalent). */
    async saveCredential(number: string, jwt: string): Promise<void> {
      await ddb.send(new UpdateCommand({
        TableName: tableName, Key: key(number), UpdateExpression: 'SET credential = if_not_exists(credential, :c)',
        ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':c': jwt },
      }));
    },

    async savePdfKey(number: string, pdfKey: string): Promise<void> {
      await ddb.send(new UpdateCommand({
        TableName: tableName, Key: key(number), UpdateExpression: 'SET pdfKey = :k', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':k': pdfKey },
      }));
    },

    /** The indexes whose bit is 1 in a status list. */
    async revokedIndexes(list: number): Promise<{ revoked: number[]; version: number }> {
      const { Item } = await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: statusListPk(list), sk: STATUS_LIST_SK } }));
      return { revoked: [...((Item?.revoked as Set<number> | undefined) ?? [])].map(Number), version: Number(Item?.version ?? 0) };
    },

    /** Revokes a valid certificate with its audit event; EDIT_CONFLICT when it changed since read. */
    async revoke(c: CertificateRecord, revocation: NonNullable<CertificateRecord['revocation']>, actor: Actor, change: Change) {
      try {
        return await audit.writeWithAudit(
          [updateIfUnchanged(c, { status: 'revoked', revocation }), ...flipBit(c)],
          { ...change, actor, record: { type: 'certificate', id: c.number } },
        );
      } catch (err) {
        if (err instanceof ChangeConditionFailed) throw new AppError('EDIT_CONFLICT');
        throw err;
      }
    },

    /**
     * Reissue: the old certificate becomes superseded (kept, linked), the new one is created, the
     * completion's once-guard moves to the new number, and the old credential's bit is set.
     */
    async reissue(old: CertificateRecord, next: CertificateRecord, actor: Actor, change: Change) {
      const items: TransactItem[] = [
        updateIfUnchanged(old, { status: 'superseded', supersededBy: next.number }),
        { Put: { TableName: tableName, Item: certificateItem(next), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: tableName, Key: { pk: guardPk(old.userId, old.course.code, old.course.version), sk: GUARD_SK },
            UpdateExpression: 'SET #n = :new', ConditionExpression: '#n = :old',
            ExpressionAttributeNames: { '#n': 'number' }, ExpressionAttributeValues: { ':new': next.number, ':old': old.number },
          },
        },
        ...flipBit(old),
      ];
      try {
        return await audit.writeWithAudit(items, { ...change, actor, record: { type: 'certificate', id: old.number } });
      } catch (err) {
        if (err instanceof ChangeConditionFailed) throw new AppError('EDIT_CONFLICT');
        throw err;
      }
    },

    async getObject(objectKey: string): Promise<Uint8Array | undefined> {
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
        return await res.Body!.transformToByteArray();
      } catch (err) {
        if ((err as Error).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
        throw err;
      }
    },

    async putObject(objectKey: string, body: Uint8Array, contentType: string): Promise<void> {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: body, ContentType: contentType }));
    },

    presign: (objectKey: string, options: { expiresIn: number; filename: string; contentType: string }) => presignGet(s3, bucket, objectKey, options),
  };
}

export type CertificateStore = ReturnType<typeof certificateStore>;
