/**
 * OpenAPI 3.1 from the same zod schemas that validate requests. Each context lists its
 * operations; the docs context assembles them. A test checks that every mounted route
 * has an operation and every operation a route, so the document cannot drift.
 */
import * as z from 'zod/mini';
import type { Permission } from './access';
import type { ErrorCode } from './errors';
import type { Bilingual } from './language';

/**
 * Who may call an operation. `public`: anyone; `signed-in`: any user with a valid token,
 * acting on their own records; `anywhere`: holders of the permission at any unit (the handler
 * narrows results to their scope); `scoped`: holders of the permission at the target record's
 * unit or above, where the target is found from a path or query parameter.
 */
export type Access = (
  | { kind: 'public'; because: string }
  | { kind: 'signed-in' }
  | { kind: 'anywhere'; permission: Permission }
  | {
      kind: 'scoped';
      permission: Permission;
      target: { in: 'param' | 'query'; name: string; is: 'user' | 'org' };
      /** Answered for a missing record and for a record outside the caller's scope alike. */
      notFound: ErrorCode;
    }
) & {
  /** Calls allowed per window: per signed-in user, or per address on public routes. */
  rateLimit?: { max: number; windowSeconds: number };
};

export type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono path syntax (`/api/catalogue/courses/:code`). */
  path: string;
  operationId: string;
  tag: string;
  summary: Bilingual;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** Success status and body schema (JSON unless a content type is given). */
  response: { status: number; schema: z.ZodMiniType; contentType?: string };
  /** Error codes this operation may answer with (beyond the generic ones). */
  errors: { status: number; codes: string[] }[];
  access: Access;
};

const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.object({
      issues: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
      requestId: z.optional(z.string()),
    }),
  }),
});

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function parameters(schema: z.ZodMiniObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(operations: Operation[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    const responses: Record<string, unknown> = {
      [op.response.status]: {
        description: op.summary.en,
        content: { [op.response.contentType ?? 'application/json']: { schema: jsonSchema(op.response.schema, 'output') } },
      },
    };
    for (const e of [...op.errors, { status: 500, codes: ['INTERNAL'] }]) {
      responses[e.status] = {
        description: e.codes.join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[path][op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary.en,
      description: `${op.summary.ms} / ${op.summary.en}`,
      parameters: [
        ...parameters(op.params, 'path'),
        ...parameters(op.query, 'query'),
        { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', examples: ['ms', 'en'] }, description: 'Language of error messages: ms (default) or en.' },
      ],
      ...(op.access.kind === 'public' ? { security: [] } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    security: [{ oidc: [] }],
    components: {
      schemas: { Error: jsonSchema(ErrorResponse, 'output') },
      securitySchemes: { oidc: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'OIDC access token (authorization code + PKCE)' } },
    },
  };
}
