import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/local/bootstrap';
import { freshStorage } from '../support/storage';

describe('local table bootstrap', () => {
  it('refuses an older local table that lacks an index, saying how to start afresh', async () => {
    const { clients, config } = await freshStorage('bootstrap');
    const old = `${config.tableName}-old`;
    await clients.ddb.send(new CreateTableCommand({
      TableName: old, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [{ IndexName: 'gsi1', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    }));
    await expect(ensureTable(clients.ddb, old)).rejects.toThrow(/missing gsi2, gsi3.*rm -rf \.data/);
    expect(await ensureTable(clients.ddb, config.tableName)).toBe(false);
  });
});
