/** Creates the table and buckets the configuration names, when they are missing (local only; CDK does it in AWS). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableKeys } from '../core/table';
import { LocalSetupError } from './services';

/**
 * Creates the table if missing. A table kept in .data by an older version that lacks an index
 * is refused with the way out: DynamoDB Local builds online indexes unreliably (seen stuck in
 * CREATING for minutes), and local data is disposable.
 */
export async function ensureTable(ddb: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  try {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
    const missing = tableKeys.globalSecondaryIndexes.filter((g) => !present.has(g.indexName)).map((g) => g.indexName);
    if (missing.length) {
      throw new LocalSetupError(
        `Jadual tempatan ${tableName} lapuk (tiada indeks ${missing.join(', ')}) / the local table is out of date (missing ${missing.join(', ')}): ` +
          'stop, delete the local data with `rm -rf .data`, and start again.',
      );
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
