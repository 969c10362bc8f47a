/**
 * The single table's key schema: one definition for the CDK stack, the local bootstrap
 * and the tests, so they cannot disagree.
 */
export const tableKeys = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Time-to-live attribute (epoch seconds) for items that expire (idempotency records, sessions). */
  ttlAttribute: 'expiresAt',
  globalSecondaryIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
} as const;
