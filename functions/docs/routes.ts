/** API documentation: the OpenAPI 3.1 document, interactive docs and a health check. */
import { Hono } from 'hono';
import { Scalar } from '@scalar/hono-api-reference';
import type { AppEnv } from '../core/http';
import { openApiDocument } from '../core/openapi';
import { catalogueOperations } from '../catalogue/openapi';

export const operations = [...catalogueOperations];

export function docsRoutes() {
  // Built once per cold start: the document depends only on the code.
  const document = openApiDocument(operations, {
    title: 'Latih API',
    version: '0.1.0',
    description:
      'Platform peningkatan kemahiran digital Negeri Sembilan / Negeri Sembilan digital upskilling platform. ' +
      'Ralat: `{ "error": { "code", "message", "details" } }`, mesej mengikut Accept-Language (ms lalai, en).',
  });
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(document))
    .get('/docs', Scalar({ url: '/api/openapi.json', pageTitle: 'Latih API' }))
    .get('/health', (c) => c.json({ status: 'ok' as const }));
}
