/**
 * The typed client of the learning routes (functions/learning/routes.ts, mounted at /api), with
 * the bearer token and the UI language, like the identity client; errors go through `call()`.
 *
 * Progress and quiz submissions carry an `Idempotency-Key`: one per user action, kept until
 * that action succeeds, so a double tap or a retry after a dropped connection (the server
 * committed, the answer was lost) replays the first answer instead of counting twice.
 */
import type * as z from 'zod/mini';
import type { AttemptResponse, ProgressResponse } from '$functions/learning/api';
import type { LearningApi } from '$functions/learning/routes';
import { call } from '$lib/api';
import { authorizedFetch } from '$lib/auth/tokens';
import { hc } from '$lib/hc';
import { locale } from '$lib/locale.svelte';

export const learning = hc<LearningApi>('/api', {
  fetch: authorizedFetch,
  headers: () => ({ 'Accept-Language': locale.lang }),
});

/** 32 hex characters (the API takes 8–64 of [A-Za-z0-9_-]); not randomUUID, which needs HTTPS. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const pending = new Map<string, string>();

/**
 * Runs `send` with the idempotency key of this action. `action` names what the person did,
 * body included (the same key with another body is refused as IDEMPOTENCY_KEY_REUSED): a
 * retry of the same action reuses the key until one attempt succeeds; then it is dropped,
 * so the next action of the same shape (a second quiz attempt) gets a new one.
 */
export async function once<T>(action: string, send: (key: string) => Promise<T>): Promise<T> {
  let key = pending.get(action);
  if (!key) pending.set(action, (key = newKey()));
  const result = await send(key);
  pending.delete(action);
  return result;
}

/** The route answers these (typed here: the route's own JSON type is not carried to the client). */
export type ProgressAnswer = z.output<typeof ProgressResponse>;
export type AttemptAnswer = z.output<typeof AttemptResponse>;

/** POST …/progress, once per action: `opened` on arrival, `finished` on "Mark as finished". */
export const recordProgress = (code: string, lessonId: string, state: 'opened' | 'finished') =>
  once(`${state}:${code}:${lessonId}`, async (key) =>
    (await call(
      learning.me.enrolments[':code'].progress.$post({ param: { code }, json: { lessonId, state }, header: { 'idempotency-key': key } }),
    )) as ProgressAnswer,
  );
