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
  ORG_NOT_FOUND: {
    status: 404,
    ms: 'Unit organisasi tidak dijumpai.',
    en: 'Organisation unit not found.',
  },
  USER_NOT_FOUND: {
    status: 404,
    ms: 'Pengguna tidak dijumpai.',
    en: 'User not found.',
  },
  ROLE_NOT_FOUND: {
    status: 404,
    ms: 'Peranan itu tiada pada pengguna ini.',
    en: 'The user does not hold that role.',
  },
  PROFILE_REQUIRED: {
    status: 409,
    ms: 'Sila lengkapkan profil anda dahulu.',
    en: 'Please complete your profile first.',
  },
  IC_TAKEN: {
    status: 409,
    ms: 'Nombor MyKad ini sudah didaftarkan oleh pengguna lain. Hubungi penyelaras anda jika ini satu kesilapan.',
    en: 'This MyKad number is already registered to another user. Contact your coordinator if this is a mistake.',
  },
  EMAIL_TAKEN: {
    status: 409,
    ms: 'Alamat e-mel ini sudah digunakan oleh pengguna lain.',
    en: 'This email address is already used by another user.',
  },
  EDIT_CONFLICT: {
    status: 409,
    ms: 'Rekod ini telah dikemas kini oleh orang lain. Muat semula dan cuba lagi.',
    en: 'This record was updated by someone else. Reload and try again.',
  },
  ALREADY_VERIFIED: {
    status: 409,
    ms: 'Profil ini sudah disahkan.',
    en: 'This profile is already verified.',
  },
  ROLE_NOT_ASSIGNABLE: {
    status: 403,
    ms: 'Anda tidak boleh memberikan peranan ini di unit tersebut.',
    en: 'You may not grant this role at that unit.',
  },
  CSV_UNREADABLE: {
    status: 400,
    ms: 'Fail CSV tidak dapat dibaca. Simpan sebagai "CSV UTF-8" dan cuba lagi.',
    en: 'The CSV file cannot be read. Save it as "CSV UTF-8" and try again.',
  },
  CSV_COLUMNS: {
    status: 400,
    ms: 'Lajur wajib tiada dalam baris tajuk fail CSV.',
    en: 'Required columns are missing from the CSV header row.',
  },
  CSV_TOO_MANY_ROWS: {
    status: 400,
    ms: 'Fail CSV terlalu banyak baris. Pecahkan kepada fail yang lebih kecil.',
    en: 'The CSV file has too many rows. Split it into smaller files.',
  },
  IMPORT_HAS_ERRORS: {
    status: 400,
    ms: 'Tiada apa-apa diimport: betulkan baris yang disenaraikan dan cuba lagi.',
    en: 'Nothing was imported: fix the rows listed and try again.',
  },
  IMPORT_INTERRUPTED: {
    status: 409,
    ms: 'Import terhenti: kelompok yang disenaraikan telah disimpan, yang selebihnya tidak. Semak dan import semula fail yang sama.',
    en: 'Import stopped: the batches listed were saved, the rest were not. Check and import the same file again.',
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

/** Messages for domain checks of one field, beyond what the schema checks. */
export const fieldMessages = {
  IC_FORMAT: { ms: 'Nombor MyKad mesti 12 digit, contohnya 850412-05-5123.', en: 'A MyKad number has 12 digits, e.g. 850412-05-5123.' },
  IC_DATE: { ms: 'Enam digit pertama MyKad mesti tarikh lahir yang sah (YYMMDD).', en: 'The first six digits of a MyKad must be a real date of birth (YYMMDD).' },
  PHONE_FORMAT: { ms: 'Nombor telefon Malaysia tidak sah, contohnya 012-345 6789.', en: 'Not a valid Malaysian phone number, e.g. 012-345 6789.' },
  ORG_UNKNOWN: { ms: 'Unit organisasi tidak wujud.', en: 'No such organisation unit.' },
  ORG_WRONG_KIND: { ms: 'Unit ini tidak sesuai untuk jenis pengguna ini.', en: 'This unit does not fit this kind of user.' },
  REQUIRED: { ms: 'Medan ini wajib diisi.', en: 'This field is required.' },
  FORMULA_NOT_ALLOWED: { ms: 'Nilai tidak boleh bermula dengan =, +, - atau @ (formula hamparan).', en: 'A value may not start with =, +, - or @ (spreadsheet formula).' },
  DUPLICATE_IN_FILE: { ms: 'MyKad ini sudah ada pada baris lain dalam fail yang sama.', en: 'This MyKad is already on another row of the same file.' },
  IC_ELSEWHERE: { ms: 'MyKad ini didaftarkan di luar unit anda. Hubungi pentadbir platform.', en: 'This MyKad is registered outside your units. Contact the platform administrator.' },
  KIND_NOT_IMPORTABLE: { ms: 'Buat masa ini hanya peserta boleh diimport; penjawat awam dan guru mendaftar melalui log masuk mereka.', en: 'For now only participants can be imported; civil servants and teachers register through their own login.' },
  ORG_OUTSIDE_IMPORT: { ms: 'Unit ini bukan di bawah unit import.', en: 'This unit is not under the unit being imported into.' },
  INVALID_VALUE: { ms: 'Nilai tidak sah.', en: 'Invalid value.' },
  PROGRAMME_REQUIRED: { ms: 'Pentadbir program mesti dinamakan programnya.', en: 'A programme administrator needs a programme.' },
} as const satisfies Record<string, Bilingual>;
export type FieldProblem = keyof typeof fieldMessages;

/** A 400 naming each field with a domain problem, in the caller's language. */
export function fieldErrors(problems: { field: string; problem: FieldProblem }[], lang: Lang): AppError {
  return new AppError('VALIDATION_FAILED', { issues: problems.map((p) => ({ field: p.field, message: fieldMessages[p.problem][lang] })) });
}

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
