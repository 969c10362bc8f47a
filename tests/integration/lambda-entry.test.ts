/**
 * The Lambda entries run the same app as the local server: invoke them with API Gateway
 * HTTP API (payload 2.0) events against DynamoDB Local.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../functions/catalogue/content/load';
import { syncContent } from '../../functions/catalogue/content/sync';
import { ContentFixture } from '../support/content-fixture';
import { freshStorage } from '../support/storage';

function event(path: string, query = '', headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /api/catalogue/{proxy+}',
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'api.example', ...headers },
    requestContext: {
      accountId: '123456789012', apiId: 'api', domainName: 'api.example', domainPrefix: 'api', requestId: 'gw-1', routeKey: 'GET /api/catalogue/{proxy+}',
      stage: '$default', time: '04/Dec/2026:00:00:00 +0000', timeEpoch: 0,
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
    },
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}

const context = { awsRequestId: 'lambda-req-1', functionName: 'catalogue', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
type Handler = (e: APIGatewayProxyEventV2, c: Context) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;
let catalogue: Handler;
let docs: Handler;

beforeAll(async () => {
  const storage = await freshStorage('lambda');
  const fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
  await syncContent(loadContent(fixture.root).content, storage.clients, storage.config);
  fixture.cleanup();
  // Lambda reads its configuration from the environment at cold start.
  Object.assign(process.env, {
    TABLE_NAME: storage.config.tableName,
    CONTENT_BUCKET: storage.config.contentBucket,
    DYNAMODB_ENDPOINT: storage.config.dynamodbEndpoint,
    S3_ENDPOINT: storage.config.s3Endpoint,
    OIDC_ISSUER: storage.config.oidc!.issuer,
    OIDC_CLIENT_ID: storage.config.oidc!.clientId,
    PII_HMAC_KEY: storage.config.piiKey,
  });
  catalogue = (await import('../../functions/catalogue/lambda')).handler as unknown as Handler;
  docs = (await import('../../functions/docs/lambda')).handler as unknown as Handler;
});

describe('Lambda entries', () => {
  it('catalogue: lists and gets courses through API Gateway events', async () => {
    const list = await catalogue(event('/api/catalogue/courses', 'programme=3.1'), context);
    expect(list.statusCode).toBe(200);
    expect(JSON.parse(list.body).courses.map((c: { code: string }) => c.code)).toEqual(['DA-301']);
    const missing = await catalogue(event('/api/catalogue/courses/ZZ-999', '', { 'accept-language': 'en' }), context);
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error.message).toBe('Course not found.');
  });

  it('catalogue: bad input is a 400 in the error shape', async () => {
    const bad = await catalogue(event('/api/catalogue/courses', 'limit=-1'), context);
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('VALIDATION_FAILED');
  });

  it('docs: serves the OpenAPI document and health', async () => {
    const doc = await docs(event('/api/openapi.json'), context);
    expect(JSON.parse(doc.body).openapi).toBe('3.1.0');
    expect(JSON.parse((await docs(event('/api/health'), context)).body)).toEqual({ status: 'ok' });
  });
});
