/**
 * Certificates in a real Chromium: the built web app as CloudFront serves it, the real API,
 * DynamoDB Local, local S3 and the local OpenID provider with its demo accounts
 * (content/demo/accounts.yaml, password `demo`). The platform's demo data has the demo learner
 * (`pelajar-suk`) complete CS-301, so her certificate exists from the start.
 *
 * The learner finds it under "Sijil Saya", downloads the PDF (its text checked with pdftotext)
 * and the signed credential (checked with the documented `npm run cert:verify`); anyone checks it
 * at /sahkan/<number> (the QR code's address) or by typing the number on /sahkan, in BM and EN,
 * on a desktop and a 360 px phone; a platform administrator revokes it through the API and every
 * check then says revoked. Downloads land in test-results/certificates/, screenshots in
 * test-results/screenshots/certificates-*.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDetail } from '../../functions/catalogue/api';
import { userCertsPk } from '../../functions/certificates/keys';
import { maskMyKad } from '../../functions/core/mykad';
import { repoRoot, type Platform } from '../../functions/local/platform';
import { launchBrowser } from '../support/browser';
import { startE2ePlatform } from '../support/e2e-platform';

const screenshots = join(repoRoot, 'test-results', 'screenshots');
/** This file's own folder (tests/integration/certificates.test.ts writes next to it): emptied on each run. */
const downloads = join(repoRoot, 'test-results', 'certificates', 'e2e');

/** The demo people (content/demo/accounts.yaml) and the course the learner completed. */
const learner = { username: 'pelajar-suk', userId: 'demo-learner', name: 'Nurul Aina binti Hassan', ic: '880314055246' };
const admin = { username: 'pentadbir-platform', name: 'Muhammad Hafiz bin Kamal' };
const COURSE = 'CS-301';
/** Well formed, never issued: the random part of a real number is 8 of 30 symbols. */
const UNKNOWN = 'NS-2027-2222-2222';

let platform: Platform;
let browser: Browser;
let number: string;
let course: CourseDetail;
/** The address the certificate's QR code holds. */
const verifyUrl = () => new URL(`/sahkan/${number}`, platform.url).href;

beforeAll(async () => {
  platform = await startE2ePlatform('certs', 3600, 4500);
  browser = await launchBrowser();
  // The learner's certificate, as the demo data issued it.
  const { Items = [] } = await platform.clients.ddb.send(new QueryCommand({
    TableName: platform.config.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': userCertsPk(learner.userId) },
  }));
  const mine = Items.filter((i) => i.course?.code === COURSE);
  expect(mine, `one ${COURSE} certificate for ${learner.userId}`).toHaveLength(1);
  number = mine[0]!.number as string;
  course = ((await (await fetch(`${platform.apiUrl}/api/catalogue/courses/${COURSE}`)).json()) as { course: CourseDetail }).course;
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;
type ViewportName = keyof typeof viewports;

/** A fresh context and page; `done()` fails the test on page errors or unexpected console errors. */
async function newPage(viewport: ViewportName, expectedStatuses: number[] = []) {
  const context: BrowserContext = await browser.newContext({ viewport: viewports[viewport], baseURL: platform.url, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (expectedStatuses.some((status) => msg.text().includes(`status of ${status}`))) return;
    problems.push(msg.text());
  });
  return {
    page,
    async done() {
      await context.close();
      expect(problems, 'errors in the browser console').toEqual([]);
    },
  };
}

async function shoot(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(screenshots, `certificates-${name}.png`), fullPage: true });
}

/** No serious or critical axe finding (WCAG 2.1 A/AA rules). */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${page.url()}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  // A string: this file is type-checked without the DOM library.
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

/** Signs in through our navbar button and the provider's demo-account button. */
async function signIn(page: Page, person: { name: string }) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (!(await page.getByRole('button', { name: 'Log Masuk', exact: true }).isVisible())) {
    await page.getByRole('button', { name: 'Buka menu' }).click();
  }
  await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(platform.issuer));
  await page.getByRole('button', { name: `Log masuk sebagai ${person.name}` }).click();
  await page.waitForURL((url) => url.href.startsWith(platform.url) && !url.pathname.startsWith('/auth/'));
}

async function switchTo(page: Page, lang: 'BM' | 'EN') {
  await page.getByRole('button', { name: new RegExp(`^${lang}`) }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang === 'BM' ? 'ms' : 'en');
}

/** The documented offline check: `npm run cert:verify -- <file> --jwks <file> [--status <file>]`. */
function certVerify(credential: string, jwks: string, status?: string) {
  const run = spawnSync('npm', ['run', '--silent', 'cert:verify', '--', credential, '--jwks', jwks, ...(status ? ['--status', status] : [])], {
    cwd: repoRoot, encoding: 'utf8', timeout: 60_000,
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** Saves what the platform publishes (the issuer's keys, the credential's status list). */
async function saveDownload(url: string, file: string) {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  writeFileSync(file, await res.text());
  return file;
}

const credentialFile = () => join(downloads, `${number}.jwt`);
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as {
  credentialSubject: { achievement: { name: string } };
  credentialStatus: { statusListCredential: string };
};
/** The credential's status list, fetched from the running platform (its URL names the public origin). */
const statusListUrl = (jwt: string) => `${platform.apiUrl}${new URL(payloadOf(jwt).credentialStatus.statusListCredential).pathname}`;

describe('certificates', { timeout: 150_000 }, () => {
  it('the learner finds her certificate under "Sijil Saya", downloads the PDF and the credential, and the credential verifies offline', async () => {
    const { page, done } = await newPage('desktop');
    await signIn(page, learner);
    const menu = page.getByRole('navigation', { name: 'Menu akaun' });
    await page.getByRole('button', { name: learner.name, exact: true }).click();
    await menu.getByRole('link', { name: 'Sijil Saya' }).click();
    await page.waitForURL('**/sijil');
    await page.getByRole('heading', { level: 1, name: 'Sijil Saya' }).waitFor();
    const card = page.getByRole('article').filter({ hasText: number });
    await card.getByRole('heading', { level: 2, name: course.title.ms }).waitFor();
    await card.getByText('Sah', { exact: true }).waitFor();
    await card.getByText(learner.name).waitFor();
    await page.getByRole('link', { name: verifyUrl() }).waitFor();
    await expectAccessible(page);
    await shoot(page, 'desktop-ms-sijil');

    // The PDF: through a short-lived presigned link, a real PDF with the name and number in it.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Muat turun PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`sijil-${number}.pdf`);
    expect(pdf.url()).toMatch(/X-Amz-Expires=300\b/);
    const pdfFile = join(downloads, `${number}.pdf`);
    await pdf.saveAs(pdfFile);
    expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(learner.name.toUpperCase()); // set in capitals on the certificate
    expect(text).toContain(number);
    expect(text).toContain(COURSE);

    // The signed credential: a VC-JWT file named after the number.
    const [credential] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Kelayakan digital' }).click()]);
    expect(credential.suggestedFilename()).toMatch(new RegExp(`${number}.*\\.jwt$`));
    await credential.saveAs(credentialFile());
    const jwt = readFileSync(credentialFile(), 'utf8').trim();
    expect(jwt.split('.')).toHaveLength(3);
    expect(payloadOf(jwt).credentialSubject.achievement.name).toBeTruthy();

    // The README's offline check, with the JWKS and the status list saved from the platform.
    const jwks = await saveDownload(`${platform.apiUrl}/api/certificates/jwks.json`, join(downloads, 'jwks.json'));
    const status = await saveDownload(statusListUrl(jwt), join(downloads, 'status-before.jwt'));
    const checked = certVerify(credentialFile(), jwks, status);
    expect(checked.out).toContain('SAH / VALID');
    expect(checked.out).toContain(number);
    expect(checked.code).toBe(0);

    // In English.
    await switchTo(page, 'EN');
    await page.getByRole('heading', { level: 1, name: 'My Certificates' }).waitFor();
    await card.getByRole('heading', { level: 2, name: course.title.en }).waitFor();
    await card.getByText('Valid', { exact: true }).waitFor();
    await shoot(page, 'desktop-en-sijil');
    await done();
  });

  it('the wallet on a 360 px phone, in BM and EN', async () => {
    const { page, done } = await newPage('phone');
    await signIn(page, learner);
    await page.goto('/sijil');
    await page.getByRole('article').filter({ hasText: number }).getByText('Sah', { exact: true }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await shoot(page, 'phone-ms-sijil');
    await switchTo(page, 'EN');
    await page.getByRole('heading', { level: 1, name: 'My Certificates' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shoot(page, 'phone-en-sijil');
    await done();
  });

  describe.each(Object.keys(viewports) as ViewportName[])('verification on a %s', (viewport) => {
    it('by the QR code address and by a typed number, in BM and EN; unknown and malformed numbers', async () => {
      const { page, done } = await newPage(viewport, [404]);

      // From any page: "Pengesahan Sijil" in the footer.
      await page.goto('/');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Pengesahan Sijil' }).click();
      await page.waitForURL('**/sahkan');
      await page.getByRole('heading', { level: 1, name: 'Pengesahan Sijil' }).waitFor();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await shoot(page, `${viewport}-ms-sahkan`);

      // The QR code's address: valid, with the holder's name and masked MyKad, never the whole.
      await page.goto(verifyUrl());
      const card = page.getByRole('article');
      await card.getByRole('heading', { level: 2, name: course.title.ms }).waitFor();
      await card.getByText('Sah', { exact: true }).waitFor();
      await card.getByText('Sijil ini sah dan dikeluarkan oleh Kerajaan Negeri Sembilan.').waitFor();
      await card.getByText(learner.name).waitFor();
      await card.getByText(maskMyKad(learner.ic)).waitFor();
      await card.getByText(number).waitFor();
      expect(await page.content()).not.toContain(learner.ic);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await shoot(page, `${viewport}-ms-valid`);

      await switchTo(page, 'EN');
      await page.getByRole('heading', { level: 1, name: 'Certificate Verification' }).waitFor();
      await card.getByRole('heading', { level: 2, name: course.title.en }).waitFor();
      await card.getByText('Valid', { exact: true }).waitFor();
      await card.getByText('Government of Negeri Sembilan', { exact: true }).waitFor();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await shoot(page, `${viewport}-en-valid`);

      // Typed sloppily, in English: lower case, spaces for dashes.
      await page.getByRole('link', { name: 'Check another certificate' }).click();
      await page.waitForURL('**/sahkan');
      await page.getByLabel('Certificate number').fill(`  ${number.toLowerCase().replace(/-/g, ' ')} `);
      await shoot(page, `${viewport}-en-sahkan-typed`);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.waitForURL(`**/sahkan/${number}`);
      await card.getByText('Valid', { exact: true }).waitFor();

      // And in BM: lower case, no dashes at all.
      await switchTo(page, 'BM');
      await page.goto('/sahkan');
      await page.getByLabel('Nombor sijil').fill(number.toLowerCase().replace(/-/g, ''));
      await page.getByLabel('Nombor sijil').press('Enter');
      await page.waitForURL(`**/sahkan/${number}`);
      await card.getByText('Sah', { exact: true }).waitFor();

      // Not shaped like a number: said at the field, nothing asked of the API.
      await page.goto('/sahkan');
      await page.getByLabel('Nombor sijil').fill('sijil saya');
      await page.getByRole('button', { name: 'Semak', exact: true }).click();
      await page.getByText('Nombor ini tidak berbentuk nombor sijil.', { exact: false }).waitFor();
      expect(await page.getByLabel('Nombor sijil').getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).pathname).toBe('/sahkan');
      await expectAccessible(page);
      await shoot(page, `${viewport}-ms-sahkan-invalid`);

      // A well-formed number nobody holds: a plain "not found", in both languages.
      await page.getByLabel('Nombor sijil').fill(UNKNOWN);
      await page.getByRole('button', { name: 'Semak', exact: true }).click();
      await page.waitForURL(`**/sahkan/${UNKNOWN}`);
      await page.getByRole('heading', { level: 1, name: 'Sijil tidak dijumpai' }).waitFor();
      await page.getByText('Tiada sijil dengan nombor ini dalam rekod Latih.', { exact: false }).waitFor();
      expect(await page.getByRole('article').count()).toBe(0);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await shoot(page, `${viewport}-ms-not-found`);
      await switchTo(page, 'EN');
      await page.getByRole('heading', { level: 1, name: 'Certificate not found' }).waitFor();
      await shoot(page, `${viewport}-en-not-found`);
      await page.getByRole('link', { name: 'Check another certificate' }).click();
      await page.waitForURL('**/sahkan');
      await page.getByRole('heading', { level: 1, name: 'Certificate Verification' }).waitFor();
      await shoot(page, `${viewport}-en-sahkan`);
      await done();
    });
  });

  it(`keeps /sahkan and /sahkan/[number] within ${50_000} bytes of JS + CSS (gzip, first visit)`, async () => {
    const rows: string[] = [];
    for (const [lang, path] of (['ms', 'en'] as const).flatMap((lang) => ['/sahkan', `/sahkan/${number}`].map((p) => [lang, p] as const))) {
      const context = await browser.newContext({ viewport: viewports.phone, baseURL: platform.url });
      if (lang === 'en') await context.addInitScript("localStorage.setItem('latih.lang', 'en')");
      const page = await context.newPage();
      const sizes: Promise<{ type: string; bytes: number; encoding: string | null; file: string }>[] = [];
      page.on('response', (response) => {
        const type = response.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        const file = new URL(response.url()).pathname.split('/').pop()!;
        sizes.push(response.request().sizes().then(async (s) => ({ type, file, bytes: s.responseBodySize, encoding: await response.headerValue('content-encoding') })));
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      const loaded = await Promise.all(sizes);
      await context.close();
      const sum = (type: string) => loaded.filter((l) => l.type === type).reduce((total, l) => total + l.bytes, 0);
      const total = sum('script') + sum('stylesheet');
      rows.push(`${lang} ${path.padEnd(24)} js ${sum('script')} + css ${sum('stylesheet')} = ${total} bytes (${loaded.length} files)`);
      if (total > 50_000) rows.push(...loaded.map((l) => `    ${String(l.bytes).padStart(6)} ${l.file}`));
      expect(loaded.filter((l) => l.bytes > 1024 && !l.encoding), `uncompressed files on ${path}`).toEqual([]);
    }
    console.log(`Certificate pages, first-load weight (gzip over the wire):\n${rows.join('\n')}`);
    expect(rows.filter((r) => / = \d+ bytes/.test(r) && Number(/ = (\d+) bytes/.exec(r)![1]) > 50_000), 'pages over 50,000 bytes').toEqual([]);
  });

  it('after a platform administrator revokes it, the page, the API and the offline check say revoked', async () => {
    // Revoked through the API (there is no revoke screen yet), with the administrator's own token.
    const { page: adminPage, done: adminDone } = await newPage('desktop');
    await signIn(adminPage, admin);
    const revoked = (await adminPage.evaluate(`(async () => {
      const token = JSON.parse(sessionStorage.getItem('latih.tokens')).access;
      const res = await fetch('/api/certificates/${number}/revoke', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'Ujian pelayar: dikeluarkan tersilap' }),
      });
      return { status: res.status, body: await res.json() };
    })()`)) as { status: number; body: { certificate: { status: string } } };
    expect(revoked.status).toBe(200);
    expect(revoked.body.certificate.status).toBe('revoked');
    await adminDone();

    const api = await (await fetch(`${platform.apiUrl}/api/certificates/verify/${number}`)).json() as { status: string; revokedAt?: string };
    expect(api.status).toBe('revoked');
    expect(api.revokedAt).toBeTruthy();

    for (const viewport of Object.keys(viewports) as ViewportName[]) {
      const { page, done } = await newPage(viewport);
      await page.goto(verifyUrl());
      const card = page.getByRole('article');
      await card.getByText('Dibatalkan', { exact: true }).waitFor();
      await card.getByText('Sijil ini telah dibatalkan oleh pengeluar dan tidak lagi sah.').waitFor();
      await card.getByText('Dibatalkan pada').waitFor();
      expect(await card.getByText('Sah', { exact: true }).count()).toBe(0);
      // No end date on a revoked certificate: it is valid until nothing.
      expect(await card.getByText('Sah hingga').count()).toBe(0);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await shoot(page, `${viewport}-ms-revoked`);
      await switchTo(page, 'EN');
      await card.getByText('Revoked', { exact: true }).waitFor();
      await card.getByText('This certificate has been revoked by the issuer and is no longer valid.').waitFor();
      await shoot(page, `${viewport}-en-revoked`);
      await done();
    }

    // The credential file the learner keeps: still genuine, revoked by the status list saved now.
    const jwt = readFileSync(credentialFile(), 'utf8').trim();
    const status = await saveDownload(statusListUrl(jwt), join(downloads, 'status-after.jwt'));
    const checked = certVerify(credentialFile(), join(downloads, 'jwks.json'), status);
    expect(checked.out).toContain('DIBATALKAN / REVOKED');
    expect(checked.code).toBe(2);
  });
});
