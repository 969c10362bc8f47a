/** API documentation: the OpenAPI 3.1 document, interactive docs and a health check. */
import { Hono } from 'hono/tiny';
import { Scalar } from '@scalar/hono-api-reference';
import * as z from 'zod/mini';
import type { AppEnv } from '../core/http';
import { openApiDocument, type Operation } from '../core/openapi';
import { catalogueOperations } from '../catalogue/openapi';
import { identityOperations, importOperations } from '../identity/openapi';
import { auditOperations } from '../audit/openapi';
import { certificateDocumentOperations, certificateOperations } from '../certificates/openapi';
import { learningOperations } from '../learning/openapi';

const access = { kind: 'public', because: 'API documentation and health carry no personal data' } as const;

export const docsOperations: Operation[] = [
  {
    method: 'get', path: '/api/openapi.json', operationId: 'getOpenApi', tag: 'docs',
    summary: { ms: 'Dokumen OpenAPI 3.1 ini', en: 'This OpenAPI 3.1 document' },
    response: { status: 200, schema: z.object({ openapi: z.string() }) }, errors: [], access,
  },
  {
    method: 'get', path: '/api/docs', operationId: 'getApiReference', tag: 'docs',
    summary: { ms: 'Rujukan API interaktif', en: 'Interactive API reference' },
    response: { status: 200, schema: z.string(), contentType: 'text/html' }, errors: [], access,
  },
  {
    method: 'get', path: '/api/health', operationId: 'getHealth', tag: 'docs',
    summary: { ms: 'Status perkhidmatan', en: 'Service health' },
    response: { status: 200, schema: z.object({ status: z.literal('ok') }) }, errors: [], access,
  },
];

/** Every operation of the platform, for the OpenAPI document. */
export const operations: Operation[] = [...catalogueOperations, ...identityOperations, ...importOperations, ...auditOperations, ...learningOperations, ...certificateOperations, ...certificateDocumentOperations, ...docsOperations];

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
