import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MASTER_FILE, PLANTED_FILE } from './fixtures';
import { isFocused, launchBrowser, openPane, tab, tabIntoListTo, tabTo, type Pane } from './pane';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');

/** The focused element, as a screen reader names it: role and accessible name (aria-label or text). */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${name}`;
  });

/**
 * Records every time the focus leaves an element for nothing (the page): a button disabled or removed while
 * focused. `lost()` returns them since the last call.
 */
async function watchFocusLoss(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { lostFocus: string[] };
    w.lostFocus = [];
    document.addEventListener('focusout', (e) => {
      const target = e.target as HTMLElement;
      // Checked a frame later: by then the focus is where it went (or still on the page).
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null)
          w.lostFocus.push(target.getAttribute('aria-label') ?? target.textContent?.trim() ?? '');
      });
    });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { lostFocus: string[] };
      return w.lostFocus.splice(0);
    });
}

/** Heading levels of what is shown, in order (the hidden tabs left out). */
const headingLevels = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => h.closest('[hidden]') === null)
      .map((h) => Number(h.tagName.slice(1))),
  );

/** No heading is more than one level below the one before it, and each tab's first heading is an h2. */
function expectNoSkippedLevel(levels: readonly number[]): void {
  expect(levels[0]).toBe(1);
  if (levels.length > 1) expect(levels[1]).toBe(2);
  levels.forEach((level, i) => {
    if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
}

const liveRegion = (page: Page) => page.locator('[role="status"][aria-live="polite"][data-live-region]');

describe('focus, live region and headings from the keyboard (file mode)', () => {
  let browser: Browser;
  let pane: Pane;
  let lost: () => Promise<string[]>;
  beforeAll(async () => {
    browser = await launchBrowser();
    pane = await openPane(browser, baseUrl);
    lost = await watchFocusLoss(pane.page);
  });
  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });

  it('has one polite live region from the start, a main landmark, and headings from h1 to h2', async () => {
    const { page } = pane;
    expect(await liveRegion(page).count()).toBe(1);
    expect(await liveRegion(page).textContent()).toBe('');
    expect(await page.locator('main [role="tablist"]').count()).toBe(1);
    expect(await page.locator('main [role="tabpanel"]').count()).toBe(4);
    expectNoSkippedLevel(await headingLevels(page));
  });

  it('「Excel ブック (.xlsx) を開く」 keeps the focus while the workbook opens, and says so', async () => {
    const { page } = pane;
    const open = page.getByRole('button', { name: 'Excel ブック (.xlsx) を開く' });
    await tabTo(page, open);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(fixtures.planted);
    await page.locator('header').getByText(PLANTED_FILE).waitFor();
    await page.getByRole('heading', { name: 'このブックに体系がありません' }).waitFor();
    expect(await isFocused(open)).toBe(true);
    expect(await lost()).toEqual([]);
    await expect.poll(() => liveRegion(page).textContent()).toBe(`「${PLANTED_FILE}」を開きました。`);
  });

  it('「検証タブで記入を確認する」 takes the focus to the 検証 tab it opens', async () => {
    const { page } = pane;
    await tabTo(page, page.getByRole('button', { name: '検証タブで記入を確認する' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('tab: 検証');
  });

  it('検証: the button keeps the focus, the summary is announced, a finding opens and closes its preview', async () => {
    const { page } = pane;
    const { panel } = tab(page, '検証');
    const validate = panel.getByRole('button', { name: 'このブックを検証' });
    await tabTo(page, validate);
    await page.keyboard.press('Enter');
    const findings = panel.getByRole('region', { name: '検証の指摘' });
    await findings.waitFor();
    expect(await isFocused(validate)).toBe(true);
    expect(await lost()).toEqual([]);
    await expect.poll(() => liveRegion(page).textContent()).toMatch(/の検証: \d+ 件/);
    expectNoSkippedLevel(await headingLevels(page));

    const finding = findings.getByRole('button', { name: /だいたい達成/ });
    await tabIntoListTo(page, findings, finding);
    expect(await finding.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    const table = panel.getByRole('table', { name: /のセル D9 付近$/ });
    await table.waitFor();
    expect(await finding.getAttribute('aria-expanded')).toBe('true');
    const controls = await finding.getAttribute('aria-controls');
    expect(await page.locator(`[id="${controls}"]`).getByRole('table').count()).toBe(1);
    // Esc closes it, and the focus stays on the finding.
    await page.keyboard.press('Escape');
    await table.waitFor({ state: 'detached' });
    expect(await finding.getAttribute('aria-expanded')).toBe('false');
    expect(await finding.getAttribute('aria-controls')).toBeNull();
    expect(await isFocused(finding)).toBe(true);
    // Pressed again it opens; pressed once more it closes.
    await page.keyboard.press('Enter');
    await table.waitFor();
    await page.keyboard.press('Enter');
    await table.waitFor({ state: 'detached' });
    expect(await finding.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(finding)).toBe(true);
  });

  it('シート作成: 「前年度の全体計画を選択」 keeps the focus while last year’s master is read', async () => {
    const { page } = pane;
    // The 体系 of the master, opened from the header (nothing unsaved: 検証 changed nothing).
    const open = page.getByRole('button', { name: 'Excel ブック (.xlsx) を開く' });
    await tabTo(page, open);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(fixtures.master);
    await page.locator('header').getByText(MASTER_FILE).waitFor();
    const { tab: build, panel } = tab(page, 'シート作成');
    await build.click();
    const section = panel.getByRole('region', { name: '前年度の全体計画から作成（引継ぎ）' });
    const pick = section.getByRole('button', { name: '前年度の全体計画を選択' });
    await tabTo(page, pick);
    await lost();
    const picked = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await picked).setFiles(fixtures.master);
    await section
      .getByText(/令和2年度_全体計画\.xlsx/)
      .first()
      .waitFor();
    await expect.poll(() => pick.isEnabled()).toBe(true);
    expect(await isFocused(pick)).toBe(true);
    expect(await lost()).toEqual([]);
    expectNoSkippedLevel(await headingLevels(page));
  });

  it('集約: picking, removing and consolidating keep the focus on a control', async () => {
    const { page } = pane;
    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();
    const picker = panel.getByRole('button', { name: '各課のファイルを選択' });
    await tabTo(page, picker);
    await lost();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles([...fixtures.departments]);
    const count = fixtures.departments.length;
    const list = panel.getByRole('region', { name: '集約するファイル' });
    await list.getByRole('heading', { name: `ファイル（${count}）` }).waitFor();
    expect(await isFocused(picker)).toBe(true);
    expect(await lost()).toEqual([]);

    // 「… を外す」 on the first row: the next row's button takes the focus.
    const removes = list.getByRole('button', { name: / を外す$/ });
    const second = await removes.nth(1).getAttribute('aria-label');
    await tabTo(page, removes.first());
    await page.keyboard.press('Enter');
    await list.getByRole('heading', { name: `ファイル（${count - 1}）` }).waitFor();
    await expect.poll(() => focused(page)).toBe(`button: ${second}`);
    // On the last row: the new last row's.
    const beforeLast = await removes.nth(count - 3).getAttribute('aria-label');
    await removes.nth(count - 2).focus();
    await page.keyboard.press('Enter');
    await list.getByRole('heading', { name: `ファイル（${count - 2}）` }).waitFor();
    await expect.poll(() => focused(page)).toBe(`button: ${beforeLast}`);

    const run = panel.getByRole('button', { name: `${count - 2} 個のファイルを集約` });
    await tabTo(page, run);
    await lost();
    await page.keyboard.press('Enter');
    await panel.getByLabel('集約の結果').waitFor();
    expect(await isFocused(run)).toBe(true);
    expect(await lost()).toEqual([]);
    await expect.poll(() => liveRegion(page).textContent()).toMatch(/取組項目/);
    expectNoSkippedLevel(await headingLevels(page));
    // The next Tab goes on into the result (its downloads), not back to the top of the page.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button: 全体計画 (.xlsx) をダウンロード');

    // 「すべて外す」: the list goes, the focus goes to 「各課のファイルを選択」.
    await list.getByRole('button', { name: 'すべて外す' }).focus();
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(picker)).toBe(true);
    expect(pane.errors).toEqual([]);
  });

  it('at 320 px the four tabs fit without scrolling, the focused one’s ring in view', async () => {
    const { page } = pane;
    const wide = page.viewportSize()!;
    await page.setViewportSize({ width: 320, height: 600 });
    try {
      const list = page.getByRole('tablist', { name: '機能' });
      const fits = await list.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(true);
    } finally {
      await page.setViewportSize(wide);
    }
  });
});
