/**
 * What a first visit costs on the wire: JS and CSS bytes (as transferred, gzip) per page,
 * measured in headless Chromium with the cache disabled, via the DevTools protocol.
 * Bodies only (the budget's definition); response headers are counted separately.
 */
import { launchBrowser } from '../support/browser';

export const benchPages = ['/', '/program', '/kursus', '/kursus/DA-301'];

export async function measurePages(baseUrl: string) {
  const browser = await launchBrowser();
  const rows: { path: string; js: number; css: number; html: number; headers: number; requests: number }[] = [];
  try {
    for (const path of benchPages) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const seen = new Map<string, { type: string; headers: number }>();
      const sizes = { js: 0, css: 0, html: 0, headers: 0, requests: 0 };
      cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { encodedDataLength: number } }) =>
        seen.set(e.requestId, { type: e.type, headers: e.response.encodedDataLength }));
      cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
        const r = seen.get(e.requestId);
        if (!r) return;
        const body = e.encodedDataLength - r.headers;
        sizes.requests++;
        sizes.headers += r.headers;
        if (r.type === 'Script') sizes.js += body;
        else if (r.type === 'Stylesheet') sizes.css += body;
        else if (r.type === 'Document') sizes.html += body;
      });
      await page.goto(new URL(path, baseUrl).toString(), { waitUntil: 'networkidle' });
      rows.push({ path, ...sizes });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
