/**
 * The public catalogue in a real Chromium, on a desktop and on a 360 px phone: the built web
 * app served as CloudFront serves it (static files, SPA fallback, /api on the same origin),
 * over the real API, DynamoDB Local and local S3 with the repository's content.
 *
 * Expected values come from the API itself, so the tests follow the content as it grows.
 * Screenshots of every page in both languages land in test-results/screenshots/.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDetail, CourseSummary, Programme } from '../../functions/catalogue/api';
import { repoRoot, startPlatform, type Platform } from '../../functions/local/platform';
import { choosePort } from '../../functions/local/services';
import { launchBrowser } from '../support/browser';
import { storageEndpoints } from '../support/storage';
import { buildWebOnce } from '../support/web-build';

const screenshots = join(repoRoot, 'test-results', 'screenshots');
const PAGE_SIZE = 9; // web/src/routes/kursus/filters.ts
const SEARCH_TERM = 'siber';

let platform: Platform;
let browser: Browser;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${platform.apiUrl}/api/catalogue${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}
const listCodes = async (query: string) =>
  (await api<{ courses: CourseSummary[] }>(`/courses?limit=50&${query}`)).courses.map((c) => c.code);

beforeAll(async () => {
  // Always the current sources, built once for every browser test file of the run.
  await buildWebOnce();
  const id = `e2e-web-${randomUUID().slice(0, 8)}`;
  platform = await startPlatform({
    web: 'static',
    storage: storageEndpoints(),
    tableName: id,
    contentBucket: id,
    port: await choosePort(3300),
  });
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

type ViewportName = keyof typeof viewports;

/**
 * A fresh context (no stored language, empty cache) and page. `done()` closes it and fails
 * the test if the page threw or logged an error (a 404 asked for on purpose excepted).
 */
async function newPage(viewport: ViewportName): Promise<{ page: Page; done(): Promise<void> }> {
  const context: BrowserContext = await browser.newContext({ viewport: viewports[viewport], baseURL: platform.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/404|Not found/i.test(msg.text())) problems.push(msg.text());
  });
  return {
    page,
    async done() {
      await context.close();
      expect(problems, 'errors in the browser console').toEqual([]);
    },
  };
}

/** The course codes on the list page, in order (from the card links). */
const shownCodes = (page: Page) =>
  page.locator('section[aria-labelledby="results-title"] h3 a').evaluateAll((links) =>
    links.map((a) => (a.getAttribute('href') ?? '').replace('/kursus/', '')),
  );

async function expectNoSidewaysScroll(page: Page) {
  // A string: this file is type-checked without the DOM library.
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

async function shoot(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Follows a main-navigation link, through the menu button where the navbar is collapsed. */
async function navigate(page: Page, label: string) {
  const menu = page.getByRole('button', { name: /Buka menu|Open menu/ });
  if (await menu.isVisible()) {
    await menu.click();
    // Its name now says what it does next.
    await page.getByRole('button', { name: /Tutup menu|Close menu/, expanded: true }).waitFor();
  }
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

describe.each(Object.keys(viewports) as ViewportName[])('the catalogue on a %s', { timeout: 90_000 }, (viewport) => {
  it('goes from the home page to a course syllabus: programme filter, back button, search, load more', async () => {
    const { page, done } = await newPage(viewport);
    const programmes = (await api<{ programmes: Programme[] }>('/programmes')).programmes;

    await page.goto('/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ms');
    await page.getByRole('heading', { level: 1, name: /Tingkatkan kemahiran digital/ }).waitFor();
    // The three programmes, each linking to its catalogue.
    for (const programme of programmes) {
      await page.getByRole('heading', { name: programme.title.ms }).waitFor();
    }
    expect(await page.locator('a[href="/kursus?programme=7.1"]').count()).toBeGreaterThan(0);
    await expectNoSidewaysScroll(page);
    await shoot(page, `${viewport}-ms-home`);

    // To the catalogue through the navbar: the first page, with "load more" when there is more.
    await navigate(page, 'Katalog Kursus');
    await page.waitForURL('**/kursus');
    await page.getByRole('heading', { level: 1, name: 'Katalog Kursus' }).waitFor();
    const everything = await listCodes('');
    await expect.poll(() => shownCodes(page)).toEqual(everything.slice(0, PAGE_SIZE));
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/kursus dipaparkan/);
    await expectNoSidewaysScroll(page);
    await shoot(page, `${viewport}-ms-list`);
    expect(everything.length, 'the seed catalogue fills more than one page').toBeGreaterThan(PAGE_SIZE);
    await page.getByRole('button', { name: 'Muatkan lagi' }).click();
    await expect.poll(() => shownCodes(page)).toEqual(everything.slice(0, 2 * PAGE_SIZE));

    // Filter by programme: the URL carries it, only that programme's courses show.
    await page.getByLabel('Program', { exact: true }).selectOption('7.1');
    await page.waitForURL('**/kursus?programme=7.1');
    const programme71 = await listCodes('programme=7.1');
    expect(programme71.length).toBe(programmes.find((p) => p.id === '7.1')!.courseCount);
    await expect.poll(() => shownCodes(page)).toEqual(programme71.slice(0, PAGE_SIZE));
    await page.getByLabel('Laluan').waitFor(); // tracks exist in 7.1 only
    await shoot(page, `${viewport}-ms-list-7.1`);

    // The back button restores the unfiltered list.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/kursus' && url.search === '');
    await expect.poll(() => shownCodes(page)).toEqual(everything.slice(0, PAGE_SIZE));
    expect(await page.getByLabel('Program', { exact: true }).inputValue()).toBe('');

    // Free-text search, shareable in the URL.
    const found = await listCodes(`q=${SEARCH_TERM}`);
    expect(found.length, `"${SEARCH_TERM}" finds courses`).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Cari kursus' }).fill(SEARCH_TERM);
    await page.getByRole('searchbox', { name: 'Cari kursus' }).press('Enter');
    await page.waitForURL(`**/kursus?q=${SEARCH_TERM}`);
    await expect.poll(() => shownCodes(page)).toEqual(found.slice(0, PAGE_SIZE));

    // Too short to search: the field says why, and nothing is fetched.
    await page.getByRole('searchbox', { name: 'Cari kursus' }).fill('s');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText('Masukkan sekurang-kurangnya 2 aksara.').waitFor();
    expect(await page.getByRole('searchbox', { name: 'Cari kursus' }).getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).search).toBe(`?q=${SEARCH_TERM}`);

    // A search that finds nothing says so.
    await page.getByRole('searchbox', { name: 'Cari kursus' }).fill('zzqxv tiada');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('heading', { name: 'Tiada kursus dijumpai' }).waitFor();

    // A shared link opens the same filtered list; then open a course and see its syllabus.
    await page.goto(`/kursus?q=${SEARCH_TERM}`);
    await expect.poll(() => shownCodes(page)).toEqual(found.slice(0, PAGE_SIZE));
    const { course } = await api<{ course: CourseDetail }>(`/courses/${found[0]}`);
    // Exact: another title can contain this one (CS-311, the refresher, contains CS-301's).
    await page.getByRole('link', { name: course.title.ms, exact: true }).click();
    await page.waitForURL(`**/kursus/${course.code}`);
    await page.getByRole('heading', { level: 1, name: course.title.ms }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Sukatan pelajaran' }).waitFor();
    const syllabus = page.locator('section[aria-labelledby="syllabus-title"]');
    for (const module of course.modules) await syllabus.getByRole('heading', { name: module.title.ms }).waitFor();
    expect(await syllabus.locator('ol ol > li').count()).toBe(course.modules.flatMap((m) => m.lessons).length);
    await expectNoSidewaysScroll(page);
    await shoot(page, `${viewport}-ms-course`);
    await done();
  });

  it('switches to English, sets <html lang="en"> and remembers the choice after a reload', async () => {
    const { page, done } = await newPage(viewport);
    const { courses } = await api<{ courses: CourseSummary[] }>('/courses?limit=50');
    // A course with a prerequisite, to follow its link.
    const details = await Promise.all(courses.map((c) => api<{ course: CourseDetail }>(`/courses/${c.code}`)));
    const withPrerequisite = details.map((d) => d.course).find((c) => c.prerequisites.length > 0);
    expect(withPrerequisite, 'the seed catalogue has a course with a prerequisite').toBeDefined();
    const course = withPrerequisite!;

    await page.goto(`/kursus/${course.code}`);
    await page.getByRole('heading', { level: 1, name: course.title.ms }).waitFor();
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: course.title.en }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Syllabus' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
    await shoot(page, `${viewport}-en-course`);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: course.title.en }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Official Malaysian Government Website', { exact: true }).waitFor();

    // Prerequisites are links to their courses.
    const prerequisite = course.prerequisites[0]!;
    await page.getByRole('link', { name: `${prerequisite.code}: ${prerequisite.title.en}`, exact: true }).click();
    await page.waitForURL(`**/kursus/${prerequisite.code}`);
    await page.getByRole('heading', { level: 1, name: prerequisite.title.en }).waitFor();

    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Build your digital skills with Latih' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shoot(page, `${viewport}-en-home`);
    await page.goto('/kursus');
    await page.getByRole('heading', { level: 1, name: 'Course Catalogue' }).waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/shown/);
    await expectNoSidewaysScroll(page);
    await shoot(page, `${viewport}-en-list`);

    // And back to Bahasa Melayu.
    await page.getByRole('button', { name: /^BM/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Katalog Kursus' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ms');
    await done();
  });

  it('has no axe violations (WCAG 2.1 A and AA) on the home, list and course pages', async () => {
    const { page, done } = await newPage(viewport);
    const [first] = await listCodes('');

    await page.goto('/');
    await page.getByRole('heading', { name: /Strategi 3\.1|Kemahiran Digital Termaju/ }).first().waitFor();
    await expectAccessible(page);
    // The masthead's explanation, opened.
    await page.getByText('Kenal pasti begini').click();
    await page.getByText('Laman web rasmi menggunakan .gov.my').waitFor();
    await expectAccessible(page);

    await page.goto('/kursus?programme=7.1');
    await expect.poll(async () => (await shownCodes(page)).length).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`/kursus/${first}`);
    await page.getByRole('heading', { level: 2, name: 'Sukatan pelajaran' }).waitFor();
    await expectAccessible(page);
    await done();
  });

  it('shows a not-found page for an unknown course and an unknown address', async () => {
    const { page, done } = await newPage(viewport);
    await page.goto('/kursus/ZZ-999');
    await page.getByRole('heading', { level: 1, name: 'Kursus tidak dijumpai' }).waitFor();
    await page.goto('/tiada-halaman-ini');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak dijumpai' }).waitFor();
    await expectNoSidewaysScroll(page);
    await shoot(page, `${viewport}-ms-404`);
    await done();
  });
});
