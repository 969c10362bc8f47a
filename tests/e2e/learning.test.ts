/**
 * Learning in a real Chromium, end to end through the built web app, the real API and the local
 * OpenID provider (demo accounts, password `demo`): a civil servant enrols from the catalogue,
 * reads every lesson, fails then passes the quiz and sees the completion and the training days
 * on /belajar, once in BM and once in EN on a 360 px phone; her unit's coordinator sees it on
 * /penyelaras; a teacher's request is approved by the school coordinator; the programme
 * administrator reads the course report. axe on every page (page weights: tests/e2e/page-weight.test.ts).
 *
 * This file has its own platform (its own table), so nobody else's test completes these courses.
 * Screenshots land in test-results/screenshots/learning-*.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../functions/catalogue/content/load';
import { repoRoot, type Platform } from '../../functions/local/platform';
import { launchBrowser } from '../support/browser';
import { startE2ePlatform } from '../support/e2e-platform';

const screenshots = join(repoRoot, 'test-results', 'screenshots');
const { content } = loadContent(join(repoRoot, 'content'));
const courseOf = (code: string) => content.courses.find((c) => c.course.code === code)!;
const lessonsOf = (code: string) => courseOf(code).course.modules.flatMap((m) => m.lessons);

const people = {
  learner: { username: 'pelajar-suk', name: 'Nurul Aina binti Hassan' },
  coordinator: { username: 'penyelaras-agensi', name: 'Tan Mei Ling' },
  teacher: { username: 'guru', name: 'Rajesh a/l Subramaniam' },
  schoolCoordinator: { username: 'penyelaras-sekolah', name: 'Lim Wei Jie' },
  programmeAdmin: { username: 'pentadbir-3-1', name: 'Aminah binti Yusof' },
} as const;

/**
 * The demo learner starts with CS-301 completed (6 hours) and IOT-301 begun (functions/local/
 * demo-learning.ts). BM adds a 6-hour self-learning course, EN a 3-hour learning session:
 * 12 hours (2 days), then 15 hours (2.5 days).
 */
const runs = [
  { lang: 'ms', code: 'CL-301', days: '2', hours: '12 jam' },
  { lang: 'en', code: 'BC-301', days: '2.5', hours: '15 hours' },
] as const;

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  platform = await startE2ePlatform('learning', 3500, 6000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function newPage(viewport: keyof typeof viewports) {
  const context: BrowserContext = await browser.newContext({ viewport: viewports[viewport], baseURL: platform.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
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
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(screenshots, `learning-${name}.png`), fullPage: true });
  // The first screen as a person sees it (a full phone page is too tall to look at whole).
  if (name.startsWith('phone-')) await page.screenshot({ path: join(screenshots, `learning-${name}-top.png`) });
}

/** No serious or critical axe violation (WCAG 2.1 A/AA rules). */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const summary = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

/** Everything a page should pass, then its screenshot. */
async function check(page: Page, name: string) {
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await shoot(page, name);
}

const path = (page: Page) => new URL(page.url()).pathname;

/** On the provider's login page: the demo account's button. */
async function chooseAccount(page: Page, person: { name: string }) {
  await page.waitForURL((url) => url.href.startsWith(platform.issuer));
  await page.getByRole('button', { name: `Log masuk sebagai ${person.name}` }).click();
  await page.waitForURL((url) => url.href.startsWith(platform.url) && !url.pathname.startsWith('/auth/'));
}

/** "Log Masuk" in the navbar (in the menu on a narrow phone), then the demo account. */
async function signIn(page: Page, person: { name: string }) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (!(await page.getByRole('button', { name: 'Log Masuk', exact: true }).isVisible())) {
    await page.getByRole('button', { name: 'Buka menu' }).click();
  }
  await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
  await chooseAccount(page, person);
}

async function switchTo(page: Page, lang: 'ms' | 'en') {
  await page.getByRole('button', { name: lang === 'en' ? /^EN/ : /^BM/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

const text = {
  ms: {
    myLearning: 'Pembelajaran Saya', enrol: 'Daftar kursus ini', start: 'Mula belajar', finish: 'Tandakan selesai',
    saved: 'Pelajaran ini ditandakan selesai.', next: 'Pelajaran seterusnya', toQuiz: 'Ke kuiz', submit: 'Hantar jawapan',
    fix: 'Sila jawab semua soalan', failed: 'Belum lulus.', passed: 'Lulus!', tryAgain: 'Cuba lagi', right: 'Jawapan betul',
    congrats: 'Tahniah! Anda telah tamat kursus ini.', completed: 'Tamat', empty: 'Anda belum mendaftar sebarang kursus',
    days: (d: string) => `${d}`, daysOf: 'daripada 7 hari latihan',
  },
  en: {
    myLearning: 'My learning', enrol: 'Enrol in this course', start: 'Start learning', finish: 'Mark as finished',
    saved: 'This lesson is marked as finished.', next: 'Next lesson', toQuiz: 'To the quiz', submit: 'Submit answers',
    fix: 'Please answer every question', failed: 'Not passed yet.', passed: 'Passed!', tryAgain: 'Try again', right: 'Right answer',
    congrats: 'Congratulations! You have completed this course.', completed: 'Completed', empty: 'You have not enrolled in any course yet',
    days: (d: string) => `${d}`, daysOf: 'of 7 training days',
  },
} as const;

/** Answers a quiz on the page: each question's right options, or one wrong option. */
async function answer(page: Page, code: string, right: boolean, lang: 'ms' | 'en') {
  for (const q of courseOf(code).quiz.questions) {
    const picks = right ? q.correct : [q.options.find((o) => !q.correct.includes(o.id))!.id];
    for (const id of picks) {
      const option = q.options.find((o) => o.id === id)!;
      await page.getByRole('group', { name: q.prompt[lang] }).getByLabel(option.text[lang], { exact: true }).check();
    }
  }
}

describe('a civil servant learns on a 360 px phone', { timeout: 240_000 }, () => {
  for (const { lang, code, days, hours } of runs) {
    it(`enrols, reads every lesson, fails then passes the quiz and sees the hours (${lang.toUpperCase()}, ${code})`, async () => {
      const t = text[lang];
      const { page, done } = await newPage('phone');
      const lessons = lessonsOf(code);
      const title = courseOf(code).course.title[lang];

      if (lang === 'ms') {
        // Signed out on the course page: "Daftar" signs in first and comes back to the course.
        await page.goto(`/kursus/${code}`);
        await page.getByRole('button', { name: t.enrol }).click();
        await chooseAccount(page, people.learner);
        expect(path(page)).toBe(`/kursus/${code}`);
      } else {
        // Signing in from the home page lands a learner on "My learning".
        await signIn(page, people.learner);
        expect(path(page)).toBe('/belajar');
        await switchTo(page, 'en');
        await page.getByRole('heading', { level: 1, name: t.myLearning }).waitFor();
        await page.goto(`/kursus/${code}`);
      }
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('button', { name: t.enrol }).click();

      // Active at once (3.1 takes self-enrolment): the course outline.
      await page.waitForURL(`**/belajar/${code}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('link', { name: lessons[0]!.title[lang], exact: true }).waitFor();
      await check(page, `phone-${lang}-kursus-saya`);
      await page.getByRole('link', { name: new RegExp(`^${t.start}`) }).click();

      // Every lesson: opened, marked as finished, on to the next; the last one leads to the quiz.
      for (const [i, lesson] of lessons.entries()) {
        await page.waitForURL(`**/belajar/${code}/${lesson.id}`);
        await page.getByRole('heading', { level: 1, name: lesson.title[lang] }).waitFor();
        await page.locator('.prose h2').first().waitFor();
        if (i === 0) await check(page, `phone-${lang}-pelajaran`);
        await page.getByRole('button', { name: t.finish }).click();
        await page.getByText(t.saved).waitFor();
        await page.getByRole('link', { name: i < lessons.length - 1 ? new RegExp(t.next) : new RegExp(t.toQuiz) }).click();
      }

      // The quiz: sent empty, every question is named; then wrong answers; then the right ones.
      await page.waitForURL(`**/belajar/${code}/kuiz`);
      await page.getByRole('button', { name: t.submit }).click();
      await page.getByRole('alert').filter({ hasText: t.fix }).waitFor();
      await check(page, `phone-${lang}-kuiz-ralat`);
      await answer(page, code, false, lang);
      await page.getByRole('button', { name: t.submit }).click();
      await page.getByRole('heading', { level: 2, name: new RegExp(t.failed) }).waitFor();
      expect(await page.getByText(new RegExp(t.right)).count()).toBeGreaterThan(0);
      await check(page, `phone-${lang}-kuiz-gagal`);
      await page.getByRole('button', { name: t.tryAgain }).first().click();
      await answer(page, code, true, lang);
      await page.getByRole('button', { name: t.submit }).click();
      await page.getByRole('heading', { level: 2, name: new RegExp(t.passed) }).waitFor();
      // Passing was the last requirement: the completion comes with the answer.
      await page.getByText(t.congrats).waitFor();
      await check(page, `phone-${lang}-kuiz-lulus`);

      // My learning: the course completed, its hours and the training days counted.
      await page.getByRole('link', { name: lang === 'ms' ? 'Lihat jam dan hari latihan saya' : 'See my training hours and days' }).click();
      await page.waitForURL('**/belajar');
      const training = page.getByRole('region', { name: new RegExp(lang === 'ms' ? 'Latihan tahun' : 'Training in') });
      await training.getByText(t.daysOf).waitFor();
      await expect.poll(() => training.locator('.figure strong').textContent()).toBe(days);
      await training.getByText(hours).first().waitFor();
      await page.getByRole('link', { name: title, exact: true }).waitFor();
      expect(await page.getByText(/NS-\d{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/).count()).toBeGreaterThan(0);
      await check(page, `phone-${lang}-belajar`);
      await done();
    });
  }

  it("the coordinator of her unit sees it on /penyelaras, immediately, and enrols her in another course", async () => {
    const { page, done } = await newPage('phone');
    await signIn(page, people.coordinator);
    await page.getByRole('button', { name: people.coordinator.name, exact: true }).click();
    await page.getByRole('navigation', { name: 'Menu akaun' }).getByRole('link', { name: 'Papan Pemuka Penyelaras' }).click();
    await page.waitForURL('**/penyelaras');
    const row = page.getByRole('row', { name: new RegExp(people.learner.name) });
    // In progress (IOT-301), completed (CS-301 before, CL-301 and BC-301 now), hours, days.
    await expect.poll(() => row.locator('td.num').allTextContents()).toEqual(['1', '3', '15', '2.5']);
    await check(page, 'phone-ms-penyelaras');

    // Only the people of one course: her status in it.
    await page.getByLabel('Kursus', { exact: true }).selectOption('CL-301');
    await page.getByRole('button', { name: 'Papar' }).click();
    await page.waitForURL((url) => url.searchParams.get('kursus') === 'CL-301');
    await row.getByText('Tamat', { exact: true }).waitFor();

    // Bulk enrolment: each person's outcome.
    await page.getByRole('checkbox', { name: `Pilih ${people.learner.name}` }).check();
    await page.getByLabel('Kursus untuk didaftarkan').selectOption('DA-301');
    await page.getByRole('button', { name: 'Daftarkan 1 orang' }).click();
    await page.getByRole('listitem').filter({ hasText: people.learner.name }).getByText('Didaftarkan').waitFor();
    await check(page, 'phone-ms-penyelaras-daftar');

    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Coordinator dashboard' }).waitFor();
    await shoot(page, 'phone-en-penyelaras');
    await done();
  });
});

describe('approvals and reports on a desktop', { timeout: 180_000 }, () => {
  it('a teacher asks for a subsidised course, the school coordinator approves it', async () => {
    const teacher = await newPage('desktop');
    await signIn(teacher.page, people.teacher);
    // (PK-201 is already awaiting approval: demo-learning.ts.)
    await teacher.page.goto('/kursus/AD-201');
    await teacher.page.getByRole('button', { name: 'Daftar kursus ini' }).click();
    await teacher.page.getByText(/menunggu kelulusan/).waitFor();
    await check(teacher.page, 'desktop-ms-kursus-menunggu');
    await teacher.page.goto('/belajar');
    await teacher.page.getByRole('heading', { level: 1, name: 'Pembelajaran Saya' }).waitFor();
    await teacher.page.getByRole('link', { name: courseOf('AD-201').course.title.ms }).first().waitFor();
    await check(teacher.page, 'desktop-ms-belajar-menunggu');
    await teacher.done();

    const { page, done } = await newPage('desktop');
    await signIn(page, people.schoolCoordinator);
    await page.goto('/penyelaras');
    const request = page.getByRole('listitem').filter({ hasText: people.teacher.name }).filter({ hasText: 'AD-201' });
    await request.getByRole('button', { name: /^Tolak/ }).click();
    await page.getByRole('button', { name: 'Tolak permohonan' }).click();
    await page.getByText('Nyatakan sebab sekurang-kurangnya 3 aksara.').waitFor();
    await check(page, 'desktop-ms-penyelaras-tolak');
    await page.getByRole('button', { name: 'Batal' }).click();
    await request.getByRole('button', { name: /^Lulus/ }).click();
    await page.getByText(`Permohonan ${people.teacher.name} untuk AD-201 diluluskan.`).waitFor();
    await check(page, 'desktop-ms-penyelaras');
    await switchTo(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Coordinator dashboard' }).waitFor();
    await check(page, 'desktop-en-penyelaras');
    await done();
  });

  it('the programme administrator reads the course report, drop-off as text', async () => {
    const { page, done } = await newPage('desktop');
    await signIn(page, people.programmeAdmin);
    await page.getByRole('button', { name: people.programmeAdmin.name, exact: true }).click();
    await page.getByRole('navigation', { name: 'Menu akaun' }).getByRole('link', { name: 'Laporan Kursus' }).click();
    await page.waitForURL('**/laporan/kursus');
    await page.getByRole('heading', { level: 2, name: 'Strategi 3.1' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Strategi 7.2' }).count()).toBe(0);
    await check(page, 'desktop-ms-laporan');
    await page.getByRole('link', { name: /CL-301/ }).click();
    await page.waitForURL('**/laporan/kursus/CL-301');
    await page.getByRole('heading', { level: 1, name: courseOf('CL-301').course.title.ms }).waitFor();
    await page.getByText('Kadar tamat').waitFor();
    expect(await page.locator('.drop li').count()).toBe(lessonsOf('CL-301').length);
    await page.getByText(/^\d+ orang selesai$/).first().waitFor();
    await check(page, 'desktop-ms-laporan-kursus');
    await switchTo(page, 'en');
    await page.getByText('Drop-off by lesson').waitFor();
    await check(page, 'desktop-en-laporan-kursus');
    await page.setViewportSize(viewports.phone);
    await check(page, 'phone-en-laporan-kursus');
    await done();
  });

  it('the learner’s pages at desktop width, in BM and EN', async () => {
    const { page, done } = await newPage('desktop');
    await signIn(page, people.learner);
    const lesson = lessonsOf('CL-301')[1]!;
    for (const lang of ['ms', 'en'] as const) {
      if (lang === 'en') await switchTo(page, 'en');
      await page.goto('/belajar');
      await page.getByRole('heading', { level: 1, name: text[lang].myLearning }).waitFor();
      await page.getByRole('link', { name: courseOf('DA-301').course.title[lang] }).first().waitFor();
      await check(page, `desktop-${lang}-belajar`);
      await page.goto('/belajar/CL-301');
      await page.getByRole('heading', { level: 1, name: courseOf('CL-301').course.title[lang] }).waitFor();
      await check(page, `desktop-${lang}-kursus-saya`);
      await page.goto(`/belajar/CL-301/${lesson.id}`);
      await page.getByRole('heading', { level: 1, name: lesson.title[lang] }).waitFor();
      await page.locator('.prose h2').first().waitFor();
      await check(page, `desktop-${lang}-pelajaran`);
      await page.goto('/belajar/DA-301/kuiz');
      await page.getByRole('button', { name: text[lang].submit }).waitFor();
      await check(page, `desktop-${lang}-kuiz`);
      await page.goto('/kursus/DA-301');
      await page.getByRole('link', { name: lang === 'ms' ? 'Ke kursus saya' : 'Go to my course' }).waitFor();
      await check(page, `desktop-${lang}-katalog-kursus`);
    }
    // The lesson follows the language: switching back asks for the Malay text.
    await page.goto(`/belajar/CL-301/${lesson.id}`);
    await page.getByRole('heading', { level: 1, name: lesson.title.en }).waitFor();
    await switchTo(page, 'ms');
    await page.getByRole('heading', { level: 1, name: lesson.title.ms }).waitFor();
    await expect.poll(() => page.locator('article').getAttribute('lang')).toBe('ms');
    await done();
  });
});
