import type ExcelJS from 'exceljs';
import { describe, expect, inject, it } from 'vitest';
import { downloads, itMadeNoRequests, paneForSuite, statValue, tab } from './pane';
import { readWorkbook } from './xlsx';
import { PLANTED_DEPARTMENT, PLANTED_FILE } from './fixtures';

const baseUrl = inject('baseUrl');
const fixtures = inject('fixtures');
const sheetOf = (code: string) => `${code} ${PLANTED_DEPARTMENT}`;

/** The three planted problems: sheet, cell, and the Japanese message the department reads. */
const PLANTED = [
  {
    sheet: sheetOf(fixtures.problems.emptyFirstHalf),
    cell: 'D7',
    severity: 'エラー',
    message:
      '「前期 (4～9月)」が未記入です（年度末の段階で必要）。4月～9月に行ったことを、日付（例: 7/16）とともに書いてください。',
  },
  {
    sheet: sheetOf(fixtures.problems.badAchievement),
    cell: 'D9',
    severity: 'エラー',
    message:
      '目標の達成「だいたい達成」は選択肢にありません。「達成できた」「一部達成できた」「達成できなかった」のいずれかをセルの▼から選んでください。',
  },
  {
    sheet: sheetOf(fixtures.problems.wrongDate),
    cell: 'D7',
    severity: '警告',
    message:
      '「前期 (4～9月)」に期間外の日付（11月20日）があります。「後期 (10～3月)」の欄に書く内容でないか確認してください。',
  },
] as const;

describe('検証 in file mode (scenario 2)', () => {
  const pane = paneForSuite(baseUrl);

  it('opens a filled department workbook with the header’s open button', async () => {
    const { page } = pane();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Excel ブック (.xlsx) を開く' }).click();
    await (await chooser).setFiles(fixtures.planted);
    await page.locator('header').getByText(PLANTED_FILE).waitFor();
    // A department workbook has no 体系: the 体系 tab says so instead of failing.
    await page.getByText('このブックに体系がありません').waitFor();
  });

  it('shows the three planted problems with their Japanese messages, each on its sheet and cell', async () => {
    const { page } = pane();
    const { tab: validate, panel } = tab(page, '検証');
    await validate.click();
    await panel.getByRole('combobox', { name: '確認する時期' }).selectOption({ label: '年度末' });
    await panel.getByRole('button', { name: 'このブックを検証' }).click();
    const findings = panel.getByRole('region', { name: '検証の指摘' });
    await findings.waitFor();
    // 13 sheets: the 3 planted problems, and one warning the real R2 text already has (II-2-1-1: 10/8 in 前期).
    expect(await statValue(page, '検証の結果', '記入')).toBe(13);
    expect(await statValue(page, '検証の結果', 'エラー')).toBe(2);
    expect(await statValue(page, '検証の結果', '警告')).toBe(2);
    expect(await findings.getByRole('listitem').count()).toBe(4);
    for (const p of PLANTED) {
      const sheet = findings.getByRole('region', { name: `シート「${p.sheet}」` });
      // The planted sheets are otherwise complete: the planted problem is the only finding on each.
      const rows = sheet.getByRole('listitem');
      expect(await rows.count()).toBe(1);
      const text = await rows.first().textContent();
      expect(text).toContain(p.severity);
      expect(text).toContain(p.message);
      expect(text).toContain(`セル ${p.cell}`);
    }
  });

  it('clicking a finding shows its cell in a read-only preview of the sheet', async () => {
    const { page } = pane();
    const { panel } = tab(page, '検証');
    const p = PLANTED[1];
    const button = panel
      .getByRole('region', { name: `シート「${p.sheet}」` })
      .getByRole('button', { name: /だいたい達成/ });
    await button.click();
    const grid = panel.getByRole('table', { name: `シート「${p.sheet}」のセル ${p.cell} 付近` });
    await grid.waitFor();
    expect(await button.getAttribute('aria-current')).toBe('true');
    expect(await grid.locator('caption').textContent()).toBe(`${p.sheet}!${p.cell}だいたい達成`);
    expect(await grid.locator('td[aria-current="true"]').textContent()).toBe('だいたい達成');
    // Its row and column headers are the sheet's: row 9, column C; the label 目標の達成 sits beside it.
    expect(
      await grid.locator('tr', { has: page.locator('td[aria-current="true"]') }).textContent(),
    ).toContain('目標の達成');
  });

  it('marks the cells and saves a copy that opens on the chosen cell', async () => {
    const { page } = pane();
    const { panel } = tab(page, '検証');
    await panel.getByRole('button', { name: 'セルに色を付ける' }).click();
    await panel.getByText(/か所のセルに色を付けました/).waitFor();
    const [saved] = await downloads(page, 1, () =>
      page.getByRole('button', { name: '作業中のブックをダウンロード' }).click(),
    );
    expect(saved!.name).toBe(PLANTED_FILE);
    const wb = await readWorkbook(saved!.path);
    const ws = wb.getWorksheet(PLANTED[1].sheet)!;
    expect(ws.getCell('D9').value).toBe('だいたい達成');
    const fill = ws.getCell('D9').fill as ExcelJS.FillPattern | undefined;
    expect(fill?.type).toBe('pattern');
    expect(ws.views[0]?.activeCell).toBe('D9');
    // Other cells keep their own look: a cell without a finding is not marked.
    expect((ws.getCell('D10').fill as ExcelJS.FillPattern | undefined)?.fgColor).not.toEqual(fill?.fgColor);
  });

  itMadeNoRequests(pane);
});
