import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLANTED_FILE } from './fixtures';
import {
  downloads,
  isFocused,
  launchBrowser,
  openPane,
  seriousViolations,
  tabIntoListTo,
  tabTo,
  type Pane,
} from './pane';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');

/** Select a tab of the pane with the keyboard only: Tab into the tab list, arrows to the tab, Enter. */
async function selectTab(page: Page, label: string): Promise<Locator> {
  await tabTo(page, page.locator('[role="tab"][aria-selected="true"]'));
  const target = page.getByRole('tab', { name: label });
  for (let i = 0; i < 4 && !(await isFocused(target)); i++) await page.keyboard.press('ArrowRight');
  expect(await isFocused(target)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await target.getAttribute('aria-selected')).toBe('true');
  return page.locator('[role="tabpanel"]:not([hidden])');
}

/** A file picker opened from the keyboard (Enter on the focused button), given files. */
async function pickWithKeyboard(page: Page, button: Locator, files: string | string[]): Promise<void> {
  await tabTo(page, button);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(files);
}

describe('keyboard only, and axe-core on every tab (scenario 4)', () => {
  let browser: Browser;
  let pane: Pane;
  const violations: Record<string, Awaited<ReturnType<typeof seriousViolations>>> = {};
  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core is injected as an inline script, which the page's own CSP (rightly) refuses.
    pane = await openPane(browser, baseUrl, { bypassCsp: true });
  });
  afterAll(async () => {
    await pane?.close();
    await browser?.close();
  });

  it('体系: opens the master workbook and searches the tree from the keyboard', async () => {
    const { page } = pane;
    violations['体系 (empty)'] = await seriousViolations(page);
    await pickWithKeyboard(page, page.getByRole('button', { name: 'ブックを開く' }), fixtures.master);
    await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();
    await tabTo(page, page.getByRole('textbox', { name: '取組項目を検索' }));
    await page.keyboard.type('ICT');
    await page.keyboard.press('Enter');
    const focused = page.locator('[role="treeitem"]:focus');
    expect(await focused.textContent()).toContain('II 効果的な行財政運営');
    await page.keyboard.press('End');
    expect(await page.locator('[role="treeitem"]:focus').textContent()).toContain('ICT');
    violations['体系'] = await seriousViolations(page);
  });

  it('シート作成: chooses the .zip target with the arrow keys and builds with Enter', async () => {
    const { page } = pane;
    const panel = await selectTab(page, 'シート作成');
    await tabTo(page, panel.getByRole('radio', { checked: true }));
    const zip = panel.getByRole('radio', { name: '課ごとのブックを .zip にまとめてダウンロード' });
    for (let i = 0; i < 4 && !(await zip.isChecked()); i++) await page.keyboard.press('ArrowDown');
    expect(await zip.isChecked()).toBe(true);
    const build = panel.getByRole('button', { name: /^シートを作成（8 課・/ });
    await tabTo(page, build);
    const [file] = await downloads(page, 1, () => page.keyboard.press('Enter'));
    expect(file!.name).toMatch(/_課別シート\.zip$/);
    await panel.getByText(/にまとめてダウンロードしました/).waitFor();
    violations['シート作成'] = await seriousViolations(page);
  });

  it('集約: picks the files, consolidates and reaches the downloads from the keyboard', async () => {
    const { page } = pane;
    const panel = await selectTab(page, '集約');
    await pickWithKeyboard(page, panel.getByRole('button', { name: '各課のファイルを選択' }), [
      ...fixtures.departments,
      fixtures.corrupt,
    ]);
    const run = panel.getByRole('button', { name: '9 個のファイルを集約' });
    await run.waitFor();
    await tabTo(page, run);
    await page.keyboard.press('Enter');
    await panel.getByLabel('集約の結果').waitFor();
    const master = panel.getByRole('button', { name: '全体計画 (.xlsx) をダウンロード' });
    await tabTo(page, master);
    const [file] = await downloads(page, 1, () => page.keyboard.press('Enter'));
    expect(file!.name).toBe('令和2年度_全体計画.xlsx');
    violations['集約'] = await seriousViolations(page);
  });

  it('検証: opens a department workbook from the header, validates, and previews a finding with Enter', async () => {
    const { page } = pane;
    await pickWithKeyboard(
      page,
      page.getByRole('button', { name: 'Excel ブック (.xlsx) を開く' }),
      fixtures.planted,
    );
    await page.locator('header').getByText(PLANTED_FILE).waitFor();
    const panel = await selectTab(page, '検証');
    const validate = panel.getByRole('button', { name: 'このブックを検証' });
    await tabTo(page, validate);
    await page.keyboard.press('Enter');
    const findings = panel.getByRole('region', { name: '検証の指摘' });
    await findings.waitFor();
    const finding = findings.getByRole('button', { name: /だいたい達成/ });
    await tabIntoListTo(page, findings, finding);
    // The focus ring (an absolutely placed ::after) is drawn, and around the row: its containing block is
    // the button itself, not the page (it used to circle the whole viewport, invisible on the row).
    const ring = await finding.evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      const box = el.getBoundingClientRect();
      return {
        drawn: after.content !== 'none' && after.position === 'absolute',
        containedBy: getComputedStyle(el).position,
        width: Math.round(parseFloat(after.width)) <= Math.round(box.width) + 4,
      };
    });
    expect(ring).toEqual({ drawn: true, containedBy: 'relative', width: true });
    await page.keyboard.press('Enter');
    await panel.getByRole('table', { name: /のセル D9 付近$/ }).waitFor();
    violations['検証'] = await seriousViolations(page);
  });

  it('axe-core finds no serious or critical violation on any tab', () => {
    expect(Object.keys(violations)).toEqual(['体系 (empty)', '体系', 'シート作成', '集約', '検証']);
    expect(violations).toEqual({ '体系 (empty)': [], 体系: [], シート作成: [], 集約: [], 検証: [] });
    expect(pane.workRequests()).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
