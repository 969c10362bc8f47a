/**
 * The context manifest (what API Gateway routes to which Lambda, and which routes need no
 * login) must agree with the operations each app declares: every operation reachable through
 * exactly one gateway route, public exactly where the operation is public.
 */
import { describe, expect, it } from 'vitest';
import { contexts } from '../../functions/contexts';
import { operations } from '../../functions/docs/routes';

function gatewayRegex(routeKey: string) {
  const [method, path] = routeKey.split(' ') as [string, string];
  const pattern = path
    .split('/')
    .map((seg) => (seg === '{proxy+}' ? '.+' : /^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, regex: new RegExp(`^${pattern}$`) };
}

const samplePath = (path: string) => path.replace(/:(\w+)/g, 'sample-$1');

describe('context manifest', () => {
  const routes = contexts.flatMap((ctx) => ctx.routes.map((key) => ({ ctx, key, ...gatewayRegex(key), public: Boolean(ctx.publicRoutes?.[key]) })));

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s is routed by exactly one gateway route, public iff declared public', (_name, op) => {
    const matches = routes.filter((r) => r.method === op.method.toUpperCase() && r.regex.test(samplePath(op.path)));
    expect(matches.map((m) => m.key)).toHaveLength(1);
    expect(matches[0]!.public).toBe(op.access.kind === 'public');
  });

  it('every public route is a real route and every route serves at least one operation', () => {
    for (const ctx of contexts) {
      for (const key of Object.keys(ctx.publicRoutes ?? {})) expect(ctx.routes, `${ctx.name}: ${key}`).toContain(key);
    }
    for (const r of routes) {
      expect(operations.some((op) => r.method === op.method.toUpperCase() && r.regex.test(samplePath(op.path))), r.key).toBe(true);
    }
  });
});
