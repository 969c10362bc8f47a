/**
 * The administrator's certificate page (/pentadbiran/sijil) in a real Chromium at 360 px: the
 * built web app, the real API, DynamoDB Local, local S3 and the local OpenID provider with its
 * demo accounts (password `demo`). The demo platform administrator looks up the demo learner's
 * CS-301 certificate by a sloppily typed number, tries to revoke it without a reason (told so at
 * the field), revokes it with one after the confirmation step, and /sahkan/<number> then says
 * revoked; in BM and EN, axe on each state. Screenshots: test-results/screenshots/cert-admin-*.
 * Its own platform (own table): certificates.test.ts revokes the same certificate through the API.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCertsPk } from '../../functions/certificates/keys';
import { maskMyKad } from '../../functions/core/mykad';
import { repoRoot, type Platform } from '../../functions/local/platform';
import { launchBrowser } from '../support/browser';
import { startE2ePlatform } from '../support/e2e-platform';

const screenshots = join(repoRoot, 'test-results', 'screenshots');
const learner = { userId: 'demo-learner', name: 'Nurul Aina binti Hassan', ic: '880314055246' };
const admin = { name: 'Muhammad Hafiz bin Kamal' };
const COURSE = 'CS-301';

let platform: Platform;
let browser: Browser;
let number: string;

beforeAll(async () => {
  platform = await startE2ePlatform('certadmin', 3650, 3000);
  browser = await launchBrowser();
  const { Items = [] } = await platform.clients.ddb.send(new QueryCommand({
    TableName: platform.config.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': userCertsPk(learner.userId) },
  }));
  const mine = Items.filter((i) => i.course?.code === COURSE);
  expect(mine, `one ${COURSE} certificate for ${learner.userId}`).toHaveLength(1);
  number = mine[0]!.number as string;
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function shoot(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(screenshots, `cert-admin-${name}.png`), fullPage: true });
}

/** No serious or critical axe finding (WCAG 2.1 A/AA rules), and no sideways scroll at 360 px. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${page.url()}`).toEqual([]);
  const { scrollWidth, innerWidth } = (await page.evaluate(
    '({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })',
  )) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

async function switchTo(page: Page, lang: 'BM' | 'EN') {
  await page.getByRole('button', { name: new RegExp(`^${lang}`) }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang === 'BM' ? 'ms' : 'en');
}

describe('certificate administration', { timeout: 150_000 }, () => {
  it('a platform administrator looks up a certificate, is asked for a reason, revokes it, and verification says revoked (360 px, BM and EN)', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: platform.url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => void (msg.type() === 'error' && problems.push(msg.text())));

    // Sign in (Log Masuk is in the menu on a phone) as the demo platform administrator.
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (!(await page.getByRole('button', { name: 'Log Masuk', exact: true }).isVisible())) await page.getByRole('button', { name: 'Buka menu' }).click();
    await page.getByRole('button', { name: 'Log Masuk', exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(platform.issuer));
    await page.getByRole('button', { name: `Log masuk sebagai ${admin.name}` }).click();
    await page.waitForURL((url) => url.href.startsWith(platform.url) && !url.pathname.startsWith('/auth/'));

    await page.goto('/pentadbiran/sijil');
    await page.getByRole('heading', { level: 1, name: 'Pengurusan Sijil' }).waitFor();
    await expectAccessible(page);
    await shoot(page, 'ms-empty');

    // Typed sloppily: lower case, spaces for dashes; the address then holds the canonical number.
    await page.getByRole('textbox', { name: 'Nombor sijil' }).fill(` ${number.toLowerCase().replace(/-/g, ' ')} `);
    await page.getByRole('button', { name: 'Cari sijil' }).click();
    await page.waitForURL(`**/pentadbiran/sijil?n=${number}`);
    const card = page.getByRole('article');
    await card.getByText('Sah', { exact: true }).waitFor();
    await card.getByText(learner.name).waitFor();
    await card.getByText(maskMyKad(learner.ic)).waitFor();
    expect(await page.content()).not.toContain(learner.ic);
    await page.getByRole('heading', { level: 2, name: 'Keluarkan semula selepas pembetulan nama' }).waitFor();
    await expectAccessible(page);
    await shoot(page, 'ms-found');

    // No reason: said at the field, nothing sent, no confirmation.
    const revokeButton = page.getByRole('button', { name: 'Batalkan sijil', exact: true });
    await revokeButton.click();
    await page.getByText('Nyatakan sebab (sekurang-kurangnya 5 aksara).').waitFor();
    const reason = page.getByRole('textbox', { name: 'Sebab' }).first();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('revoke-reason');
    expect(await page.getByRole('button', { name: 'Ya, batalkan sijil ini' }).count()).toBe(0);
    await expectAccessible(page);
    await shoot(page, 'ms-no-reason');

    // The same error in English, then a reason, the confirmation, and the revocation.
    await switchTo(page, 'EN');
    await page.getByText('Give a reason (at least 5 characters).').waitFor();
    await shoot(page, 'en-no-reason');
    await page.getByRole('textbox', { name: 'Reason' }).first().fill('Browser test: issued in error');
    await page.getByRole('button', { name: 'Revoke certificate', exact: true }).click();
    await page.getByText('Revoking cannot be undone.', { exact: false }).waitFor();
    await page.getByText('will show this certificate as revoked', { exact: false }).waitFor();
    await expectAccessible(page);
    await shoot(page, 'en-confirm');
    await page.getByRole('button', { name: 'Yes, revoke this certificate' }).click();
    await page.getByRole('status').getByText(`Certificate ${number} has been revoked.`).waitFor();
    await card.getByText('Revoked', { exact: true }).waitFor();
    await card.getByText('Revoked on').waitFor();
    expect(await page.getByRole('button', { name: 'Revoke certificate' }).count()).toBe(0);
    await page.getByText('This certificate is no longer valid, so it cannot be revoked or reissued.').waitFor();
    await expectAccessible(page);
    await shoot(page, 'en-revoked');

    await switchTo(page, 'BM');
    await card.getByText('Dibatalkan', { exact: true }).waitFor();
    await page.getByRole('status').getByText(`Sijil ${number} telah dibatalkan.`).waitFor();
    await shoot(page, 'ms-revoked');

    // Public verification says revoked, in both languages.
    await page.getByRole('link', { name: 'Buka halaman pengesahan awam' }).click();
    await page.waitForURL(`**/sahkan/${number}`);
    await card.getByText('Dibatalkan', { exact: true }).waitFor();
    await card.getByText('Sijil ini telah dibatalkan oleh pengeluar dan tidak lagi sah.').waitFor();
    await expectAccessible(page);
    await shoot(page, 'ms-sahkan-revoked');
    await switchTo(page, 'EN');
    await card.getByText('Revoked', { exact: true }).waitFor();
    await shoot(page, 'en-sahkan-revoked');

    await context.close();
    expect(problems, 'errors in the browser console').toEqual([]);
  });
});
