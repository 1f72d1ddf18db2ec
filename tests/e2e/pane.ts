import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/launchBrowser';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/';

export { launchBrowser };

export interface RecordedRequest {
  readonly url: string;
  /** `load`: while the page loads (until file mode says it needs nothing more); `work`: afterwards. */
  readonly phase: 'load' | 'work';
}

export interface Pane {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly requests: readonly RecordedRequest[];
  /** Uncaught errors in the page or its worker. */
  readonly errors: readonly string[];
  /** Requests that left 127.0.0.1, other than office.js (which is refused, as on a machine without Office). */
  foreignRequests(): string[];
  /** Requests of any kind made after the page had loaded (opening, building, validating, consolidating). */
  workRequests(): string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  readonly width?: number;
  readonly height?: number;
  /** Allow injecting axe-core as an inline script (the page's CSP forbids inline scripts otherwise). */
  readonly bypassCsp?: boolean;
  /** Runs in the page before its own scripts (e.g. take `Worker` away). */
  readonly initScript?: string;
  /** Serve this script as office.js instead of refusing it (a stand-in for Office outside Excel). */
  readonly officeJs?: string;
}

/**
 * The task pane in file mode, as a user in a plain browser gets it: office.js cannot be loaded (the CDN is
 * refused here, deterministically), every request is recorded, and once the page reports that it has
 * loaded everything it needs (`data-offline-ready`), the browser goes offline for the rest of the test.
 */
export async function openPane(browser: Browser, baseUrl: string, options: PaneOptions = {}): Promise<Pane> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 800, height: options.height ?? 900 },
    acceptDownloads: true,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    bypassCSP: options.bypassCsp ?? false,
    // No transitions: a button fading in from its disabled grey would be caught mid-way by axe or a screenshot.
    reducedMotion: 'reduce',
  });
  const requests: RecordedRequest[] = [];
  const errors: string[] = [];
  let phase: RecordedRequest['phase'] = 'load';
  context.on('request', (request) => {
    requests.push({ url: request.url(), phase });
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${baseUrl}/`)) return route.continue();
    if (url.startsWith(OFFICE_JS) && options.officeJs !== undefined)
      return route.fulfill({ contentType: 'text/javascript', body: options.officeJs });
    return route.abort('blockedbyclient');
  });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  // File choosers are intercepted for the whole test: each `waitForEvent('filechooser')` turning interception on
  // and off again races the key press that opens the next one (the native dialog then opens unseen).
  page.on('filechooser', () => undefined);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('worker', (worker) => worker.on('console', (m) => m.type() === 'error' && errors.push(m.text())));
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.locator('#container[data-offline-ready="true"]').waitFor({ timeout: 30_000 });
  phase = 'work';
  await context.setOffline(true);
  return {
    page,
    context,
    requests,
    errors,
    foreignRequests: () =>
      requests
        .map((r) => r.url)
        .filter((url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith(OFFICE_JS)),
    workRequests: () => requests.filter((r) => r.phase === 'work').map((r) => r.url),
    close: () => context.close(),
  };
}

/** A tab of the pane by its label, and its panel. */
export function tab(page: Page, label: string): { readonly tab: Locator; readonly panel: Locator } {
  return {
    tab: page.getByRole('tab', { name: label }),
    panel: page.locator(`[role="tabpanel"]:not([hidden])`),
  };
}

export interface Saved {
  readonly name: string;
  readonly path: string;
}

/** Run `action`, collect `count` downloads, save them to a fresh folder. */
export async function downloads(page: Page, count: number, action: () => Promise<void>): Promise<Saved[]> {
  const got: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const on = (download: Download) => {
      got.push(download);
      if (got.length === count) {
        page.off('download', on);
        resolve();
      }
    };
    page.on('download', on);
  });
  await action();
  await all;
  const dir = mkdtempSync(join(tmpdir(), 'suishin-dl-'));
  return Promise.all(
    got.map(async (d) => {
      const path = join(dir, d.suggestedFilename());
      await d.saveAs(path);
      return { name: d.suggestedFilename(), path };
    }),
  );
}

/** Drop files on an element the way a file manager does: a DataTransfer in dragenter/dragover/drop events. */
export async function dropFiles(target: Locator, paths: readonly string[]): Promise<void> {
  const files = paths.map((path) => ({
    name: basename(path),
    base64: readFileSync(path).toString('base64'),
  }));
  await target.evaluate((element, list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(
        new File([bytes], f.name, {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          lastModified: Date.UTC(2021, 2, 31),
        }),
      );
    }
    for (const type of ['dragenter', 'dragover', 'drop'])
      element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Tabster (Fluent UI's focus manager) puts focusable `aria-hidden` sentinels (`data-tabster-dummy`) around
 * focus groups; they hand the focus on at once. axe's aria-hidden-focus reports them: a known false positive
 * (microsoft/tabster#288), suppressed the same way by Accessibility Insights (accessibility-insights-web#7605).
 */
const isTabsterSentinel = (ruleId: string, html: string): boolean =>
  ruleId === 'aria-hidden-focus' && html.includes('data-tabster-dummy');

/** axe-core on the page as it is now; the serious and critical violations (needs `bypassCsp`). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE_SOURCE });
    // Colours are measured as painted: a button still fading in from its disabled grey would be reported.
    await page.addStyleTag({
      content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
    });
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; html: string }[];
    }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterSentinel(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`),
    }));
}

/** The number shown beside a label in a StatTiles list (`体系の件数` / `取組項目` → 21). */
export async function statValue(page: Page, list: string, label: string): Promise<number> {
  const tile = page
    .locator(`dl[aria-label="${list}"] > div`)
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
  return Number(await tile.locator('dd').textContent());
}

/** Start recording every progress label the page shows (a bar can come and go between two polls). */
export const recordProgress = (page: Page): Promise<void> =>
  page.evaluate(`(() => {
    const seen = (window.__progress = []);
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        const label = bar.getAttribute('aria-label');
        if (label && seen[seen.length - 1] !== label) seen.push(label);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);

export const recordedProgress = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);

/** Start counting animation frames: their timestamps show whether the main thread kept painting. */
export const recordFrames = (page: Page): Promise<void> =>
  page.evaluate(`(() => {
    const frames = (window.__frames = []);
    const tick = (t) => { frames.push(t); requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);

/** Frames painted since `from` (page time, ms) and the longest gap between two of them. */
export async function framesSince(
  page: Page,
  from: number,
): Promise<{ frames: number; longestGap: number; ms: number }> {
  const { frames, now } = await page.evaluate(() => ({
    frames: (window as unknown as { __frames: number[] }).__frames,
    now: performance.now(),
  }));
  const times = [from, ...frames.filter((t) => t > from), now];
  let longestGap = 0;
  for (let i = 1; i < times.length; i++) longestGap = Math.max(longestGap, times[i]! - times[i - 1]!);
  return { frames: times.length - 2, longestGap: Math.round(longestGap), ms: Math.round(now - from) };
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/**
 * One browser and one file-mode pane for a describe block: its tests run in order on the same pane, as a
 * user works through a scenario. Opened before the first test, closed after the last.
 */
export function paneForSuite(baseUrl: string): () => Pane {
  let browser: Browser | undefined;
  let pane: Pane | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    pane = await openPane(browser, baseUrl);
  });
  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });
  return () => {
    if (!pane) throw new Error('the pane is not open');
    return pane;
  };
}

/** The check every scenario ends with: no request after the page had loaded, none off this machine, no page error. */
export function itMadeNoRequests(pane: () => Pane): void {
  it('made no request after the page had loaded, and none off this machine', () => {
    expect(pane().workRequests()).toEqual([]);
    expect(pane().foreignRequests()).toEqual([]);
    expect(pane().errors).toEqual([]);
  });
}

export const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((element) => element === document.activeElement);

/** Press Tab until `target` has the focus: proves it is reachable from the keyboard, in tab order. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await target.count()) === 1 && (await isFocused(target))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable with Tab in ${max} presses: ${target.toString()}`);
}

/**
 * Into a list that is one Tab stop (the findings: a roving tabindex), then ArrowDown until `target` has the
 * focus: proves the list is entered with Tab and walked with the arrow keys.
 */
export async function tabIntoListTo(page: Page, list: Locator, target: Locator, max = 80): Promise<void> {
  await tabTo(page, list.locator('button[tabindex="0"]'));
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Not reachable with ArrowDown in ${max} presses: ${target.toString()}`);
}
