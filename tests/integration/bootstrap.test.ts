import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/local/bootstrap';
import { freshStorage } from '../support/storage';

describe('local table bootstrap', () => {
  it('adds the indexes an older local table lacks, and is a no-op the second time', { timeout: 150_000 }, async () => {
    const { clients, config } = await freshStorage('bootstrap');
    const old = `${config.tableName}-old`;
    await clients.ddb.send(new CreateTableCommand({
      TableName: old, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [{ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    }));
    expect(await ensureTable(clients.ddb, old)).toBe(false);
    const { Table } = await clients.ddb.send(new DescribeTableCommand({ TableName: old }));
    expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3']);
    expect(await ensureTable(clients.ddb, old)).toBe(false);
  });
});
