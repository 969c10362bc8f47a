/**
 * Accounts created by imports (LOCAL ONLY): what Cognito's AdminCreateUser does in AWS, for the
 * local OpenID provider. A small JSON file under .data (in memory when no file is given), one
 * account per email, so an import retried after a partial failure gets the same account back.
 * Imported people sign in with their email and the local demo password, `demo`.
 */
import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The password of every account of the local provider (demo and imported alike). */
export const LOCAL_PASSWORD = 'demo';

export type ImportedAccount = { sub: string; email: string; name: string; createdAt: string };

export class ImportedAccounts {
  readonly #byEmail = new Map<string, ImportedAccount>();
  readonly #bySub = new Map<string, ImportedAccount>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { accounts?: ImportedAccount[] };
      for (const a of saved.accounts ?? []) this.#remember(a);
    }
  }

  #remember(a: ImportedAccount) {
    this.#byEmail.set(a.email, a);
    this.#bySub.set(a.sub, a);
  }

  /** The account of this email, created if there is none. */
  ensure(email: string, name: string, now = new Date()): { account: ImportedAccount; created: boolean } {
    const key = email.trim().toLowerCase();
    const found = this.#byEmail.get(key);
    if (found) return { account: found, created: false };
    const account = { sub: `imp-${randomUUID()}`, email: key, name, createdAt: now.toISOString() };
    this.#remember(account);
    this.#save();
    return { account, created: true };
  }

  bySub(sub: string): ImportedAccount | undefined {
    return this.#bySub.get(sub);
  }

  /** The account whose email and password match; the comparison takes the same time either way. */
  check(email: string, password: string): ImportedAccount | undefined {
    const account = this.#byEmail.get(email.trim().toLowerCase());
    const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
    const matches = timingSafeEqual(digest(password), digest(LOCAL_PASSWORD));
    return account && matches ? account : undefined;
  }

  /** Written whole to a temporary file, then renamed: a crash never leaves half a file. */
  #save() {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ accounts: [...this.#byEmail.values()] }, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
