import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { downloads, launchBrowser, openPane, tab } from './pane';
import { PLANTED_FILE } from './fixtures';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');

/**
 * Each tab in use, at a task pane's width (320 px) and a browser window's (800 px). `npm run screenshots`
 * writes them to docs/screenshots/ for the README; otherwise they go to a temporary folder (still taken:
 * a failure to render shows up here too).
 */
const OUT = process.env.SUISHIN_SCREENSHOTS
  ? resolve(process.env.SUISHIN_SCREENSHOTS)
  : process.env.npm_lifecycle_event === 'screenshots'
    ? resolve(import.meta.dirname, '../../docs/screenshots')
    : mkdtempSync(join(tmpdir(), 'suishin-shots-'));
const WIDTHS = [320, 800] as const;
/** Tall enough to show a tab's result, short enough to read in the README. */
const HEIGHT: Readonly<Record<(typeof WIDTHS)[number], number>> = { 320: 1100, 800: 1000 };

async function shoot(page: Page, name: string, width: number, tall = 1): Promise<void> {
  const path = join(OUT, `${name}-${width}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const max = HEIGHT[width as 320 | 800] * tall;
  // Down to the end of what the tab shows (the page itself is at least a screen tall), and a margin.
  const bottom = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll('header, [role="tabpanel"]:not([hidden]) *'), (e) =>
        Math.ceil(e.getBoundingClientRect().bottom),
      ),
    ),
  );
  const height = Math.min(max, bottom + 24);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height } });
  expect(statSync(path).size).toBeGreaterThan(10_000);
}

describe('screenshots of every tab at 320 px and 800 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS)
    it(`${width} px`, async () => {
      const pane = await openPane(browser, baseUrl, { width, height: HEIGHT[width] });
      const { page } = pane;
      try {
        await shoot(page, 'start', width);

        await page
          .locator('input[type="file"][aria-label="開くブック"]')
          .first()
          .setInputFiles(fixtures.master);
        await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();
        await shoot(page, 'plan', width);

        const build = tab(page, 'シート作成');
        await build.tab.click();
        await build.panel.getByRole('combobox', { name: '年度' }).selectOption({ label: '令和2年度' });
        await build.panel
          .getByRole('radio', { name: '課ごとのブックを .zip にまとめてダウンロード' })
          .check();
        await downloads(page, 1, () => build.panel.getByRole('button', { name: /^シートを作成/ }).click());
        await build.panel.getByText(/にまとめてダウンロードしました/).waitFor();
        await shoot(page, 'build', width);

        const consolidate = tab(page, '集約');
        await consolidate.tab.click();
        await consolidate.panel
          .getByLabel('集約する各課のファイル')
          .setInputFiles([...fixtures.departments, fixtures.corrupt]);
        await consolidate.panel.getByRole('button', { name: '9 個のファイルを集約' }).click();
        await consolidate.panel.getByLabel('集約の結果').waitFor();
        // The results come after the list of files: show them too.
        await shoot(page, 'consolidate', width, width === 320 ? 2.3 : 1.8);

        await page
          .locator('input[type="file"][aria-label="開くブック"]')
          .first()
          .setInputFiles(fixtures.planted);
        // The consolidated master was not downloaded: opening another workbook asks first.
        const unsaved = page.getByRole('alertdialog');
        await unsaved.waitFor();
        await unsaved.getByRole('button', { name: 'ダウンロードせずに開く' }).click();
        // Opening runs in the worker: validate only once the header names the department workbook.
        await page.locator('header').getByText(PLANTED_FILE).waitFor();
        const validate = tab(page, '検証');
        await validate.tab.click();
        await validate.panel
          .getByRole('combobox', { name: '確認する時期' })
          .selectOption({ label: '年度末' });
        await validate.panel.getByRole('button', { name: 'このブックを検証' }).click();
        await validate.panel.getByRole('button', { name: /だいたい達成/ }).click();
        await validate.panel.getByRole('table', { name: /のセル D9 付近$/ }).waitFor();
        await shoot(page, 'validate', width);
        expect(pane.workRequests()).toEqual([]);
      } finally {
        await pane.close();
      }
    });

  // The 体系 tab with a 様式 of its own: the KPI sample (its 体系, 様式 and 全体計画) inserted in file mode.
  for (const width of WIDTHS)
    it(`${width} px: the 様式 on the 体系 tab`, async () => {
      const pane = await openPane(browser, baseUrl, { width, height: HEIGHT[width] });
      const { page } = pane;
      try {
        await page.getByRole('button', { name: 'サンプル（指標 こもれび町）を挿入' }).click();
        await page
          .locator('[role="tabpanel"]:not([hidden])')
          .getByText(/の体系を挿入しました/)
          .waitFor();
        await page.getByText('様式シート「様式」から読み込み').waitFor();
        await page.getByRole('table', { name: '様式の項目' }).waitFor();
        await shoot(page, 'form', width);
        expect(pane.workRequests()).toEqual([]);
      } finally {
        await pane.close();
      }
    });
});
