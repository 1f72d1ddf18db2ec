/**
 * The pane (issue: benchmarks §3): production bundle sizes (initial chunk gzip, lazy chunks) and time to
 * interactive in headless Chromium — median of 10 loads, file mode, cold cache (a new browser context
 * each load). "Interactive" = the 体系 tab and the open-file button are rendered and enabled.
 * Goals: initial chunk ≤ 150 KB gzip — counted as everything the first screen loads (the page with its inlined
 * styles, and its scripts); interactive ≤ 1 s on this machine.
 * Usage: npm run build && npx tsx bench/pane.ts   (needs Debian chromium at /usr/bin/chromium)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/helpers/launchBrowser';

const DIST = join(import.meta.dirname, '..', 'dist');
const kb = (n: number) => (n / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
// What the first screen loads: the page itself (its styles are inlined in it), its scripts and stylesheets.
const initial = new Set(
  [
    'taskpane.html',
    ...[...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*\shref="?([^"\s>]+\.css)"?/g)].map((m) => m[1]!),
  ].filter((s) => !s.startsWith('http')),
);
const chunks = readdirSync(DIST)
  .filter((f) => f.endsWith('.js') || f.endsWith('.css') || f === 'taskpane.html')
  .map((f) => {
    const bytes = readFileSync(join(DIST, f));
    return {
      file: f,
      initial: initial.has(f),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  })
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.css': 'text/css',
  '.xml': 'application/xml',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const file = join(DIST, path === '/' ? 'taskpane.html' : path);
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const browser = await launchBrowser();
const loads: number[] = [];
try {
  for (let i = 0; i < 10; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    // office.js lives on Microsoft's CDN, unreachable here: the page must fall back to file mode at once.
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    const t = performance.now();
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
    await page.getByRole('tab', { name: /体系/ }).waitFor({ state: 'visible' });
    await page
      .getByRole('button', { name: /ファイルを開く|開く/ })
      .first()
      .waitFor({ state: 'visible' });
    loads.push(performance.now() - t);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const init = chunks.filter((c) => c.initial);
const initGzip = init.reduce((n, c) => n + c.gzip, 0);
console.log('| chunk | loaded | raw KB | gzip KB |');
console.log('|---|---|---|---|');
for (const c of chunks)
  console.log(`| ${c.file} | ${c.initial ? 'initial' : 'lazy'} | ${kb(c.raw)} | ${kb(c.gzip)} |`);
console.log(
  `| **first screen in all** (${init.length} files) | initial | ${kb(init.reduce((n, c) => n + c.raw, 0))} | ${kb(initGzip)} |`,
);
console.log(
  `\n| time to interactive (file mode, cold cache) | value |\n|---|---|\n| median of 10 | ${median(loads).toFixed(0)} ms |\n| all loads (ms) | ${loads.map((l) => l.toFixed(0)).join(', ')} |`,
);
const failures: string[] = [];
if (initGzip > 150 * 1024) failures.push(`first screen ${kb(initGzip)} KB gzip (goal ≤ 150 KB)`);
if (median(loads) > 1000)
  failures.push(`time to interactive ${median(loads).toFixed(0)} ms (goal ≤ 1000 ms)`);
if (failures.length > 0) {
  console.log(`\nGoals missed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
} else console.log('\nAll goals met.');
