/**
 * Delivery (issue 18 §2): how soon a town hall's user sees the pane where office.js cannot come.
 *   - dist/suishin.html opened from a folder (file://) with the network off: first contentful paint, and the
 *     time until the 体系 tab and 「ブックを開く」 are there (interactive);
 *   - dist/taskpane.html over http while Microsoft's CDN holds the office.js request open (never answered):
 *     first contentful paint, the time until the page's own sentence 「推進を起動しています…」 is visible, and
 *     the time until the file-mode offer (with its reason) is shown;
 *   - for comparison, taskpane.html when office.js is refused at once (offline): time until file mode.
 * Median of 10 loads each, cold cache (a new browser context per load), headless Debian Chromium.
 * Goal (the issue's): first contentful paint ≤ 1 s in every case. Interactive and the offer are reported.
 * Usage: npm run build && npx tsx bench/delivery.ts
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/launchBrowser';

const DIST = join(import.meta.dirname, '..', 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOADS = 10;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const file = join(DIST, path);
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

/** Records paint entries and the page time when `text` first shows, from the page's first moment. */
const recorder = (text: string) => `(() => {
  window.__paints = {};
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__paints[e.name] = e.startTime; })
    .observe({ type: 'paint', buffered: true });
  const look = () => {
    if (document.body && document.body.innerText.includes(${JSON.stringify(text)})) window.__seen = performance.now();
    else requestAnimationFrame(look);
  };
  look();
})()`;

const pageTimes = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __paints: Record<string, number>; __seen?: number };
    return {
      fcp: w.__paints['first-contentful-paint'] ?? NaN,
      seen: w.__seen ?? NaN,
      now: performance.now(),
    };
  });

interface Row {
  readonly name: string;
  readonly columns: Record<string, number[]>;
}

async function measure(
  browser: Browser,
  name: string,
  open: (context: BrowserContext) => Promise<Record<string, number>>,
): Promise<Row> {
  const columns: Record<string, number[]> = {};
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 360, height: 800 } });
    try {
      for (const [k, v] of Object.entries(await open(context))) (columns[k] ??= []).push(v);
    } finally {
      await context.close();
    }
  }
  return { name, columns };
}

const browser = await launchBrowser();
const rows: Row[] = [];
try {
  rows.push(
    await measure(browser, 'suishin.html from file://, network off', async (context) => {
      await context.setOffline(true);
      await context.route('**', (r) => (r.request().url().startsWith('file://') ? r.continue() : r.abort()));
      await context.addInitScript({ content: recorder('推進を起動しています') });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(DIST, 'suishin.html')).href);
      await page.getByRole('tab', { name: /体系/ }).waitFor();
      await page.getByRole('button', { name: 'ブックを開く' }).first().waitFor();
      const t = await pageTimes(page);
      return { 'first contentful paint': t.fcp, 'sentence visible': t.seen, interactive: t.now };
    }),
  );
  rows.push(
    await measure(browser, 'taskpane.html, office.js held open by the CDN', async (context) => {
      await context.route('**', (r) => {
        const url = r.request().url();
        if (url.startsWith(`${base}/`)) return r.continue();
        if (url === OFFICE_JS) return undefined; // never answered
        return r.abort();
      });
      await context.addInitScript({ content: recorder('推進を起動しています') });
      const page = await context.newPage();
      await page.goto(`${base}/taskpane.html`, { waitUntil: 'commit' });
      await page.getByText('推進を起動しています').first().waitFor();
      const t = await pageTimes(page);
      await page.getByRole('button', { name: 'ファイル モードで使う' }).waitFor({ timeout: 15_000 });
      const offered = (await pageTimes(page)).now;
      return { 'first contentful paint': t.fcp, 'sentence visible': t.seen, 'file-mode offer': offered };
    }),
  );
  rows.push(
    await measure(browser, 'taskpane.html, office.js refused (offline)', async (context) => {
      await context.route('**', (r) => (r.request().url().startsWith(`${base}/`) ? r.continue() : r.abort()));
      await context.addInitScript({ content: recorder('推進を起動しています') });
      const page = await context.newPage();
      await page.goto(`${base}/taskpane.html`);
      await page.getByRole('button', { name: 'ブックを開く' }).first().waitFor();
      const t = await pageTimes(page);
      return { 'first contentful paint': t.fcp, 'sentence visible': t.seen, interactive: t.now };
    }),
  );
} finally {
  await browser.close();
  server.close();
}

const ms = (xs: readonly number[] | undefined) => (xs ? `${median(xs).toFixed(0)} ms` : '—');
const names = ['first contentful paint', 'sentence visible', 'interactive', 'file-mode offer'];
console.log(`| page (median of ${LOADS}, cold) | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.name} | ${names.map((n) => ms(r.columns[n])).join(' | ')} |`);

const failures: string[] = [];
for (const r of rows) {
  const fcp = r.columns['first contentful paint'];
  if (!fcp || fcp.some(Number.isNaN) || median(fcp) > 1000)
    failures.push(`${r.name}: first paint ${ms(fcp)}`);
}
if (failures.length > 0) {
  console.log(`\nGoals missed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
} else console.log('\nAll goals met.');
