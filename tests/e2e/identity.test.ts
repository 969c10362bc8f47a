/**
 * Signing in and the signed-in pages in a real Chromium: the built web app as CloudFront
 * serves it, the real API, and the local OpenID provider of `npm start` with its demo
 * accounts (content/demo/accounts.yaml, password `demo`), whose profiles and roles the
 * platform seeds. Every sign-in walks the same steps a person does: our "Log Masuk" button,
 * the provider's login page, the callback, the landing page of the role.
 *
 * Screenshots (BM and EN, desktop and 360 px) land in test-results/screenshots/identity-*.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDeps } from '../../functions/identity/app';
import { PROFILE_SK, userPk } from '../../functions/identity/keys';
import { repoRoot, type Platform } from '../../functions/local/platform';
import { launchBrowser } from '../support/browser';
import { startE2ePlatform } from '../support/e2e-platform';

const screenshots = join(repoRoot, 'test-results', 'screenshots');

/** The demo people these tests sign in as (content/demo/accounts.yaml). */
const people = {
  learner: { username: 'pelajar-suk', name: 'Nurul Aina binti Hassan', ic: '880314055246' },
  coordinator: { username: 'penyelaras-agensi', name: 'Tan Mei Ling' },
  auditor: { username: 'juruaudit', name: 'Wong Kah Seng' },
  participant: { username: 'peserta-desa', name: 'Siti Khadijah binti Ahmad', ic: '620105315088' },
} as const;

const masked = (ic: string) => `${ic.slice(0, 6)}-**-**${ic.slice(10)}`;
const formatted = (ic: string) => `${ic.slice(0, 6)}-${ic.slice(6, 8)}-${ic.slice(8)}`;

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  // The current sources, built once for every browser test file of the run.
  platform = await startE2ePlatform('identity', 3400, 3000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

/**
 * A fresh context (no session, no provider cookie, no stored language) and page. `done()`
 * closes it and fails the test if the page threw or logged an error, apart from the HTTP
 * statuses a test provokes on purpose.
 */
async function newPage(viewport: keyof typeof viewports, expectedStatuses: number[] = []) {
  const context: BrowserContext = await browser.newContext({ viewport: viewports[viewport], baseURL: platform.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() !== 'error') return;
    if (expectedStatuses.some((status) => text.includes(`status of ${status}`))) return;
    problems.push(text);
  });
  return {
    page,
    context,
    async done() {
      await context.close();
      expect(problems, 'errors in the browser console').toEqual([]);
    },
  };
}

async function shoot(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  // From the top: a full-page shot of a scrolled page would catch the sticky header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(screenshots, `identity-${name}.png`), fullPage: true });
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  // A string: this file is type-checked without the DOM library.
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  const culprits = scrollWidth > innerWidth
    ? await page.evaluate(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${innerWidth} && !e.parentElement.closest('.table-wrap')).map((e) => e.tagName + '.' + e.className).slice(0, 8)`)
    : [];
  expect(scrollWidth, `sideways scroll on ${page.url()}: ${JSON.stringify(culprits)}`).toBeLessThanOrEqual(innerWidth);
}

const path = (page: Page) => new URL(page.url()).pathname;

/**
 * Signs in through our navbar button and the provider's login page, either typing the
 * username and password or choosing the demo account's button, and waits to land.
 */
async function signIn(page: Page, person: { username: string; name: string }, how: 'type' | 'demo-button' = 'demo-button') {
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  // On a narrow phone the button is in the menu.
  if (!(await page.getByRole('button', { name: 'Log Masuk', exact: true }).isVisible())) {
    await page.getByRole('button', { name: 'Buka menu' }).click();
  }
  await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(platform.issuer));
  await page.getByRole('heading', { level: 1, name: 'Log Masuk ke Latih' }).waitFor();
  if (how === 'type') {
    await page.getByLabel('Nama pengguna').fill(person.username);
    await page.getByLabel('Kata laluan').fill('demo');
    await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
  } else {
    await page.getByRole('button', { name: `Log masuk sebagai ${person.name}` }).click();
  }
  // Back through /auth/callback to the page of the role.
  await page.waitForURL((url) => url.href.startsWith(platform.url) && !url.pathname.startsWith('/auth/'));
}

/** The navbar's account button (the person's name) and the menu it opens. */
async function openAccountMenu(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  const menu = page.getByRole('navigation', { name: 'Menu akaun' });
  await menu.waitFor();
  return menu;
}

describe('signing in and out', { timeout: 120_000 }, () => {
  it('a learner signs in with the login form, lands on "Pembelajaran Saya", sees a masked MyKad, and signs out', async () => {
    const { page, done } = await newPage('desktop');
    // The site is served with CloudFront's Content-Security-Policy (cdk/csp.ts): the whole flow
    // below runs under it, and any violation is a console error that fails the test (done()).
    const home = await page.goto('/');
    const csp = home!.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[\w+/=]+'/);
    expect(csp).toContain(`connect-src 'self' ${platform.issuer}`);
    expect(csp).toContain("frame-ancestors 'none'");
    await signIn(page, people.learner, 'type');
    expect(path(page)).toBe('/belajar');
    await page.getByRole('heading', { level: 1, name: 'Pembelajaran Saya' }).waitFor();
    // Her courses, as the demo data left them (IOT-301 begun).
    await page.locator('main a[href="/belajar/IOT-301"]').first().waitFor();
    // The name in the navbar, in place of "Log Masuk".
    await page.getByRole('button', { name: people.learner.name, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Log Masuk', exact: true }).count()).toBe(0);
    await shoot(page, 'desktop-ms-belajar');

    // To my profile through the account menu: the MyKad masked, never whole.
    const menu = await openAccountMenu(page, people.learner.name);
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Pembelajaran Saya', 'Sijil Saya', 'Profil Saya']);
    await shoot(page, 'desktop-ms-account-menu');
    await menu.getByRole('link', { name: 'Profil Saya' }).click();
    await page.waitForURL('**/profil');
    await page.getByRole('heading', { level: 1, name: 'Profil Saya' }).waitFor();
    await page.getByText(masked(people.learner.ic)).waitFor();
    expect(await page.content()).not.toContain(people.learner.ic);
    expect(await page.content()).not.toContain(formatted(people.learner.ic));
    await page.getByText('Disahkan', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Peranan saya' }).waitFor();
    await page.getByText(/Pelajar.*Pejabat Setiausaha Kerajaan Negeri Sembilan/).waitFor();
    await shoot(page, 'desktop-ms-profil');

    // "Muat turun data saya": a JSON file of everything held, the holder's own MyKad whole.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Muat turun data saya' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^latih-data-saya-\d{4}-\d\d-\d\d\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { profile: { ic: string; name: string } };
    expect(exported.profile).toMatchObject({ name: people.learner.name, ic: people.learner.ic });

    // The same page in English.
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await page.getByText('Verified', { exact: true }).waitFor();
    await shoot(page, 'desktop-en-profil');
    await page.getByRole('button', { name: /^BM/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Profil Saya' }).waitFor();

    // Signing out ends the provider's session too, and comes back to the home page.
    await (await openAccountMenu(page, people.learner.name)).getByRole('button', { name: 'Log Keluar' }).click();
    await page.waitForURL((url) => url.href === platform.url);
    await page.getByRole('button', { name: 'Log Masuk', exact: true }).waitFor();
    expect(await page.evaluate("[sessionStorage.getItem('latih.tokens'), sessionStorage.getItem('latih.session')]")).toEqual([null, null]);
    // A signed-in page now asks who is there again: the provider's login page, not a silent sign-in.
    await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Log Masuk ke Latih' }).waitFor();
    await done();
  });

  it('a page that needs a sign-in sends a signed-out visitor to the login page and back to it', async () => {
    const { page, done } = await newPage('desktop', [401]);
    await page.goto('/profil');
    await page.waitForURL((url) => url.href.startsWith(platform.issuer));
    await page.getByRole('button', { name: `Log masuk sebagai ${people.learner.name}` }).click();
    await page.waitForURL('**/profil');
    await page.getByText(masked(people.learner.ic)).waitFor();
    await done();
  });

  it('renews an expiring or refused access token with the refresh token, without asking again', async () => {
    const { page, done } = await newPage('desktop', [401]);
    await signIn(page, people.learner);
    const tokens = () => page.evaluate("JSON.parse(sessionStorage.getItem('latih.tokens'))") as Promise<{ access: string; refresh: string; expiresAt: number }>;
    const first = await tokens();
    expect(first.expiresAt - Date.now()).toBeGreaterThan(10 * 60_000);

    // About to expire: renewed before the request leaves.
    await page.evaluate("sessionStorage.setItem('latih.tokens', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('latih.tokens')), expiresAt: Date.now() + 5000 }))");
    await page.goto('/profil');
    await page.getByText(masked(people.learner.ic)).waitFor();
    const renewed = await tokens();
    expect(renewed.access).not.toBe(first.access);
    expect(renewed.refresh).not.toBe(first.refresh); // the provider rotates refresh tokens

    // Refused by the API (401): renewed once, the request retried.
    await page.evaluate("sessionStorage.setItem('latih.tokens', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('latih.tokens')), access: 'not-a-token' }))");
    await page.goto('/belajar');
    await page.locator('main a[href="/belajar/IOT-301"]').first().waitFor();
    expect((await tokens()).access).not.toBe('not-a-token');
    expect(path(page)).toBe('/belajar');
    await done();
  });

  it('cancelling on the login page says so and offers to try again, in the language of the page', async () => {
    const { page, done } = await newPage('desktop');
    await page.goto('/');
    await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
    await page.getByRole('link', { name: 'Batal dan kembali ke Latih' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log masuk dibatalkan' }).waitFor();
    await page.getByRole('button', { name: 'Log masuk semula' }).waitFor();
    await expectAccessible(page);
    await shoot(page, 'desktop-ms-batal');

    // In English, the provider's page is English too (ui_locales).
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Latih' }).waitFor();
    await page.getByRole('link', { name: 'Cancel and return to Latih' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign-in cancelled' }).waitFor();
    await shoot(page, 'desktop-en-batal');
    await done();
  });
});

describe('a coordinator', { timeout: 120_000 }, () => {
  it('lands on the users page, finds Nurul, sees her roles, grants and revokes one', async () => {
    const { page, done } = await newPage('desktop', [403]);
    await signIn(page, people.coordinator);
    expect(path(page)).toBe('/pentadbiran/pengguna');
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    // Everyone in her unit at first, then a search by the start of a name.
    await page.getByRole('cell', { name: 'Pejabat Setiausaha Kerajaan Negeri Sembilan' }).first().waitFor();
    await page.getByRole('searchbox', { name: 'Cari pengguna' }).fill('Nurul');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL('**/pentadbiran/pengguna?q=Nurul');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 pengguna dipaparkan.');
    // Only those waiting for verification: Nurul is verified.
    await page.getByLabel('Hanya yang menunggu pengesahan').check();
    await page.waitForURL('**/pentadbiran/pengguna?q=Nurul&menunggu=1');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Tiada pengguna sepadan dengan “Nurul”.');
    await page.getByLabel('Hanya yang menunggu pengesahan').uncheck();
    await page.waitForURL('**/pentadbiran/pengguna?q=Nurul');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 pengguna dipaparkan.');
    const row = page.getByRole('row', { name: new RegExp(people.learner.name) });
    // Lists mask the MyKad for everyone; the person's own page shows it in full to a
    // coordinator of her unit (users:read-ic).
    await row.getByRole('cell', { name: masked(people.learner.ic) }).waitFor();
    await expectAccessible(page);
    await shoot(page, 'desktop-ms-pengguna');

    await row.getByRole('link', { name: people.learner.name }).click();
    await page.waitForURL(`**/pentadbiran/pengguna/demo-learner`);
    await page.getByRole('heading', { level: 1, name: people.learner.name }).waitFor();
    await page.getByText(formatted(people.learner.ic)).waitFor();
    const roles = page.getByRole('region', { name: 'Peranan', exact: true });
    await roles.getByText(/Pelajar.*Pejabat Setiausaha Kerajaan Negeri Sembilan/).waitFor();
    // Verified already: no "Sahkan profil".
    expect(await page.getByRole('button', { name: 'Sahkan profil' }).count()).toBe(0);

    // A coordinator hands out learner and facilitator roles only, at units in her scope.
    const grant = page.getByRole('region', { name: 'Berikan peranan' });
    const roleOptions = await grant.getByLabel('Peranan').locator('option').allTextContents();
    expect(roleOptions).toEqual(['Pilih', 'Pelajar', 'Fasilitator']);
    await grant.getByLabel('Peranan').selectOption({ label: 'Fasilitator' });
    await grant.getByLabel('Di unit').selectOption('SUK-NS');
    await grant.getByRole('button', { name: 'Berikan peranan' }).click();
    await page.getByText('Peranan Fasilitator telah diberikan.').waitFor();
    await roles.getByText(/Fasilitator.*Pejabat Setiausaha Kerajaan Negeri Sembilan/).waitFor();
    await expectAccessible(page);
    await shoot(page, 'desktop-ms-pengguna-butiran');

    await roles.getByRole('button', { name: 'Tarik balik Fasilitator di Pejabat Setiausaha Kerajaan Negeri Sembilan' }).click();
    await roles.getByRole('button', { name: 'Ya, tarik balik' }).click();
    await page.getByText('Peranan Fasilitator telah ditarik balik.').waitFor();
    await expect.poll(() => roles.getByText(/Fasilitator/).count()).toBe(0);

    // The audit trail is not hers: the API refuses, the page says so.
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Anda tidak mempunyai akses ke halaman ini.' }).waitFor();
    await done();
  });
});

describe('an auditor', { timeout: 120_000 }, () => {
  it("lands on the audit trail, sees today's events, loads more, and verifies every chain", async () => {
    // More than a page of events today (the page shows 50): a role granted and revoked 15
    // times, through the identity store, so each change is audited as through the API.
    const { store } = identityDeps(platform.config, platform.clients);
    const actor = { userId: 'demo-coordinator-agency', role: 'coordinator' as const };
    const role = { role: 'facilitator' as const, orgId: 'SUK-NS' };
    for (let i = 0; i < 15; i++) {
      for (const mode of ['grant', 'revoke'] as const) {
        const action = mode === 'grant' ? 'role.grant' : 'role.revoke';
        const summary = mode === 'grant' ? { after: { ...role } } : { before: { ...role } };
        await store.saveAssignment('demo-teacher', role, actor, { action, orgId: 'SUK-NS', summary, requestId: `e2e-${i}` }, mode);
      }
    }
    const { page, done } = await newPage('desktop');
    await signIn(page, people.auditor);
    expect(path(page)).toBe('/audit');
    await page.getByRole('heading', { level: 1, name: 'Jejak Audit' }).waitFor();
    // Today in Malaysia by default (the API's days are Malaysian); the demo people were created today.
    expect(await page.getByLabel('Tarikh').inputValue()).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    const events = page.getByRole('region', { name: 'Peristiwa' });
    await events.getByRole('cell', { name: 'Profil dicipta' }).first().waitFor();
    await events.getByRole('cell', { name: 'Peranan diberikan' }).first().waitFor();
    // Actors by their current name (looked up when read), their id beside it.
    await events.getByRole('link', { name: 'Tan Mei Ling' }).first().waitFor();
    await expect.poll(() => events.getByRole('status').textContent()).toBe('50 peristiwa dipaparkan; ada lagi.');
    const rows = events.locator('tbody tr');
    await events.getByRole('button', { name: 'Muatkan lagi' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(50);
    // (Other seeded demo data may leave more than two pages for today.)
    await expect.poll(() => events.getByRole('status').textContent()).toMatch(/^(5[1-9]|[6-9]\d|100) peristiwa dipaparkan(; ada lagi)?\.$/);
    // The keyboard continues from the first event added.
    await expect.poll(() => page.evaluate('document.activeElement.closest("tr") === document.querySelectorAll(".events tbody tr")[50]')).toBe(true);

    await page.getByRole('button', { name: 'Sahkan rantaian' }).click();
    await page.getByText(/^Semua 8 rantaian sah/).waitFor();
    expect(await page.getByRole('cell', { name: 'OK', exact: true }).count()).toBe(8);
    await expectAccessible(page);
    await shoot(page, 'desktop-ms-audit');

    // One person's record, from a record link (the learner's own events may be pages away today).
    await page.getByRole('link', { name: 'user:demo-teacher' }).first().click();
    await page.waitForURL('**/audit?record=user%3Ademo-teacher');
    await expect.poll(async () => [...new Set(await events.locator('tbody td:nth-child(4)').allTextContents())]).toEqual(['user:demo-teacher']);
    await page.goto('/audit?record=user%3Ademo-learner');
    const records = () => events.locator('tbody td:nth-child(4)').allTextContents();
    await expect.poll(async () => [...new Set(await records())]).toEqual(['user:demo-learner']);
    await events.getByRole('cell', { name: 'Profil dicipta' }).waitFor();

    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByRole('radio', { name: 'Day' }).check();
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('region', { name: 'Events' }).getByRole('cell', { name: 'Profile created' }).first().waitFor();
    await shoot(page, 'desktop-en-audit');
    await done();
  });
});

describe('the profile form', { timeout: 120_000 }, () => {
  it('names a bad field next to it in BM, takes the API’s word for a taken MyKad, then saves', async () => {
    const { page, done } = await newPage('desktop', [409]);
    await signIn(page, people.participant);
    expect(path(page)).toBe('/belajar');
    await page.goto('/profil');
    await page.getByText(masked(people.participant.ic)).waitFor();
    const exports: string[] = [];
    page.on('request', (r) => r.url().includes('/api/me/export') && exports.push(r.url()));
    await page.getByRole('button', { name: 'Kemas kini profil' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kemas kini profil' }).waitFor();
    // The form never holds the full MyKad: empty, with the masked number on record as its hint.
    expect(await page.getByLabel('Nombor MyKad').inputValue()).toBe('');
    await page.getByText(`Biarkan kosong untuk mengekalkan nombor sedia ada (${masked(people.participant.ic)})`).waitFor();
    expect(exports).toEqual([]);
    // A participant's unit: a community centre, school or district, grouped by district.
    expect(await page.getByLabel('Unit organisasi').inputValue()).toBe('DEWAN-CONTOH-JOHOL');
    expect(await page.locator('#f-orgId optgroup[label="Daerah Kuala Pilah"] option').allTextContents()).toContain(
      'Dewan Orang Ramai Contoh Johol (Sampel)',
    );

    // A phone number that is not Malaysian: the message at the field, the field marked, focused.
    const phone = page.getByLabel('Nombor telefon');
    await phone.fill('12345');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    const phoneError = 'Nombor telefon Malaysia tidak sah, contohnya 012-345 6789.';
    await page.locator('#f-phone-error').getByText(phoneError).waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getAttribute('aria-describedby')).toContain('f-phone-error');
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('f-phone');
    await page.getByRole('alert').filter({ hasText: 'Sila betulkan perkara berikut' }).getByRole('link', { name: phoneError }).waitFor();
    await expectAccessible(page);
    await shoot(page, 'desktop-ms-profil-ralat');

    // Someone else's MyKad passes every check here; the API refuses it (IC_TAKEN), at the field.
    await phone.fill('013-456 7890');
    const ic = page.getByLabel('Nombor MyKad');
    await ic.fill(formatted(people.learner.ic));
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.locator('#f-ic-error').getByText(/sudah didaftarkan oleh pengguna lain/).waitFor();
    expect(await ic.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getAttribute('aria-invalid')).toBe('false');

    // Leave the MyKad empty again: the number on record is kept; saved, the new phone in place.
    await ic.fill('');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByText('Profil anda telah disimpan.').waitFor();
    await page.getByText('013-456 7890').waitFor();
    await page.getByText(masked(people.participant.ic)).waitFor();
    await page.getByText('Aktif', { exact: true }).waitFor();
    await shoot(page, 'desktop-ms-profil-disimpan');
    await done();
  });
});

describe('a first sign-in', { timeout: 120_000 }, () => {
  it('without a profile lands on the profile form; once completed, a coordinator verifies it', async () => {
    // Every demo account has a profile: take one away, as for someone signing in for the first time.
    await platform.clients.ddb.send(new DeleteCommand({ TableName: platform.config.tableName, Key: { pk: userPk('demo-facilitator'), sk: PROFILE_SK } }));
    const newcomer = { username: 'fasilitator', name: 'Mohd Faizal bin Ismail', ic: '900721055383' };
    const { page, done } = await newPage('desktop');
    await signIn(page, newcomer);
    expect(path(page)).toBe('/profil');
    await page.getByRole('heading', { level: 1, name: 'Lengkapkan profil anda' }).waitFor();
    // The name from the sign-in itself until there is a profile.
    await page.getByRole('button', { name: newcomer.name, exact: true }).waitFor();

    // Saved empty: every missing field named, in the summary and at the field; focus on the first.
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Sila betulkan perkara berikut' });
    await summary.getByRole('link', { name: 'Pilih jenis pengguna.' }).waitFor();
    await summary.getByRole('link', { name: 'Masukkan nombor MyKad anda.' }).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('f-kind-civil-servant');
    await expectAccessible(page);
    await shoot(page, 'desktop-ms-profil-pertama');
    // A summary link takes the focus to its field.
    await summary.getByRole('link', { name: 'Masukkan nombor MyKad anda.' }).click();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('f-ic');

    await page.getByRole('radio', { name: /Penjawat awam/ }).check();
    await page.getByLabel('Nama penuh (seperti dalam MyKad)').fill(newcomer.name);
    await page.getByLabel('Nombor MyKad').fill(formatted(newcomer.ic));
    await page.getByLabel('E-mel').fill('faizal.ismail@komuniti.latih.test');
    await page.getByLabel('Unit organisasi').selectOption('SUK-NS');
    await page.getByLabel('Sistem saraan').selectOption('SSPA');
    await page.getByLabel('Gred', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByText('Profil anda telah disimpan.').waitFor();
    await page.getByText('Menunggu pengesahan', { exact: true }).waitFor();
    await page.getByText(masked(newcomer.ic)).waitFor();
    await done();

    // Civil servants are verified by their unit's coordinator.
    const coordinator = await newPage('desktop');
    await signIn(coordinator.page, people.coordinator);
    await coordinator.page.getByRole('searchbox', { name: 'Cari pengguna' }).fill('Mohd');
    await coordinator.page.getByRole('button', { name: 'Cari', exact: true }).click();
    await coordinator.page.getByRole('row', { name: new RegExp(newcomer.name) }).getByText('Menunggu pengesahan').waitFor();
    await coordinator.page.getByRole('link', { name: newcomer.name }).click();
    await coordinator.page.getByRole('button', { name: 'Sahkan profil' }).click();
    await coordinator.page.getByText('Profil telah disahkan.').waitFor();
    await coordinator.page.getByRole('region', { name: 'Profil' }).getByText('Disahkan', { exact: true }).waitFor();
    expect(await coordinator.page.getByRole('button', { name: 'Sahkan profil' }).count()).toBe(0);
    await coordinator.done();
  });
});

describe('on a 360 px phone', { timeout: 120_000 }, () => {
  it('the navbar account menu works, and the signed-in pages fit, in BM and EN', async () => {
    const { page, done } = await newPage('phone');
    // Signed out, the bar has no room for "Log Masuk": it is in the menu.
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Log Masuk', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('button', { name: 'Log Masuk' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shoot(page, 'phone-ms-menu-log-masuk');

    await signIn(page, people.coordinator);
    expect(path(page)).toBe('/pentadbiran/pengguna');
    await page.getByRole('link', { name: people.learner.name }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await shoot(page, 'phone-ms-pengguna');

    // The name is the initial on a phone; the menu says it in full.
    const menu = await openAccountMenu(page, people.coordinator.name);
    await menu.getByText(people.coordinator.name).waitFor();
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Pembelajaran Saya', 'Sijil Saya', 'Profil Saya', 'Pengguna', 'Papan Pemuka Penyelaras', 'Pengurusan Sijil']);
    await shoot(page, 'phone-ms-account-menu');
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    await expect.poll(() => page.evaluate('document.activeElement.getAttribute("aria-controls")')).toBe('account-menu');
    // The hamburger and the account menu never both open.
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await openAccountMenu(page, people.coordinator.name);
    expect(await page.getByRole('button', { name: 'Tutup menu' }).count()).toBe(0);

    await menu.getByRole('link', { name: 'Profil Saya' }).click();
    await page.waitForURL('**/profil');
    await page.getByRole('heading', { level: 1, name: 'Profil Saya' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await shoot(page, 'phone-ms-profil');
    await page.getByRole('button', { name: 'Kemas kini profil' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kemas kini profil' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await shoot(page, 'phone-ms-profil-borang');

    await page.goto('/pentadbiran/pengguna/demo-learner');
    await page.getByRole('heading', { level: 1, name: people.learner.name }).waitFor();
    await expectNoSidewaysScroll(page);
    await shoot(page, 'phone-ms-pengguna-butiran');

    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { name: 'Roles' }).waitFor();
    await shoot(page, 'phone-en-pengguna-butiran');
    await page.goto('/belajar');
    await page.getByRole('heading', { level: 1, name: 'My learning' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shoot(page, 'phone-en-belajar');
    await done();
  });

  it('the audit trail fits and passes axe', async () => {
    const { page, done } = await newPage('phone');
    await signIn(page, people.auditor);
    await page.getByRole('cell', { name: 'Profil dicipta' }).first().waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await shoot(page, 'phone-ms-audit');
    await page.getByRole('button', { name: 'Sahkan rantaian' }).click();
    await page.getByText(/^Semua 8 rantaian sah/).waitFor();
    await expectNoSidewaysScroll(page);
    await shoot(page, 'phone-ms-audit-sah');
    await done();
  });
});
