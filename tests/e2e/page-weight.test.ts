/**
 * The page budget, in one place: every page's first load (empty cache) downloads at most
 * 50,000 bytes of JavaScript and CSS as sent over the wire (gzip bodies, headers apart), in
 * BM and in EN, signed out (catalogue, certificate verification) and signed in (learning,
 * coordinator, reports, profile, users, audit, certificates). Measured in Chromium at 360 px
 * against the built web app served as CloudFront serves it (compressed), over the real API
 * and the local OpenID provider. How and why: docs/benchmarks.md, web/README.md "Page weight".
 *
 * Prints a table of every page; a page over budget lists its files, heaviest first. The first
 * screen of each lands in test-results/screenshots/weight-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCertsPk } from '../../functions/certificates/keys';
import { loadContent } from '../../functions/catalogue/content/load';
import { repoRoot, type Platform } from '../../functions/local/platform';
import { launchBrowser } from '../support/browser';
import { startE2ePlatform } from '../support/e2e-platform';

/** The budget: JS + CSS bodies of a first load, gzip, in bytes. */
const BUDGET_BYTES = 50_000;
/**
 * The signed-in pages still over the budget, each held at its weight of 4 December 2026 plus
 * ~500 bytes, so it can only shrink (docs/benchmarks.md: what each would take to reach 50 kB).
 * Lower these as pages are trimmed, never raise them; a page that meets the budget leaves
 * this list and is checked against the budget itself, like the lesson player.
 */
const SIGNED_IN_CEILING = (path: string): number =>
  path === '/sijil' ? 51_000 // 50,450
  : path === '/kursus' ? 51_100 // signed in (the account button and tokens): 50,555
  : path === '/pentadbiran/pengguna' ? 53_500 // 53,016
  : path.startsWith('/pentadbiran/pengguna/') || path === '/audit' ? 56_300 // 55,794, 55,769
  : path.startsWith('/laporan/kursus') ? 56_900 // 56,334
  : path === '/profil' ? 59_400 // 58,842
  : /^\/belajar(\/[^/]+(\/kuiz)?)?$/.test(path) ? 60_000 // my learning, a course, the quiz: 59,186–59,485
  : path === '/penyelaras' ? 60_500 // 59,936
  : BUDGET_BYTES; // the lesson player (49,962) and any page not listed
const PHONE = { width: 360, height: 740 };
const screenshots = join(repoRoot, 'test-results', 'screenshots');

/** Demo people (content/demo/accounts.yaml); the learner has completed CS-301 and begun IOT-301. */
const people = {
  learner: { username: 'pelajar-suk', userId: 'demo-learner', name: 'Nurul Aina binti Hassan' },
  coordinator: { username: 'penyelaras-agensi', name: 'Tan Mei Ling' },
  programmeAdmin: { username: 'pentadbir-3-1', name: 'Aminah binti Yusof' },
  auditor: { username: 'juruaudit', name: 'Wong Kah Seng' },
} as const;
type Person = keyof typeof people;

const { content } = loadContent(join(repoRoot, 'content'));
const firstLesson = (code: string) => content.courses.find((c) => c.course.code === code)!.course.modules[0]!.lessons[0]!.id;

let platform: Platform;
let browser: Browser;
let certificate: string;

beforeAll(async () => {
  platform = await startE2ePlatform('weight', 3700, 7500);
  browser = await launchBrowser();
  // The learner's CS-301 certificate, as the demo data issued it: its public verification page.
  const { Items = [] } = await platform.clients.ddb.send(new QueryCommand({
    TableName: platform.config.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': userCertsPk(people.learner.userId) },
  }));
  certificate = Items.find((i) => i.course?.code === 'CS-301')!.number as string;
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** Signs in through our "Log Masuk" and the provider's demo button; returns the tab's sessionStorage. */
async function sessionOf(person: Person): Promise<string> {
  const context = await browser.newContext({ viewport: PHONE, baseURL: platform.url });
  const page: Page = await context.newPage();
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (!(await page.getByRole('button', { name: 'Log Masuk', exact: true }).isVisible())) {
    await page.getByRole('button', { name: 'Buka menu' }).click();
  }
  await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(platform.issuer));
  await page.getByRole('button', { name: `Log masuk sebagai ${people[person].name}` }).click();
  await page.waitForURL((url) => url.href.startsWith(platform.url) && !url.pathname.startsWith('/auth/'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  const stored = (await page.evaluate('JSON.stringify(Object.entries(sessionStorage))')) as string;
  await context.close();
  return stored;
}

type Loaded = { type: string; file: string; bytes: number; encoding: string | null };

/**
 * One first visit (fresh context, empty cache) in a language, signed in when given a session;
 * then, given the person's name, their account menu opened (after the weighing).
 */
async function firstLoad(path: string, lang: 'ms' | 'en', who: string, session?: string, name?: string) {
  const context = await browser.newContext({ viewport: PHONE, baseURL: platform.url });
  if (lang === 'en') await context.addInitScript("localStorage.setItem('latih.lang', 'en')");
  if (session) await context.addInitScript(`for (const [k, v] of ${session}) if (sessionStorage.getItem(k) === null) sessionStorage.setItem(k, v);`);
  const page = await context.newPage();
  const sizes: Promise<Loaded>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    const file = new URL(response.url()).pathname.split('/').pop()!;
    sizes.push(response.request().sizes().then(async (s) => ({ type, file, bytes: s.responseBodySize, encoding: await response.headerValue('content-encoding') })));
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  // Rendered, not an error page in place of the one meant (a session that did not take, say).
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The first screen as loaded, to compare before and after a change to the bundles.
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `weight-${who}-${lang}${path.replace(/\//g, '_')}.png`) });
  const loaded = await Promise.all(sizes);
  if (name) {
    // The account menu loads on its first open (not with the page): it opens, in this language.
    await page.getByRole('button', { name, exact: true }).click();
    await page.getByRole('navigation', { name: lang === 'ms' ? 'Menu akaun' : 'Account menu' }).waitFor();
    await page.screenshot({ path: join(screenshots, `weight-${who}-${lang}${path.replace(/\//g, '_')}-menu.png`) });
  }
  await context.close();
  const sum = (type: string) => loaded.filter((l) => l.type === type).reduce((total, l) => total + l.bytes, 0);
  return { js: sum('script'), css: sum('stylesheet'), loaded };
}

/** Who visits which pages: everyone (no session) or a signed-in person. */
const visits: { who: Person | 'anyone'; paths: () => string[] }[] = [
  { who: 'anyone', paths: () => ['/', '/program', '/kursus', '/kursus/DA-301', '/soalan-lazim', '/dasar-privasi', '/tiada', '/sahkan', `/sahkan/${certificate}`] },
  { who: 'learner', paths: () => ['/belajar', '/belajar/IOT-301', `/belajar/IOT-301/${firstLesson('IOT-301')}`, '/belajar/IOT-301/kuiz', '/profil', '/sijil', '/kursus'] },
  { who: 'coordinator', paths: () => ['/penyelaras', '/pentadbiran/pengguna', '/pentadbiran/pengguna/demo-learner'] },
  { who: 'programmeAdmin', paths: () => ['/laporan/kursus', '/laporan/kursus/CS-301'] },
  { who: 'auditor', paths: () => ['/audit'] },
];

describe('page weight', { timeout: 300_000 }, () => {
  it(`keeps pages within ${BUDGET_BYTES.toLocaleString('en')} bytes of first-load JS + CSS (gzip) (signed-in pages still over it from growing), BM and EN`, async () => {
    const rows: string[] = [];
    const over: string[] = [];
    for (const { who, paths } of visits) {
      const session = who === 'anyone' ? undefined : await sessionOf(who);
      for (const path of paths()) {
        for (const lang of ['ms', 'en'] as const) {
          const { js, css, loaded } = await firstLoad(path, lang, who, session, who === 'anyone' ? undefined : people[who].name);
          const total = js + css;
          const label = `${who.padEnd(14)} ${lang} ${path}`;
          rows.push(`${label.padEnd(62)} js ${String(js).padStart(6)} + css ${String(css).padStart(5)} = ${String(total).padStart(6)} B (${(total / 1024).toFixed(1)} KiB, ${loaded.length} files)`);
          const limit = who === 'anyone' ? BUDGET_BYTES : SIGNED_IN_CEILING(path);
          if (total > BUDGET_BYTES) {
            rows.push(`      over the ${BUDGET_BYTES}-byte budget by ${total - BUDGET_BYTES}` + (limit > BUDGET_BYTES ? ` (held at ${limit})` : ''));
            rows.push(...loaded.sort((a, b) => b.bytes - a.bytes).map((l) => `      ${String(l.bytes).padStart(6)} ${l.file}`));
          }
          if (total > limit) over.push(`${label}: ${total} bytes (limit ${limit})`);
          // Compressed as CloudFront compresses: every file above its 1 kB threshold is gzipped.
          expect(loaded.filter((l) => l.bytes > 1024 && !l.encoding).map((l) => l.file), `uncompressed files on ${path}`).toEqual([]);
        }
      }
    }
    console.log(`First-load JS + CSS, gzip over the wire (budget ${BUDGET_BYTES} bytes):\n${rows.join('\n')}`);
    expect(over, 'pages over their limit (the budget, or a signed-in page\'s current ceiling)').toEqual([]);
  });
});
