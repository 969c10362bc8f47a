/**
 * hono's typed client (`hc` from hono/client) with a smaller runtime. The types are hono's own,
 * so paths, parameters and bodies still come from the API's routes; only the code that turns
 * `client.users[':id'].$get({ param })` into a fetch is ours: ~0.4 kB gzip instead of ~1.6 kB
 * on every page (the 50 kB page budget, web/README.md).
 *
 * What it does, as hc does: path segments from property names, `:name` segments from
 * `param` (URI-encoded here, where hc inserts them raw), `query` (arrays as repeated keys,
 * undefined skipped), a `json` body with its Content-Type, `header`, and the `headers`,
 * `fetch` and `init` options of the client and of each call (the call's win). Not supported:
 * `$url`, `$path`, `$ws`, `form` and `cookie` (they throw).
 */
import type { hc as honoClient } from 'hono/client';

type HeaderValues = Record<string, string | undefined>;
type Options = { headers?: HeaderValues | (() => HeaderValues | Promise<HeaderValues>); fetch?: typeof fetch; init?: RequestInit };
type Args = { param?: Record<string, string>; query?: Record<string, unknown>; json?: unknown; header?: HeaderValues; form?: unknown; cookie?: unknown };

const headerValues = async (headers: Options['headers']) => (typeof headers === 'function' ? await headers() : headers);

function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(base: string, segments: string[], method: string, args: Args = {}, client: Options = {}, call: Options = {}) {
  if (args.form !== undefined || args.cookie !== undefined) throw new Error('$lib/hc: form and cookie are not supported');
  const path = segments
    .filter((segment, i) => !(segment === 'index' && i === segments.length - 1))
    .map((segment) =>
      segment.startsWith(':') ? encodeURIComponent(args.param?.[segment.slice(1).replace(/\{.*\}$|\?$/, '')] ?? '') : segment,
    )
    .filter(Boolean) // an empty parameter drops its segment, as in hc
    .join('/');
  const values: HeaderValues = { ...args.header, ...(await headerValues(client.headers)), ...(await headerValues(call.headers)) };
  const headers = new Headers();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) headers.set(name, value);
  const hasBody = args.json !== undefined && method !== 'GET' && method !== 'HEAD';
  if (args.json !== undefined) headers.set('Content-Type', 'application/json');
  const url = `${base.replace(/\/+$/, '')}${path ? `/${path}` : ''}${args.query ? queryString(args.query) : ''}`;
  return (call.fetch ?? client.fetch ?? fetch)(url, {
    method,
    headers,
    ...(hasBody ? { body: JSON.stringify(args.json) } : {}),
    ...client.init,
    ...call.init,
  });
}

function proxy(invoke: (path: string[], args: unknown[]) => unknown, path: string[] = []): unknown {
  return new Proxy(() => undefined, {
    get: (_, key) => (typeof key === 'string' && key !== 'then' ? proxy(invoke, [...path, key]) : undefined),
    apply: (_, __, args) => invoke(path, args),
  });
}

export const hc = ((base: string, client?: Options) =>
  proxy((path, [args, call]) => {
    const method = path.at(-1) ?? '';
    if (!method.startsWith('$') || ['$url', '$path', '$ws'].includes(method)) throw new Error(`$lib/hc: ${method} is not supported`);
    return send(base, path.slice(0, -1), method.slice(1).toUpperCase(), args as Args, client, call as Options);
  })) as unknown as typeof honoClient;
