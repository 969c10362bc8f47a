/**
 * Loads checked content into the table and the content bucket, idempotently:
 * an item is written only when its contentHash differs, a course snapshot only when that
 * version is not stored yet. A second run with the same content writes nothing.
 *
 * A course removed from content is deleted, unless learners are enrolled in it: then it is
 * retired (kept, hidden from listings). Per course, lessons and quiz are written before
 * the META item that points at them, so a reader never sees an outline without lessons.
 */
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  BatchWriteCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Clients } from '../../core/clients';
import { queryAll } from '../../core/query';
import type { Config } from '../../core/config';
import { CATALOGUE_PK, COURSES_GSI1PK, GSI1, META, ORGS_GSI1PK, QUIZ_SK, courseEnrolmentsPk, coursePk } from '../keys';
import { buildItems, courseSnapshot, courseSnapshotKey, courseVersion, type Item } from './items';
import type { Content } from './load';
import { silentProgress, type Progress } from './progress';

export type SyncReport = { written: number; deleted: number; retired: number; unchanged: number; snapshots: number };

type Key = { pk: string; sk: string };
type Stored = Key & { contentHash?: string };

const keyOf = (k: Key) => `${k.pk}\u0000${k.sk}`;
const isCatalogueSk = (sk: string) => sk === META || sk === QUIZ_SK || sk.startsWith('LESSON#');

/** BatchWriteItem in chunks of 25, retrying unprocessed items with backoff. */
async function batchWrite(ddb: DynamoDBDocumentClient, table: string, requests: Record<string, unknown>[], progress: Progress) {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 8) throw new Error('content sync: DynamoDB kept items unprocessed after 8 retries');
      if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }));
      const unprocessed = (out.UnprocessedItems?.[table] ?? []) as Record<string, unknown>[];
      for (let n = pending.length - unprocessed.length; n > 0; n--) progress.tick();
      pending = unprocessed;
    }
  }
}

export async function syncContent(content: Content, { ddb, s3 }: Clients, config: Config, progress: Progress = silentProgress): Promise<SyncReport> {
  const table = config.tableName;
  const desired = buildItems(content);
  const desiredKeys = new Set(desired.map(keyOf));
  const contentCodes = new Set(content.courses.map((c) => c.course.code));

  // What the table holds now, read by the same keys the catalogue owns (no Scan).
  const projection = { ProjectionExpression: 'pk, sk, contentHash' };
  const activeCodes = (
    await queryAll(ddb, {
      TableName: table, IndexName: GSI1, KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': COURSES_GSI1PK }, ProjectionExpression: 'code',
    })
  ).map((i) => String(i.code));
  const stored: Stored[] = [
    ...(await queryAll(ddb, { TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': CATALOGUE_PK }, ...projection })),
    ...(await queryAll(ddb, { TableName: table, IndexName: GSI1, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': ORGS_GSI1PK }, ...projection })),
  ] as Stored[];
  for (const code of contentCodes) {
    const items = (await queryAll(ddb, { TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': coursePk(code) }, ...projection })) as Stored[];
    stored.push(...items.filter((i) => isCatalogueSk(i.sk)));
  }
  const storedHash = new Map(stored.map((s) => [keyOf(s), s.contentHash]));

  const changed = desired.filter((item) => storedHash.get(keyOf(item)) !== item.contentHash);
  const stale = stored.filter((s) => !desiredKeys.has(keyOf(s)));
  const removedCodes = activeCodes.filter((code) => !contentCodes.has(code));

  // Snapshots are immutable per version: write only the versions the bucket lacks.
  const missingSnapshots = [];
  for (const loaded of content.courses) {
    const Key = courseSnapshotKey(loaded.course.code, courseVersion(loaded));
    try {
      await s3.send(new HeadObjectCommand({ Bucket: config.contentBucket, Key }));
    } catch (err) {
      if ((err as { name?: string }).name !== 'NotFound' && (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw err;
      missingSnapshots.push({ Key, loaded });
    }
  }

  progress.start(changed.length + stale.length + removedCodes.length + missingSnapshots.length);
  for (const { Key, loaded } of missingSnapshots) {
    await s3.send(
      new PutObjectCommand({
        Bucket: config.contentBucket,
        Key,
        ContentType: 'application/json',
        Body: JSON.stringify(courseSnapshot(loaded)),
      }),
    );
    progress.tick();
  }

  const isMeta = (i: Item) => i.sk === META && i.pk.startsWith('COURSE#');
  await batchWrite(ddb, table, changed.filter((i) => !isMeta(i)).map((Item) => ({ PutRequest: { Item } })), progress);
  await batchWrite(ddb, table, changed.filter(isMeta).map((Item) => ({ PutRequest: { Item } })), progress);
  await batchWrite(ddb, table, stale.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })), progress);

  let retired = 0;
  let deleted = stale.length;
  for (const code of removedCodes) {
    // Anyone ever enrolled (any status) keeps the course: their records name it.
    const enrolled = await ddb.send(
      new QueryCommand({
        TableName: table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': courseEnrolmentsPk(code) }, Limit: 1, ProjectionExpression: 'pk',
      }),
    );
    if (enrolled.Items?.length) {
      await ddb.send(
        new UpdateCommand({
          TableName: table, Key: { pk: coursePk(code), sk: META },
          // The stored hash no longer describes the item: should the course come back to
          // content, the sync must rewrite it as active.
          UpdateExpression: 'SET #status = :retired, contentHash = :retired REMOVE gsi1pk, gsi1sk',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':retired': 'retired' },
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
      retired++;
    } else {
      const items = (await queryAll(ddb, { TableName: table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': coursePk(code) }, ProjectionExpression: 'pk, sk' })) as Key[];
      const own = items.filter((i) => isCatalogueSk(i.sk));
      // META last, so the course never lists with its lessons gone.
      own.sort((a, b) => Number(a.sk === META) - Number(b.sk === META));
      await batchWrite(ddb, table, own.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })), silentProgress);
      deleted += own.length;
    }
    progress.tick();
  }
  progress.stop();

  return { written: changed.length, deleted, retired, unchanged: desired.length - changed.length, snapshots: missingSnapshots.length };
}
