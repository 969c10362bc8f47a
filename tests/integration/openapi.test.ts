import { describe, expect, it } from 'vitest';
import { createClients } from '../../functions/core/clients';
import { loadConfig } from '../../functions/core/config';
import { operations } from '../../functions/docs/routes';
import { createPlatformApp } from '../../functions/platform';

// No storage is touched: these requests only read the app's own description.
const config = loadConfig({
  TABLE_NAME: 'unused', CONTENT_BUCKET: 'unused', OIDC_ISSUER: 'http://127.0.0.1:9/unused', OIDC_CLIENT_ID: 'unused', PII_HMAC_KEY: 'x'.repeat(32),
});
const app = createPlatformApp(config, createClients(config));

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with every mounted route documented and nothing documented that is not mounted', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');

    const mounted = new Set(
      app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method.toLowerCase()} ${r.path}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    expect([...documented].sort()).toEqual([...mounted].sort());
    expect(operations.length).toBe(documented.size);
  });

  it('documents query parameters from the validating schema', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as any;
    const list = doc.paths['/api/catalogue/courses'].get;
    const limit = list.parameters.find((p: any) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 50 } });
    expect(list.responses['400'].description).toContain('INVALID_CURSOR');
    expect(doc.paths['/api/catalogue/courses/{code}'].get.parameters[0]).toMatchObject({ name: 'code', in: 'path', required: true });
  });

  it('serves interactive docs and a health check', async () => {
    const docs = await app.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toContain('/api/openapi.json');
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok' });
  });
});
