/**
 * The Debian Chromium the machine has (`apt-get install -y chromium`), driven by
 * playwright-core: Playwright's own browser downloads are not reachable here.
 *
 * The profile: `launch()` gives Chromium a fresh `--user-data-dir` made with mkdtemp in the
 * OS temp directory and deletes it when the browser closes. Playwright refuses a
 * `--user-data-dir` in `args` (that is `launchPersistentContext`, one shared context), so
 * the fresh throw-away profile is its, not ours; each test then opens its own contexts.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium headless with a throw-away profile; close it with `browser.close()`. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
