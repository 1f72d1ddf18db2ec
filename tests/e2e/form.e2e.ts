import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { departmentFileName } from '../../src/app/buildWorkbooks';
import { readDepartmentFile } from '../../src/app/readDepartmentFile';
import { cellText } from '../../src/domain/extract/snapshot';
import { buildFormSheet, FORM_HEADER_ROW } from '../../src/domain/form/buildFormSheet';
import { FORM_COLUMN_ORDER } from '../../src/domain/form/formColumns';
import { itemsForDepartment } from '../../src/domain/plan/planItems';
import { kpiSample } from '../../src/domain/sample/kpi';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import type { SheetSpec } from '../../src/domain/template/sheetSpec';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { downloads, itMadeNoRequests, paneForSuite, tab } from './pane';

const baseUrl = inject('baseUrl');
const kpi = kpiSample();
const DEPARTMENT = '税務課';
/** The 基準値 row of the KPI 様式 (the third field), its 種類 typed wrong: cell D5. */
const BROKEN_ROW = FORM_HEADER_ROW + 1 + kpi.form.fields.findIndex((f) => f.label === '基準値');
const BROKEN_CELL = `D${BROKEN_ROW + 1}`;

/** A 体系 workbook (体系, 様式, 全体計画) of the KPI sample, its 様式 sheet changed by `edit`. */
async function kpiMaster(path: string, edit: (sheet: SheetSpec) => SheetSpec = (s) => s): Promise<string> {
  const master = buildMasterTemplate({ plan: kpi.plan, fiscalYear: kpi.fiscalYear, title: kpi.planTitle });
  const [plan, ...rest] = master.sheets;
  const workbook = await excelJsFactory.create({
    ...master,
    sheets: [plan!, edit(buildFormSheet(kpi.form)), ...rest],
  });
  writeFileSync(path, await workbook.toBuffer());
  await workbook.close();
  return path;
}

/** The 様式 with 基準値's 種類 written as 「数字」, a kind the form does not know. */
const withUnknownKind = (sheet: SheetSpec): SheetSpec => {
  const column = FORM_COLUMN_ORDER.indexOf('kind');
  expect(sheet.cells.find((c) => c.row === BROKEN_ROW && c.column === column)?.value).toBe('数値');
  return {
    ...sheet,
    cells: sheet.cells.map((c) =>
      c.row === BROKEN_ROW && c.column === column ? { ...c, value: '数字' } : c,
    ),
  };
};

/** The 項目 of each row of the 体系 tab's 様式 table, in order. */
const fieldLabels = (page: Page): Promise<string[]> =>
  page
    .getByRole('table', { name: '様式の項目' })
    .locator('tbody tr td:first-child > span:first-child')
    .allInnerTexts();

/** The cells of the 様式 table's row for the field labelled `label`. */
const fieldCells = (page: Page, label: string): Promise<string[]> =>
  page
    .getByRole('table', { name: '様式の項目' })
    .locator('tbody tr')
    .filter({ has: page.locator('td:first-child > span:first-child', { hasText: new RegExp(`^${label}$`) }) })
    .locator('td')
    .allInnerTexts();

describe('a 体系 workbook with its own 様式, in file mode (issue 16)', () => {
  const pane = paneForSuite(baseUrl);
  let dir: string;
  let master: string;
  let broken: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'suishin-form-'));
    master = await kpiMaster(join(dir, 'こもれび町_全体計画.xlsx'));
    broken = await kpiMaster(join(dir, '様式に誤り.xlsx'), withUnknownKind);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the workbook and lists the 様式’s fields on the 体系 tab', async () => {
    const { page } = pane();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(master);
    await page.getByRole('heading', { name: 'シート「体系」・令和6年度' }).waitFor();
    await page.getByText('様式シート「様式」から読み込み').waitFor();
    const listed = await fieldLabels(page);
    expect(listed).toEqual(kpi.form.fields.map((f) => f.label));
    expect(await fieldCells(page, '達成率')).toEqual(['達成率\n計算式: 実績値 / 目標値', '計算', '—']);
    expect(await fieldCells(page, '基準値')).toEqual([expect.stringMatching(/^基準値/), '数値', '計画']);
    const rating = await fieldCells(page, '判定');
    expect(rating[0]).toContain('選択肢: S、A、B、C');
    expect(rating[0]).toContain('判定: 達成率 >= 110% → S');
    expect(rating[1]).toBe('選択 集計');
    expect(await page.getByRole('region', { name: '様式の問題' }).count()).toBe(0);
  });

  it('builds a department workbook whose entry sheets carry the 様式’s labels', async () => {
    const { page } = pane();
    const { tab: build, panel } = tab(page, 'シート作成');
    await build.click();
    await panel.getByText(`様式シート「様式」の ${kpi.form.fields.length} 項目で作成します。`).waitFor();
    await panel.getByRole('combobox', { name: '年度' }).selectOption({ label: '令和6年度' });
    await panel.getByRole('button', { name: 'すべて解除' }).click();
    await panel.getByRole('checkbox', { name: new RegExp(DEPARTMENT) }).check();
    await panel.getByRole('radio', { name: '課ごとのブック (.xlsx) をダウンロード' }).check();
    const [file] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: /^シートを作成（1 課・/ }).click(),
    );
    expect(file!.name).toBe(departmentFileName(DEPARTMENT));
    const read = await readDepartmentFile(new Uint8Array(readFileSync(file!.path)), file!.name);
    if (!read.ok) throw new Error(read.error.message);
    const items = itemsForDepartment(kpi.plan, DEPARTMENT);
    // The workbook carries its 様式, hidden, so that the department's file alone is checked by it.
    expect(read.value.sheets.find((s) => s.name === '様式')?.visibility).toBe('hidden');
    const entrySheets = read.value.sheets.filter((s) => s.name !== '目次' && s.name !== '様式');
    expect(entrySheets.map((s) => s.name)).toEqual(items.map((i) => `${i.code} ${DEPARTMENT}`));
    for (const sheet of entrySheets) {
      const texts = new Set(sheet.values.flat().map((v) => cellText(v).trim()));
      for (const label of ['取組の概要', '成果指標', '基準値', '目標値', '実績値', '達成率', '判定', '評価'])
        expect(texts, `${sheet.name}: ${label}`).toContain(label);
      // The R2 form's labels are not on a sheet of this form.
      for (const label of ['目指す姿', '取組内容', '目標の達成', '評価・検証'])
        expect(texts).not.toContain(label);
    }
  });

  it('a broken 様式 shows its findings with their cells, and the sheet around the cell when clicked', async () => {
    const { page } = pane();
    await tab(page, '体系').tab.click();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(broken);
    await page.locator('header').getByText('様式に誤り.xlsx').waitFor();
    const problems = page.getByRole('region', { name: '様式の問題' });
    const finding = problems.getByRole('button', { name: /種類「数字」は使えません/ });
    await finding.waitFor();
    expect(await finding.textContent()).toContain(`セル ${BROKEN_CELL}`);
    await page.getByText(/様式に誤りが 1 件あります/).waitFor();
    // The broken row is left out: 基準値 is not listed, the rest of the form is.
    const listed = await fieldLabels(page);
    expect(listed).not.toContain('基準値');
    expect(listed).toContain('目標値');
    await finding.click();
    await page.getByRole('table', { name: `シート「様式」のセル ${BROKEN_CELL} 付近` }).waitFor();
  });

  itMadeNoRequests(pane);
});
