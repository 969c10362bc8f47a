/**
 * A platform app on a fresh table with the real content (organisation tree included), a
 * real token issuer, and helpers to create people and roles through the same store the app
 * uses (so each write is audited like any other).
 */
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Assignment } from '../../functions/core/access';
import { loadContent } from '../../functions/catalogue/content/load';
import { syncContent } from '../../functions/catalogue/content/sync';
import { orgRolesPk, roleSk, userPk } from '../../functions/identity/keys';
import { identityDeps } from '../../functions/identity/app';
import type { ProfileRecord } from '../../functions/identity/profile';
import { createPlatformApp } from '../../functions/platform';
import { startTestIssuer, type TestIssuer } from './issuer';
import { freshStorage, type TestStorage } from './storage';

const repoRoot = join(import.meta.dirname, '../..');
let icCounter = 1000;

/** A well-formed, unique MyKad for tests: 1990-01-01, Negeri Sembilan code 05. */
export function nextIc(): string {
  icCounter++;
  return `900101-05-${String(icCounter).padStart(4, '0')}`;
}

export type IdentityFixture = {
  storage: TestStorage;
  issuer: TestIssuer;
  app: ReturnType<typeof createPlatformApp>;
  deps: ReturnType<typeof identityDeps>;
  /** Creates a verified profile in `orgId` with the given roles. */
  person(userId: string, orgId: string, assignments?: Assignment[], extra?: Partial<ProfileRecord>): Promise<ProfileRecord>;
  request(path: string, init?: { method?: string; as?: string; body?: unknown; lang?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
};

export async function identityFixture(label: string): Promise<IdentityFixture> {
  const issuer = await startTestIssuer();
  const storage = await freshStorage(label, issuer);
  const { content } = loadContent(join(repoRoot, 'content'));
  await syncContent(content, storage.clients, storage.config);
  const app = createPlatformApp(storage.config, storage.clients);
  const deps = identityDeps(storage.config, storage.clients);

  return {
    storage, issuer, app, deps,
    async person(userId, orgId, assignments = [], extra = {}) {
      const now = new Date().toISOString();
      const record: ProfileRecord = {
        userId, kind: 'civil-servant', name: `Pegawai ${userId}`, ic: nextIc().replace(/-/g, ''), orgId,
        email: `${userId}@latih.test`, payScale: 'SSPA', grade: '9', status: 'verified',
        createdAt: now, updatedAt: now, version: 1, ...extra,
      };
      await deps.store.saveProfile(record, undefined, { userId: 'fixture', role: 'system' }, { action: 'profile.create', orgId, summary: {}, requestId: 'fixture' });
      for (const a of assignments) {
        await storage.clients.ddb.send(new PutCommand({
          TableName: storage.config.tableName,
          Item: { pk: userPk(userId), sk: roleSk(a.role, a.orgId, a.programme), type: 'role', ...a, userId, gsi1pk: orgRolesPk(a.orgId), gsi1sk: `${a.role}#${userId}` },
        }));
      }
      return record;
    },
    async request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.as) headers.Authorization = `Bearer ${await issuer.tokenFor(init.as)}`;
      if (init.lang) headers['Accept-Language'] = init.lang;
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await app.request(path, {
        method: init.method ?? 'GET', headers,
        ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
      });
      const text = await res.text();
      let body: unknown = text;
      try { body = JSON.parse(text); } catch { /* not JSON */ }
      return { status: res.status, body, headers: res.headers };
    },
    stop: () => issuer.stop(),
  };
}
