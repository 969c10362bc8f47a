/**
 * The typed catalogue client. Paths, query parameters and response bodies all come from
 * the API's own route types (`CatalogueApi`): a renamed field breaks `npm run web:check`,
 * not a user's page. Nothing from functions/ is bundled: the imports are type-only.
 */
import type { ClientResponse } from 'hono/client';
import type { CatalogueApi } from '$functions/catalogue/routes';
import type { ErrorBody, ErrorCode, FieldIssue } from '$functions/core/errors';
import { hc } from './hc';
import { locale } from './locale.svelte';

/** Same origin: Vite's proxy locally, CloudFront's /api/* behaviour in AWS. */
export const catalogue = hc<CatalogueApi>('/api/catalogue', {
  // Error messages come back in the UI language.
  headers: () => ({ 'Accept-Language': locale.lang }),
});

/** Codes of the API's error catalogue, plus the two failures that never reach it. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED';

/** A failed API call, with the API's code and its message in the UI language. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * Awaits a client call and returns its JSON body, or throws an ApiError: the API's own
 * code and message for a 4xx/5xx, `NETWORK` when the server could not be reached and
 * `UNEXPECTED` for an answer that is not the API's (e.g. a proxy's HTML error page).
 */
export async function call<T>(request: Promise<ClientResponse<T, number, 'json'>>): Promise<T> {
  let response: ClientResponse<T, number, 'json'>;
  try {
    response = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', locale.t.networkError);
  }
  if (response.ok) return (await response.json()) as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) {
    throw new ApiError(response.status, body.error.code, body.error.message, body.error.details.issues ?? []);
  }
  throw new ApiError(response.status, 'UNEXPECTED', locale.t.errorBody);
}

type Programmes = Awaited<ReturnType<typeof loadProgrammes>>;
type Categories = Awaited<ReturnType<typeof loadCategories>>;

const loadProgrammes = async () => (await call(catalogue.programmes.$get())).programmes;
const loadCategories = async () => (await call(catalogue.categories.$get())).categories;

let programmesOnce: Promise<Programmes> | undefined;
let categoriesOnce: Promise<Categories> | undefined;

/**
 * Programmes and categories change only when content is published, and carry both
 * languages: fetched once per visit, and again only after a failure.
 */
export function programmes(): Promise<Programmes> {
  programmesOnce ??= loadProgrammes().catch((err: unknown) => {
    programmesOnce = undefined;
    throw err;
  });
  return programmesOnce;
}

export function categories(): Promise<Categories> {
  categoriesOnce ??= loadCategories().catch((err: unknown) => {
    categoriesOnce = undefined;
    throw err;
  });
  return categoriesOnce;
}
