/** Creates the table and buckets the configuration names, when they are missing (local only; CDK does it in AWS). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableKeys } from '../core/table';

/**
 * Creates the table if missing; on a table kept in .data from an older version, adds the
 * indexes the key schema has gained since (what a CDK deploy does in AWS).
 */
export async function ensureTable(ddb: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  try {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    for (const g of tableKeys.globalSecondaryIndexes.filter((g) => !present.has(g.indexName))) {
      await ddb.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [g.partitionKey, g.sortKey].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{
            Create: {
              IndexName: g.indexName,
              KeySchema: [{ AttributeName: g.partitionKey, KeyType: 'HASH' }, { AttributeName: g.sortKey, KeyType: 'RANGE' }],
              Projection: { ProjectionType: 'ALL' },
            },
          }],
        }),
      );
      // DynamoDB builds one index at a time: wait for this one before asking for the next.
      for (const deadline = Date.now() + 120_000; ;) {
        const { Table: t } = await ddb.send(new DescribeTableCommand({ TableName: tableName }));
        const status = t?.GlobalSecondaryIndexes?.find((x) => x.IndexName === g.indexName)?.IndexStatus;
        if (status === 'ACTIVE' && t?.TableStatus === 'ACTIVE') break;
        if (Date.now() > deadline) throw new Error(`index ${g.indexName} of ${tableName} still ${status} after 120 s`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException) && (err as Error).name !== 'ResourceNotFoundException') throw err;
  }
  const gsis = tableKeys.globalSecondaryIndexes;
  const attributes = new Set<string>([tableKeys.partitionKey, tableKeys.sortKey, ...gsis.flatMap((g) => [g.partitionKey, g.sortKey])]);
  await ddb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: tableKeys.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableKeys.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: gsis.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await ddb.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: tableKeys.ttlAttribute, Enabled: true } }),
  );
  return true;
}

export async function ensureBucket(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return false;
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    return true;
  }
}
