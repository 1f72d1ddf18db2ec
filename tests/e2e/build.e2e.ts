import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { departmentFileName } from '../../src/app/buildWorkbooks';
import { itemsForDepartment } from '../../src/domain/plan/planItems';
import { r2Sample } from '../../src/domain/sample/r2';
import { readWorkbook } from './xlsx';
import { downloads, dropFiles, itMadeNoRequests, paneForSuite, statValue, tab } from './pane';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');
const { plan } = r2Sample();

/** What a department workbook must hold: 目次 and one blank 取組項目 sheet per item of the department, tagged. */
function expectDepartmentWorkbook(wb: ExcelJS.Workbook, department: string): void {
  const items = itemsForDepartment(plan, department);
  const names = wb.worksheets.map((ws) => ws.name);
  expect(names[0]).toBe('目次');
  expect(names.slice(1)).toEqual(items.map((i) => `${i.code} ${department}`));
  for (const ws of wb.worksheets.slice(1)) {
    const meta = String(ws.getCell('F1').value);
    expect(meta).toContain(`department=${department}`);
    expect(meta).toContain('year=2020');
    expect(ws.getCell('D3').value ?? '').toBe(''); // 目指す姿: for the department to fill
  }
}

describe('シート作成 in file mode (scenario 1)', () => {
  const pane = paneForSuite(baseUrl);

  it('opens the R2 master template dropped on the page and shows its 体系', async () => {
    const { page } = pane();
    await page.getByText('Excel の外で動いています（ファイル モード）').waitFor();
    await dropFiles(page.getByText('ここに .xlsx ファイルをドロップすることもできます').locator('..'), [
      fixtures.master,
    ]);
    await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();
    expect(await page.locator('header').textContent()).toContain('令和2年度_全体計画.xlsx');
    expect(await statValue(page, '体系の件数', '基本項目')).toBe(2);
    expect(await statValue(page, '体系の件数', '取組項目')).toBe(21);
    expect(await statValue(page, '体系の件数', '実践課')).toBe(8);
    await page.getByText('問題はありません。').waitFor();
    await page.getByRole('treeitem', { name: /効果的な情報発信手法の研究実施/ }).waitFor();
  });

  it('builds the 8 department workbooks and downloads them one by one', async () => {
    const { page } = pane();
    const { tab: build, panel } = tab(page, 'シート作成');
    await build.click();
    await panel.getByRole('combobox', { name: '年度' }).selectOption({ label: '令和2年度' });
    await panel.getByRole('radio', { name: '課ごとのブック (.xlsx) をダウンロード' }).check();
    const sheets = plan.departments.reduce((n, d) => n + itemsForDepartment(plan, d).length + 1, 0);
    const button = panel.getByRole('button', { name: `シートを作成（8 課・${sheets} シート）` });
    const files = await downloads(page, 8, () => button.click());

    expect(files.map((f) => f.name).sort()).toEqual(plan.departments.map(departmentFileName).sort());
    for (const file of files) {
      const department = file.name.replace(/\.xlsx$/, '');
      expectDepartmentWorkbook(await readWorkbook(file.path), department);
    }
    await panel
      .getByText(`8 個のブック（計 ${sheets} シート）を 1 つずつブラウザーに渡しました`, { exact: false })
      .waitFor();
  });

  it('builds them again as one .zip', async () => {
    const { page } = pane();
    const { panel } = tab(page, 'シート作成');
    await panel.getByRole('radio', { name: '課ごとのブックを .zip にまとめてダウンロード' }).check();
    const [zip] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: /^シートを作成（8 課・/ }).click(),
    );
    expect(zip!.name).toBe('令和2年度_課別シート.zip');
    const archive = unzipSync(readFileSync(zip!.path));
    const names = Object.keys(archive).sort();
    expect(names).toEqual(plan.departments.map(departmentFileName).sort());
    const education = archive['教育振興課.xlsx']!;
    // 教育振興課 takes part only in 全課 items: its workbook still gets a sheet for each of them.
    expectDepartmentWorkbook(await readWorkbook(education), '教育振興課');
    await panel
      .getByText('「令和2年度_課別シート.zip」にまとめてダウンロードしました', { exact: false })
      .waitFor();
  });

  itMadeNoRequests(pane);
});
