/**
 * The demo accounts of the local OpenID provider (content/demo/accounts.yaml): one person per
 * role, LOCAL ONLY. Checked strictly when the provider starts, so a typo in the file fails
 * `npm start` with the file and field named instead of a login that silently misbehaves.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { programmeIds, roles, type Assignment } from '../../core/access';
import { parseMyKad } from '../../core/mykad';
import { parsePhone } from '../../core/phone';

/** Place-of-birth codes of Negeri Sembilan (JPN): every demo person is born in the state. */
const NEGERI_SEMBILAN_BIRTHPLACE_CODES = new Set(['05', '31', '59']);

export const AccountKind = z.enum(['civil-servant', 'teacher', 'participant', 'staff']);
export type AccountKind = z.infer<typeof AccountKind>;

const DemoAssignment = z
  .object({
    role: z.enum(roles),
    org: z.string().min(1),
    programme: z.enum(programmeIds).optional(),
  })
  .strict()
  .refine((a) => (a.role === 'programme-admin') === (a.programme !== undefined), {
    message: 'a programme-admin assignment names its programme ("3.1", "7.1" or "7.2"); other roles do not',
    path: ['programme'],
  });

export const DemoAccount = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, "." and "-"'),
    password: z.string().min(1),
    /** The OIDC subject: stable, the user id the API sees. */
    sub: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"'),
    name: z.string().min(1),
    sex: z.enum(['male', 'female']),
    email: z.email().optional(),
    mykad: z.string(),
    phone: z.string(),
    kind: AccountKind,
    /** What the sign-in page shows beside the name. */
    role: z.object({ ms: z.string().min(1), en: z.string().min(1) }).strict(),
    assignments: z.array(DemoAssignment).min(1),
  })
  .strict()
  .superRefine((account, ctx) => {
    const ic = parseMyKad(account.mykad);
    if (!ic.ok || ic.value !== account.mykad) {
      ctx.addIssue({ code: 'custom', path: ['mykad'], message: 'a MyKad number is 12 digits YYMMDDPB###G with a real date, written without dashes' });
    } else {
      if (!NEGERI_SEMBILAN_BIRTHPLACE_CODES.has(account.mykad.slice(6, 8))) {
        ctx.addIssue({ code: 'custom', path: ['mykad'], message: 'the place-of-birth code of a demo person is a Negeri Sembilan one (05, 31 or 59)' });
      }
      if (ic.sex !== account.sex) {
        ctx.addIssue({ code: 'custom', path: ['mykad'], message: `the last digit says ${ic.sex} (odd = male, even = female) but sex is ${account.sex}` });
      }
    }
    const phone = parsePhone(account.phone);
    if (!phone.ok || phone.kind !== 'mobile' || phone.e164 !== account.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'a Malaysian mobile number in E.164, e.g. +60123456789' });
    }
  });
export type DemoAccount = z.infer<typeof DemoAccount>;

const AccountsFile = z
  .object({ accounts: z.array(DemoAccount).min(1) })
  .strict()
  .superRefine(({ accounts }, ctx) => {
    for (const key of ['username', 'sub'] as const) {
      const seen = new Set<string>();
      accounts.forEach((a, i) => {
        if (seen.has(a[key])) ctx.addIssue({ code: 'custom', path: ['accounts', i, key], message: `duplicate ${key} "${a[key]}"` });
        seen.add(a[key]);
      });
    }
  });

export class DemoAccountsError extends Error {
  override name = 'DemoAccountsError';
}

export type ParseOptions = {
  /** Known organisation unit ids; when given, every assignment's `org` must be one of them. */
  orgIds?: Iterable<string>;
  /** Named in error messages. */
  source?: string;
};

/** Parses and checks the YAML text of an accounts file; throws one error listing every problem. */
export function parseDemoAccounts(text: string, options: ParseOptions = {}): DemoAccount[] {
  const source = options.source ?? 'accounts.yaml';
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    throw new DemoAccountsError(`${source}: invalid YAML: ${doc.errors.map((e) => e.message.split('\n')[0]).join('; ')}`);
  }
  const result = AccountsFile.safeParse(doc.toJS());
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '-'}: ${i.message}`);
  if (result.success && options.orgIds) {
    const known = new Set(options.orgIds);
    result.data.accounts.forEach((a, i) =>
      a.assignments.forEach((as, j) => {
        if (!known.has(as.org)) problems.push(`accounts.${i}.assignments.${j}.org: unknown organisation unit "${as.org}" (not in content/org/)`);
      }),
    );
  }
  if (!result.success || problems.length) {
    throw new DemoAccountsError(`${source} is not valid:\n  ${problems.join('\n  ')}`);
  }
  return result.data.accounts;
}

/** Reads and checks an accounts file (content/demo/accounts.yaml). */
export function loadDemoAccounts(file: string, options: Omit<ParseOptions, 'source'> = {}): DemoAccount[] {
  return parseDemoAccounts(readFileSync(file, 'utf8'), { ...options, source: file });
}

/** The ids of every organisation unit in content/org/*.yaml (to check assignments against). */
export function orgUnitIds(orgDir: string): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(orgDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const data = parseDocument(readFileSync(join(orgDir, file), 'utf8')).toJS() as { units?: { id?: unknown }[] } | null;
    for (const unit of data?.units ?? []) if (typeof unit.id === 'string') ids.add(unit.id);
  }
  return ids;
}

/** The account's assignments in the shared kernel's shape (for seeding user records). */
export function assignmentsOf(account: DemoAccount): Assignment[] {
  return account.assignments.map((a) => ({ role: a.role, orgId: a.org, ...(a.programme ? { programme: a.programme } : {}) }));
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The account whose username and password both match, or undefined. The password comparison
 * takes the same time whatever the input (and whether or not the username exists), so timing
 * reveals neither.
 */
export function checkCredentials(accounts: readonly DemoAccount[], username: string, password: string): DemoAccount | undefined {
  const wanted = username.trim().toLowerCase();
  const account = accounts.find((a) => a.username === wanted);
  const matches = timingSafeEqual(digest(password), digest(account?.password ?? `\u0000no-such-account\u0000${password}`));
  return account && matches ? account : undefined;
}
