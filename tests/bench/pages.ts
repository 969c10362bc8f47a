/**
 * What a first visit costs on the wire: JS and CSS bytes (as transferred, gzip) per page,
 * measured in headless Chromium with the cache disabled, via the DevTools protocol.
 */
import { launchBrowser } from '../support/browser';

export const benchPages = ['/', '/program', '/kursus', '/kursus/DA-301'];

export async function measurePages(baseUrl: string) {
  const { browser, close } = await launchBrowser();
  const rows: { path: string; js: number; css: number; html: number; requests: number }[] = [];
  try {
    for (const path of benchPages) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const types = new Map<string, string>();
      const sizes = { js: 0, css: 0, html: 0, requests: 0 };
      cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
      cdp.on('Network.loadingFinished', (e) => {
        const type = types.get(e.requestId);
        sizes.requests++;
        if (type === 'Script') sizes.js += e.encodedDataLength;
        else if (type === 'Stylesheet') sizes.css += e.encodedDataLength;
        else if (type === 'Document') sizes.html += e.encodedDataLength;
      });
      await page.goto(new URL(path, baseUrl).toString(), { waitUntil: 'networkidle' });
      rows.push({ path, ...sizes });
      await context.close();
    }
  } finally {
    await close();
  }
  return rows;
}
