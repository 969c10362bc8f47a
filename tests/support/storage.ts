/**
 * A fresh table and bucket on the run's shared DynamoDB Local and S3 server, for one test
 * file. Configuration only: the code under test builds its clients exactly as in Lambda.
 */
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createClients, type Clients } from '../../functions/core/clients';
import { loadConfig, type Config } from '../../functions/core/config';
import { ensureBucket, ensureTable } from '../../functions/local/bootstrap';

export type TestStorage = { config: Config; clients: Clients };

/**
 * `issuer` is the token issuer the app should trust; without one, a placeholder that no token
 * will match (for tests of public routes only).
 */
export async function freshStorage(label: string, issuer?: { issuer: string; jwksUrl: string; clientId: string }): Promise<TestStorage> {
  const id = `${label}-${randomUUID().slice(0, 8)}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const config = loadConfig({
    TABLE_NAME: `test-${id}`,
    CONTENT_BUCKET: `test-${id}`,
    AWS_REGION: 'ap-southeast-5',
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
    S3_ENDPOINT: inject('s3Endpoint'),
    OIDC_ISSUER: issuer?.issuer ?? 'http://127.0.0.1:9/unused-issuer',
    OIDC_CLIENT_ID: issuer?.clientId ?? 'latih-test',
    ...(issuer ? { OIDC_JWKS_URL: issuer.jwksUrl } : {}),
    PII_HMAC_KEY: randomUUID() + randomUUID(),
    // Certificates: a throwaway signing key per test file, created on first use.
    PUBLIC_BASE_URL: 'https://latih.test',
    CERT_SIGNING_KEY_FILE: join(tmpdir(), 'latih-test-keys', `${id}.json`),
  });
  const clients = createClients(config);
  await ensureTable(clients.ddb, config.tableName);
  await ensureBucket(clients.s3, config.contentBucket);
  return { config, clients };
}

export const storageEndpoints = () => ({ dynamodbEndpoint: inject('dynamodbEndpoint'), s3Endpoint: inject('s3Endpoint') });
