/**
 * The single table's key schema: one definition for the CDK stack, the local bootstrap
 * and the tests, so they cannot disagree.
 */
export const tableKeys = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Time-to-live attribute (epoch seconds) for items that expire (idempotency records, sessions). */
  ttlAttribute: 'expiresAt',
  /**
   * Generic, sparse indexes: an item appears in one only when it sets that index's keys.
   * gsi1: listings (courses, org units), audit by record; gsi2: audit by actor, users by unit;
   * gsi3: audit by day. See the access-pattern table in docs/architecture.md.
   */
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;
