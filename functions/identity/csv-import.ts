/**
 * Bulk registration from CSV: parsing and every row check, free of storage and HTTP.
 *
 * The file must be UTF-8 (a BOM is fine), with a header row naming the columns in Malay or
 * English; at most IMPORT_MAX_ROWS rows. Each problem names its line (the header is line 1),
 * its column as written in the file, and the reason in the caller's language. Text cells may
 * not start like a spreadsheet formula. The same MyKad (or email) twice in one file is an error.
 *
 * Civil servants and teachers get a sign-in account with their profile (login-accounts.ts), so
 * their official email is required; their service details (pay scale, grade, and for teachers
 * the education level) are required as on the profile form.
 */
import { parse } from 'csv-parse/sync';
import * as z from 'zod/mini';
import { en, ms } from 'zod/locales';
import { AppError, fieldMessages, type FieldProblem } from '../core/errors';
import type { Lang } from '../core/language';
import { ProfileInput } from './api';
import type { OrgTree } from './orgs';
import { checkProfile, type CheckedProfile } from './profile';

export const IMPORT_MAX_ROWS = 2000;
/** People per transaction: 3 items each (profile, MyKad and email keys) + 2 for the audit event. */
export const IMPORT_BATCH = 30;

/** Kinds of person who sign in with an account of their own, created by the import. */
export const ACCOUNT_KINDS: readonly string[] = ['civil-servant', 'teacher'];

/** Accepted header names per field, Malay first. */
const headerNames = {
  name: ['nama', 'name'],
  ic: ['mykad', 'no_kp', 'ic'],
  phone: ['telefon', 'no_telefon', 'phone'],
  email: ['emel', 'e-mel', 'email'],
  kind: ['jenis', 'kind'],
  orgId: ['unit', 'org', 'orgid'],
  department: ['jabatan', 'bahagian', 'department'],
  payScale: ['skim_gaji', 'skim', 'pay_scale', 'payscale'],
  grade: ['gred', 'grade'],
  educationLevel: ['tahap', 'tahap_pendidikan', 'education_level', 'educationlevel'],
} as const;
type Field = keyof typeof headerNames;
const REQUIRED: Field[] = ['name', 'ic'];
const TEXT_FIELDS: Field[] = ['name', 'email', 'orgId', 'kind', 'department', 'payScale', 'grade', 'educationLevel'];

export type ImportRow = { line: number; cells: Partial<Record<Field, string>> };
export type RowProblem = { line: number; column: string; message: string };
export type CheckedRow = { line: number; fields: Extract<CheckedProfile, { ok: true }>['fields'] };

/** Reads the file into rows, or refuses the whole file (encoding, columns, size). */
export function readImportFile(bytes: Uint8Array, lang: Lang): { rows: ImportRow[]; headers: Record<Field, string | undefined> } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('CSV_UNREADABLE');
  }
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: false, max_record_size: 4096 }) as string[][];
  } catch (err) {
    throw new AppError('CSV_UNREADABLE', { line: (err as { lines?: number }).lines });
  }
  const [header = [], ...data] = records;
  const names = header.map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  const headers = Object.fromEntries(
    (Object.keys(headerNames) as Field[]).map((field) => {
      const at = names.findIndex((n) => (headerNames[field] as readonly string[]).includes(n));
      return [field, at >= 0 ? header[at] : undefined];
    }),
  ) as Record<Field, string | undefined>;
  const missing = REQUIRED.filter((f) => !headers[f]);
  if (missing.length) {
    throw new AppError('CSV_COLUMNS', { missing: missing.map((f) => headerNames[f][lang === 'ms' ? 0 : headerNames[f].length - 1]) });
  }
  if (data.length > IMPORT_MAX_ROWS) throw new AppError('CSV_TOO_MANY_ROWS', { rows: data.length, max: IMPORT_MAX_ROWS });
  const index = Object.fromEntries((Object.keys(headerNames) as Field[]).map((f) => [f, headers[f] ? header.indexOf(headers[f]!) : -1]));
  const rows = data.map((record, i) => ({
    line: i + 2,
    cells: Object.fromEntries(
      (Object.keys(headerNames) as Field[]).filter((f) => index[f]! >= 0 && record[index[f]!] !== '').map((f) => [f, record[index[f]!]]),
    ) as ImportRow['cells'],
  }));
  return { rows, headers };
}

const kindAliases: Record<string, string> = {
  peserta: 'participant', participant: 'participant',
  'penjawat-awam': 'civil-servant', 'penjawat_awam': 'civil-servant', 'penjawat awam': 'civil-servant', 'civil-servant': 'civil-servant',
  guru: 'teacher', pendidik: 'teacher', teacher: 'teacher',
};

const educationAliases: Record<string, string> = {
  rendah: 'primary', primary: 'primary', menengah: 'secondary', secondary: 'secondary', tinggi: 'tertiary', tertiari: 'tertiary', tertiary: 'tertiary',
};

/** Checks every row; returns the good ones and every problem found (all rows, not the first bad one). */
export function checkImportRows(
  rows: ImportRow[],
  headers: Record<Field, string | undefined>,
  context: { defaultOrg: string; tree: OrgTree; today: Date; lang: Lang },
): { valid: CheckedRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const valid: CheckedRow[] = [];
  const seen = new Map<string, number>();
  const seenEmail = new Set<string>();
  const locale = context.lang === 'ms' ? ms() : en();
  // Problems name the column as the file wrote it (or its Malay name when the file lacks it).
  const column = (field: string) => headers[field as Field] ?? headerNames[field as Field]?.[0] ?? field;
  const say = (line: number, field: string, problem: FieldProblem) => problems.push({ line, column: column(field), message: fieldMessages[problem][context.lang] });

  for (const { line, cells } of rows) {
    const before = problems.length;
    // The same MyKad twice is a mistake whichever copy is otherwise valid: flag the later one.
    const icKey = cells.ic?.replace(/[\s-]/g, '');
    if (icKey) {
      if (seen.has(icKey)) say(line, 'ic', 'DUPLICATE_IN_FILE');
      else seen.set(icKey, line);
    }
    if (!cells.name) say(line, 'name', 'REQUIRED');
    if (!cells.ic) say(line, 'ic', 'REQUIRED');
    const email = cells.email?.toLowerCase();
    if (email) {
      if (seenEmail.has(email)) say(line, 'email', 'DUPLICATE_EMAIL_IN_FILE');
      else seenEmail.add(email);
    }
    for (const field of TEXT_FIELDS) {
      if (cells[field] && /^[=+\-@\t\r]/.test(cells[field]!)) say(line, field, 'FORMULA_NOT_ALLOWED');
    }
    const kind = kindAliases[(cells.kind ?? 'peserta').toLowerCase()];
    if (!kind) say(line, 'kind', 'INVALID_VALUE');
    else if (ACCOUNT_KINDS.includes(kind) && !cells.email) say(line, 'email', 'EMAIL_REQUIRED_FOR_LOGIN');
    const education = cells.educationLevel ? educationAliases[cells.educationLevel.toLowerCase()] : undefined;
    if (cells.educationLevel && !education) say(line, 'educationLevel', 'INVALID_VALUE');
    if (problems.length > before) continue;

    // Service details belong to civil servants and teachers only; a participant's are ignored.
    const service = kind === 'participant' ? {} : {
      ...(cells.payScale ? { payScale: cells.payScale.toUpperCase() } : {}),
      ...(cells.grade ? { grade: cells.grade.toUpperCase().replace(/\s+/g, '') } : {}),
      ...(kind === 'civil-servant' && cells.department ? { department: cells.department } : {}),
      ...(kind === 'teacher' && education ? { educationLevel: education } : {}),
    };
    const input = {
      kind, name: cells.name, ic: cells.ic, orgId: cells.orgId ?? context.defaultOrg,
      ...(cells.phone ? { phone: cells.phone } : {}), ...(email ? { email } : {}), ...service,
    };
    const parsed = z.safeParse(ProfileInput, input, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        problems.push({ line, column: column(field), message: String(locale.localeError(issue as never)) });
      }
      continue;
    }
    const checked = checkProfile({ ...parsed.data, ic: parsed.data.ic ?? '' }, context.tree, context.today);
    if (!checked.ok) {
      for (const p of checked.problems) say(line, p.field, p.problem);
      continue;
    }
    valid.push({ line, fields: checked.fields });
  }
  return { valid, problems };
}
