/**
 * The HTTP edge shared by every context: request id, language negotiation, access log,
 * one error shape, and zod validation that answers in the caller's language.
 * The same app object runs under Lambda (`hono/aws-lambda`) and on the local server.
 */
import { Hono, type Context, type ValidationTargets } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { zValidator } from '@hono/zod-validator';
import * as z from 'zod/mini';
import { en, ms } from 'zod/locales';
import type { $ZodIssue } from 'zod/v4/core';
import { AppError, errorBody, type ErrorCode } from './errors';
import { negotiateLanguage, type Lang } from './language';
import { logger, redact } from './logger';

export type AppEnv = { Variables: { lang: Lang; requestId: string } };

const zodLocales = { ms: ms(), en: en() } as const;

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

/** A new app with the shared middleware. Contexts mount their routes on it. */
export function createApp(): Hono<AppEnv> {
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
  app.notFound((c) => respondWithError(c, 'ROUTE_NOT_FOUND', 404, {}));
  app.onError((err, c) => {
    const known = asAppError(err);
    if (known) return respondWithError(c, known.code, known.status, known.details);
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
    message: zodLocales[lang].localeError(issue as never) as string,
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
