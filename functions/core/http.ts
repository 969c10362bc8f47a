/**
 * The HTTP edge shared by every context: request id, language negotiation, access log,
 * one error shape, and zod validation that answers in the caller's language.
 * The same app object runs under Lambda (`hono/aws-lambda`) and on the local server.
 */
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import { Hono } from 'hono/tiny';
import { matchedRoutes } from 'hono/route';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { zValidator } from '@hono/zod-validator';
import * as z from 'zod/mini';
import { en, ms } from 'zod/locales';
import type { $ZodIssue } from 'zod/v4/core';
import { holdsAnywhere, isAllowed, type Assignment } from './access';
import { bearerToken, type Principal, type TokenVerifier } from './auth';
import { AppError, errorBody, type ErrorCode } from './errors';
import { callerAddress, type RateLimiter } from './rate-limit';
import { negotiateLanguage, type Lang } from './language';
import { logger, redact } from './logger';
import type { Operation } from './openapi';

export type AppEnv = {
  Variables: {
    lang: Lang;
    requestId: string;
    /** Set on every non-public route. */
    principal: Principal;
    /** The caller's role assignments, set on permission-checked routes. */
    assignments: Assignment[];
  };
};

/** What the access decision needs from storage; provided by the identity context. */
export type AccessDeps = {
  verifyToken: TokenVerifier;
  assignmentsOf(userId: string): Promise<Assignment[]>;
  /** The home unit of a user, undefined when there is no such user. */
  orgOfUser(userId: string): Promise<string | undefined>;
  /** A unit's ancestors, nearest first; undefined when there is no such unit. */
  ancestorsOf(orgId: string): Promise<string[] | undefined>;
};

export type AppOptions = {
  /** Every operation this app serves: a route without one is refused (deny by default). */
  operations: readonly Operation[];
  /** Required as soon as one operation is not public. */
  access?: AccessDeps;
  /** Required as soon as one operation declares a rate limit. */
  rateLimiter?: RateLimiter;
};

/** zod's messages per language, built on the first validation failure (an app that never validates leaves them out of its bundle). */
let zodLocales: { ms: ReturnType<typeof ms>; en: ReturnType<typeof en> } | undefined;
const zodLocale = (lang: Lang) => (zodLocales ??= { ms: ms(), en: en() })[lang];

function asAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    if (err.status === 400) return new AppError('MALFORMED_JSON');
  }
  const name = (err as { name?: string } | null)?.name;
  if (name === 'ProvisionedThroughputExceededException' || name === 'ThrottlingException' || name === 'RequestLimitExceeded') {
    return new AppError('SERVICE_BUSY');
  }
  return undefined;
}

function respondWithError(c: Context<AppEnv>, code: ErrorCode, status: number, details: Record<string, unknown>) {
  const lang = c.get('lang') ?? negotiateLanguage(c.req.header('accept-language'));
  return c.json(errorBody(code, lang, details), status as 400);
}

const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/**
 * A path parameter of the matched route. Middleware runs before the handler's parameters are
 * bound (c.req.param() there sees the middleware's own route), so read it from the pattern.
 */
function pathParam(pattern: string, path: string, name: string): string | undefined {
  const keys = pattern.split('/');
  const values = path.split('/');
  const at = keys.indexOf(`:${name}`);
  if (at < 0 || keys.length !== values.length) return undefined;
  try {
    return decodeURIComponent(values[at]!);
  } catch {
    return undefined;
  }
}

/**
 * The one access decision. Finds the operation of the matched route; refuses a route that has
 * none; checks the token on every non-public route; for permission routes loads the caller's
 * assignments, and for scoped routes the target record's unit: outside the caller's scope the
 * record is reported missing (404), never forbidden, so its existence does not leak.
 */
function guard(options: AppOptions): MiddlewareHandler<AppEnv> {
  const byRoute = new Map(options.operations.map((op) => [operationKey(op.method, op.path), op]));
  const deps = options.access;
  if (!deps && options.operations.some((op) => op.access.kind !== 'public')) {
    throw new Error('createApp: non-public operations need access dependencies');
  }
  if (!options.rateLimiter && options.operations.some((op) => op.access.rateLimit)) {
    throw new Error('createApp: rate-limited operations need a rate limiter');
  }
  const limit = async (op: Operation, caller: string) => {
    const rule = op.access.rateLimit;
    if (!rule) return;
    const { allowed, retryAfter } = await options.rateLimiter!({ name: op.operationId, ...rule }, caller);
    if (!allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: retryAfter });
  };
  return async (c, next) => {
    const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
    if (!route) return next(); // nothing matched: the 404 handler answers
    const op = byRoute.get(operationKey(route.method, route.path));
    if (!op) {
      logger.error('route without an access declaration refused', { route: route.path, method: route.method });
      throw new AppError('FORBIDDEN');
    }
    const access = op.access;
    if (access.kind === 'public') {
      await limit(op, `ip:${callerAddress({ get: (n) => c.req.header(n) })}`);
      return next();
    }

    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new AppError('UNAUTHENTICATED', { reason: 'missing' });
    const principal = await deps!.verifyToken(token);
    c.set('principal', principal);
    await limit(op, `user:${principal.userId}`);
    if (access.kind === 'signed-in') return next();

    const assignments = await deps!.assignmentsOf(principal.userId);
    c.set('assignments', assignments);
    // Refuse before looking at the record, so a 403 never depends on whether it exists.
    if (!holdsAnywhere(assignments, access.permission)) throw new AppError('FORBIDDEN');
    if (access.kind === 'anywhere') return next();

    const value = access.target.in === 'param' ? pathParam(route.path, c.req.path, access.target.name) : c.req.query(access.target.name);
    const orgId = value === undefined ? undefined : access.target.is === 'org' ? value : await deps!.orgOfUser(value);
    const ancestors = orgId === undefined ? undefined : await deps!.ancestorsOf(orgId);
    if (orgId === undefined || ancestors === undefined || !isAllowed(assignments, access.permission, orgId, ancestors)) {
      throw new AppError(access.notFound);
    }
    return next();
  };
}

/** A new app with the shared middleware and the access guard. Contexts mount their routes on it. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(secureHeaders());
  app.use(async (c, next) => {
    const lang = negotiateLanguage(c.req.header('accept-language'));
    c.set('lang', lang);
    const started = performance.now();
    await next();
    c.header('Content-Language', lang);
    c.header('Vary', 'Accept-Language', { append: true });
    // Route pattern, never the raw URL: a query string may carry a search for a person.
    logger.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      requestId: c.get('requestId'),
    });
  });
  app.use(guard(options));
  app.notFound((c) => respondWithError(c, 'ROUTE_NOT_FOUND', 404, {}));
  app.onError((err, c) => {
    const known = asAppError(err);
    if (known) {
      if (known.code === 'RATE_LIMITED') c.header('Retry-After', String(known.details.retryAfterSeconds ?? 60));
      return respondWithError(c, known.code, known.status, known.details);
    }
    logger.error('unhandled error', {
      requestId: c.get('requestId'),
      route: c.req.routePath,
      error: { name: (err as Error).name, message: redact(String((err as Error).message)) },
    });
    return respondWithError(c, 'INTERNAL', 500, { requestId: c.get('requestId') });
  });
  return app;
}

/** Turns zod issues into field messages in the caller's language (input values never echoed). */
export function describeIssues(issues: readonly $ZodIssue[], lang: Lang, target: string) {
  return issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : target,
    // Our own refinements carry "BM / EN"; zod's checks are rendered by its locales.
    message: issue.code === 'custom' && issue.message.includes(' / ')
      ? issue.message.split(' / ')[lang === 'ms' ? 0 : 1]!
      : (zodLocale(lang).localeError(issue as never) as string),
  }));
}

/**
 * Validates one part of the request with a zod schema. Failure is a 400 VALIDATION_FAILED
 * naming each field; success types `c.req.valid(target)` and the typed web client.
 */
export function validate<Target extends keyof ValidationTargets, S extends z.ZodMiniType>(target: Target, schema: S) {
  return zValidator(
    target,
    schema,
    (result, c: Context) => {
      if (!result.success) {
        const lang = (c as Context<AppEnv>).get('lang');
        throw new AppError('VALIDATION_FAILED', { issues: describeIssues(result.error.issues, lang, target) });
      }
    },
    // reportInput lets the locale say what was received ("received string"); the input
    // itself is dropped when the issues are described.
    { validationFunction: (s, value) => z.safeParse(s, value, { reportInput: true }) as never },
  );
}
