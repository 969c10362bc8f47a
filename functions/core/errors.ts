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
  ENROLMENT_NOT_FOUND: {
    status: 404,
    ms: 'Anda tidak mendaftar dalam kursus ini.',
    en: 'You are not enrolled in this course.',
  },
  LESSON_NOT_FOUND: {
    status: 404,
    ms: 'Pelajaran tidak dijumpai dalam versi kursus anda.',
    en: 'Lesson not found in your version of the course.',
  },
  NOT_ELIGIBLE: {
    status: 409,
    ms: 'Kursus ini bukan untuk kategori pengguna anda.',
    en: 'This course is not open to your kind of user.',
  },
  PREREQUISITES_MISSING: {
    status: 409,
    ms: 'Lengkapkan kursus prasyarat dahulu.',
    en: 'Complete the prerequisite courses first.',
  },
  COURSE_RETIRED: {
    status: 409,
    ms: 'Kursus ini tidak lagi menerima pendaftaran.',
    en: 'This course no longer takes enrolments.',
  },
  ENROLMENT_NOT_ACTIVE: {
    status: 409,
    ms: 'Pendaftaran anda belum aktif (menunggu kelulusan atau dalam senarai menunggu) atau telah ditarik balik.',
    en: 'Your enrolment is not active (awaiting approval or on the waiting list) or was withdrawn.',
  },
  ALREADY_COMPLETED: {
    status: 409,
    ms: 'Anda telah melengkapkan kursus ini.',
    en: 'You have already completed this course.',
  },
  QUIZ_ATTEMPTS_EXHAUSTED: {
    status: 409,
    ms: 'Anda telah menggunakan semua cubaan kuiz. Hubungi penyelaras anda.',
    en: 'You have used all quiz attempts. Contact your coordinator.',
  },
  QUIZ_ALREADY_PASSED: {
    status: 409,
    ms: 'Anda sudah lulus kuiz ini.',
    en: 'You have already passed this quiz.',
  },
  PROFILE_NOT_VERIFIED: {
    status: 409,
    ms: 'Profil pelajar ini belum disahkan oleh penyelaras. Sahkan profil dahulu sebelum meluluskan kursus bersubsidi.',
    en: "This learner's profile is not verified by a coordinator yet. Verify the profile before approving a subsidised course.",
  },
  NOT_PENDING: {
    status: 409,
    ms: 'Pendaftaran ini tidak menunggu kelulusan.',
    en: 'This enrolment is not awaiting approval.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    ms: 'Kunci idempotensi ini telah digunakan untuk permintaan lain.',
    en: 'This idempotency key was already used for a different request.',
  },
  CERTIFICATE_NOT_FOUND: {
    status: 404,
    ms: 'Tiada sijil dengan nombor ini. Semak nombor pada sijil (contoh NS-2027-7K4M-QX9D) dan cuba lagi.',
    en: 'No certificate has this number. Check the number on the certificate (e.g. NS-2027-7K4M-QX9D) and try again.',
  },
  CERTIFICATE_NOT_VALID: {
    status: 409,
    ms: 'Sijil ini telah dibatalkan atau digantikan, jadi tindakan ini tidak lagi boleh dibuat.',
    en: 'This certificate has been revoked or replaced, so this action is no longer possible.',
  },
  CERTIFICATE_NAME_UNCHANGED: {
    status: 409,
    ms: 'Nama pada profil sama dengan nama pada sijil. Betulkan nama pada profil dahulu, kemudian keluarkan semula.',
    en: 'The name on the profile is the same as on the certificate. Correct the profile name first, then reissue.',
  },
  CERTIFICATE_EXPORT_TOO_LARGE: {
    status: 400,
    ms: 'Terlalu banyak sijil untuk satu fail ZIP. Pilih unit yang lebih kecil.',
    en: 'Too many certificates for one ZIP file. Choose a smaller unit.',
  },
  EXPORT_TOO_LARGE: {
    status: 400,
    ms: 'Terlalu ramai orang untuk satu fail. Pilih unit yang lebih kecil.',
    en: 'Too many people for one file. Choose a smaller unit.',
  },
  LOGIN_ACCOUNT_FAILED: {
    status: 503,
    ms: 'Akaun log masuk tidak dapat dibuka sekarang. Kelompok yang disenaraikan telah disimpan; import semula fail yang sama sebentar lagi.',
    en: 'Sign-in accounts cannot be opened right now. The batches listed were saved; import the same file again shortly.',
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
  EMAIL_REQUIRED_FOR_LOGIN: { ms: 'E-mel rasmi wajib bagi penjawat awam dan guru: akaun log masuk mereka dibuka dengan e-mel ini.', en: 'An official email is required for civil servants and teachers: their sign-in account is opened with it.' },
  DUPLICATE_EMAIL_IN_FILE: { ms: 'E-mel ini sudah ada pada baris lain dalam fail yang sama.', en: 'This email is already on another row of the same file.' },
  EMAIL_ELSEWHERE: { ms: 'E-mel ini sudah digunakan oleh pengguna lain.', en: 'This email is already used by another user.' },
  ACCOUNT_KIND_CHANGE: { ms: 'Peserta sedia ada tidak boleh ditukar kepada penjawat awam atau guru melalui import: mereka tiada akaun log masuk. Hubungi pentadbir platform.', en: 'An existing participant cannot become a civil servant or teacher by import: they have no sign-in account. Contact the platform administrator.' },
  ORG_OUTSIDE_IMPORT: { ms: 'Unit ini bukan di bawah unit import.', en: 'This unit is not under the unit being imported into.' },
  INVALID_VALUE: { ms: 'Nilai tidak sah.', en: 'Invalid value.' },
  QUESTION_UNKNOWN: { ms: 'Soalan ini tiada dalam kuiz.', en: 'This question is not in the quiz.' },
  OPTION_UNKNOWN: { ms: 'Pilihan jawapan ini tiada untuk soalan ini.', en: 'This answer option does not exist for this question.' },
  ONE_OPTION_ONLY: { ms: 'Pilih satu jawapan sahaja untuk soalan ini.', en: 'Choose one answer only for this question.' },
  UNANSWERED: { ms: 'Soalan ini belum dijawab.', en: 'This question is not answered.' },
  ANSWERED_TWICE: { ms: 'Soalan ini dijawab lebih daripada sekali.', en: 'This question is answered more than once.' },
  REASON_REQUIRED: { ms: 'Nyatakan sebab penolakan.', en: 'Give the reason for rejecting.' },
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
