/**
 * Errors are values with codes. Every expected failure is an AppError whose code is listed
 * here with its HTTP status and its message in both languages; the HTTP edge renders it as
 * `{ "error": { "code", "message", "details" } }` in the caller's language.
 */
import type { Bilingual, Lang } from './language';

export const errorCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    ms: 'Permintaan tidak sah. Sila semak medan yang dinyatakan.',
    en: 'The request is not valid. Please check the fields listed.',
  },
  MALFORMED_JSON: {
    status: 400,
    ms: 'Kandungan permintaan bukan JSON yang sah.',
    en: 'The request body is not valid JSON.',
  },
  INVALID_CURSOR: {
    status: 400,
    ms: 'Penanda halaman tidak sah atau sudah lapuk. Sila mula semula dari halaman pertama.',
    en: 'The page cursor is invalid or stale. Please start again from the first page.',
  },
  UNAUTHENTICATED: {
    status: 401,
    ms: 'Sila log masuk semula: sesi anda tidak sah atau telah tamat.',
    en: 'Please sign in again: your session is invalid or has expired.',
  },
  FORBIDDEN: {
    status: 403,
    ms: 'Anda tidak mempunyai kebenaran untuk tindakan ini.',
    en: 'You do not have permission for this action.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    ms: 'Alamat yang diminta tidak wujud.',
    en: 'The requested address does not exist.',
  },
  PROGRAMME_NOT_FOUND: {
    status: 404,
    ms: 'Program tidak dijumpai.',
    en: 'Programme not found.',
  },
  COURSE_NOT_FOUND: {
    status: 404,
    ms: 'Kursus tidak dijumpai.',
    en: 'Course not found.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    ms: 'Kandungan permintaan terlalu besar.',
    en: 'The request body is too large.',
  },
  RATE_LIMITED: {
    status: 429,
    ms: 'Terlalu banyak permintaan. Sila cuba sebentar lagi.',
    en: 'Too many requests. Please try again shortly.',
  },
  SERVICE_BUSY: {
    status: 503,
    ms: 'Perkhidmatan sibuk buat sementara. Sila cuba sebentar lagi.',
    en: 'The service is temporarily busy. Please try again shortly.',
  },
  INTERNAL: {
    status: 500,
    ms: 'Ralat dalaman berlaku. Sila cuba lagi; jika berulang, hubungi meja bantuan dengan ID permintaan.',
    en: 'An internal error occurred. Please try again; if it persists, contact the helpdesk with the request ID.',
  },
} as const satisfies Record<string, Bilingual & { status: number }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** One problem with one field of a request, already in the caller's language. */
export type FieldIssue = { field: string; message: string };

export type ErrorDetails = { issues?: FieldIssue[]; requestId?: string } & Record<string, unknown>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetails = {},
  ) {
    super(code);
  }
  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return errorCatalogue[code][lang];
}

/** The wire shape of every error response. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details: ErrorDetails } };

export function errorBody(code: ErrorCode, lang: Lang, details: ErrorDetails = {}): ErrorBody {
  return { error: { code, message: errorMessage(code, lang), details } };
}
