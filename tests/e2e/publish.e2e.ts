import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cliIo';
import { main } from '../../src/cli/main';
import { fieldText } from '../../src/domain/entry/types';
import { r2Sample } from '../../src/domain/sample/r2';
import { launchBrowser } from './pane';

/**
 * The published report (suishin publish on the demo master) as a visitor of the town's website gets it:
 * opened from disk in Chromium with every request refused, checked by axe-core (every rule, every impact),
 * printed to A4 and read back with poppler: every entry's text is in the PDF and no word lies outside its
 * page. `npm run screenshots` (or SUISHIN_SCREENSHOTS) keeps a screenshot for the README in docs/screenshots.
 */
const SHOTS = process.env.SUISHIN_SCREENSHOTS
  ? resolve(process.env.SUISHIN_SCREENSHOTS)
  : process.env.npm_lifecycle_event === 'screenshots'
    ? resolve(import.meta.dirname, '../../docs/screenshots')
    : undefined;

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const quiet: CliIo = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  cwd: '/',
  now: () => new Date(2021, 2, 31, 17, 5, 9),
};

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly targets: readonly string[];
}

/** axe-core's whole run on the page: the violations, and how many rules passed (it did check). */
async function axe(page: Page): Promise<{ violations: Violation[]; passes: number }> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
            passes: unknown[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
      passes: result.passes.length,
    };
  });
}

/** Text compared without white space: the PDF breaks lines where the page does. */
const squash = (text: string): string => text.replace(/\s+/g, '');

let dir = '';
let htmlPath = '';
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suishin-publish-e2e-'));
  expect(await main(['demo', '--out', join(dir, 'demo')], quiet)).toBe(0);
  expect(await main(['publish', join(dir, 'demo', 'master.xlsx'), '--out', join(dir, 'pub')], quiet)).toBe(0);
  htmlPath = join(dir, 'pub', 'report.html');
  // A master of one department's file: the other items are 未提出, shown in the report as such.
  const partial = join(dir, 'partial.xlsx');
  const demoMaster = join(dir, 'demo', 'master.xlsx');
  const one = join(dir, 'demo', '提出', '総務課.xlsx');
  expect(await main(['consolidate', '--plan', demoMaster, one, '--out', partial], quiet)).toBe(0);
  expect(await main(['publish', partial, '--out', join(dir, 'partial')], quiet)).toBe(0);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort('blockedbyclient'),
  );
  page = await context.newPage();
  await page.goto(pathToFileURL(htmlPath).href);
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('report.html in Chromium (suishin publish on the demo master)', () => {
  it('loads nothing but itself', () => {
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
  });

  it('axe-core reports no violation of any rule, of any impact', async () => {
    const { violations, passes } = await axe(page);
    expect(violations).toEqual([]);
    // The rules that had something to check on this page and found it right (headings, tables, lang, …).
    expect(passes).toBeGreaterThan(15);
    console.log(`axe-core: ${violations.length} violations, ${passes} rules passed`);
  });

  it('axe-core finds no violation either in a report where most items are 未提出', async () => {
    const other = await page.context().newPage();
    await other.goto(pathToFileURL(join(dir, 'partial', 'report.html')).href);
    expect(await other.locator('p.missing').count()).toBeGreaterThan(10);
    const { violations } = await axe(other);
    expect(violations).toEqual([]);
    await other.close();
  });

  it('links in the table of contents move to their heading', async () => {
    const links = page.locator('nav a');
    expect(await links.count()).toBeGreaterThan(4);
    const last = links.last();
    const target = (await last.getAttribute('href'))!;
    await last.click();
    expect(await page.evaluate(() => location.hash)).toBe(target);
    const top = await page.locator(target).evaluate((e) => e.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
  });

  it("prints on A4 with every entry's text, and no word outside its page", async () => {
    const pdfPath = join(dir, 'report.pdf');
    writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
    const sample = r2Sample();
    let checked = 0;
    for (const entry of sample.entries)
      for (const field of sample.form.fields) {
        const written = squash(fieldText(entry.fields, field.key));
        if (written === '') continue;
        expect(text, `${entry.code} ${entry.department} ${field.label}`).toContain(written);
        checked++;
      }
    expect(checked).toBeGreaterThan(200);
    // Every word's box within its page (poppler's -bbox: page size, then each word's box in points).
    const boxes = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const pageBoxes = [...boxes.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
    expect(pageBoxes).toHaveLength(pages);
    let words = 0;
    for (const [, w, h, body] of pageBoxes)
      for (const m of body!.matchAll(
        /xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"/g,
      )) {
        words++;
        const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number];
        expect(x0).toBeGreaterThanOrEqual(0);
        expect(y0).toBeGreaterThanOrEqual(0);
        expect(x1).toBeLessThanOrEqual(Number(w));
        expect(y1).toBeLessThanOrEqual(Number(h));
      }
    expect(words).toBeGreaterThan(1000);
    // A page image of the first entry page, for a look (kept with the screenshots).
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1000, height: 1400 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const path = join(SHOTS, 'publish-report.png');
      await page.screenshot({ path });
      expect(statSync(path).size).toBeGreaterThan(10_000);
    }
    console.log(`report.pdf: ${pages} pages (A4), ${words} words, ${checked} field texts found`);
  });
});
