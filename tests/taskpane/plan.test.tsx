// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAN_GRID_HEADER } from '../../src/domain/plan/planToGrid';
import { masterPort, renderApp, fileHost, excelHost, statValue, spyOnPort } from './support';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { SheetSpec } from '../../src/domain/template/sheetSpec';

afterEach(cleanup);

/** A 体系 typed by hand with two mistakes: an item without 実践課 (D4) and a 推進項目 without a number (B5). */
function brokenPlanSheet(): SheetSpec {
  const rows = [
    [...PLAN_GRID_HEADER],
    ['I 協働によるまちづくり', '1 積極的な情報共有', '① 行政情報の公開と共有', ''],
    ['', '', '(1) 効果的な情報発信手法の研究実施', ''],
    ['', '情報の共有', '(2) 町民との対話', '総務課'],
  ];
  return {
    name: '体系',
    cells: rows.flatMap((cols, row) => cols.map((value, column) => ({ row, column, value }))),
    styles: {},
    merges: [],
    columnWidths: [20, 20, 40, 20],
    rowHeights: {},
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
}

describe('体系 tab', () => {
  it('shows the counts of the R2 体系 and its tree with codes and 実践課', async () => {
    const { host } = fileHost(await masterPort());
    renderApp(host);
    await screen.findByLabelText('体系の件数');
    expect(statValue('体系の件数', '基本項目')).toBe('2');
    expect(statValue('体系の件数', '推進項目')).toBe('4');
    expect(statValue('体系の件数', '取組項目 ①')).toBe('13');
    expect(statValue('体系の件数', '取組項目')).toBe('21');
    expect(statValue('体系の件数', '実践課')).toBe('8');
    expect(
      screen.getByText('問題はありません。「シート作成」タブで課ごとのシートを作成できます。'),
    ).toBeTruthy();
    const tree = screen.getByRole('tree', { name: '計画の体系' });
    expect(within(tree).getByText('I 協働によるまちづくり')).toBeTruthy();
    expect(within(tree).getAllByText('I-1-1-1').length).toBe(1);
  });

  it('lists the problems of a broken 体系 with the cell to fix, and selects the cell when clicked (Excel)', async () => {
    const port = await excelJsFactory.create();
    await port.writeSheets([brokenPlanSheet()]);
    const select = spyOnPort(port, 'selectCell');
    renderApp(excelHost(port));
    const problems = await screen.findByRole('region', { name: '体系の問題' });
    const missing = within(problems).getByText(/に実践課がありません/);
    const button = missing.closest('button')!;
    expect(within(button).getByText(/セル D3/)).toBeTruthy();
    expect(within(button).getByText('エラー')).toBeTruthy();
    fireEvent.click(button);
    await waitFor(() => expect(select).toHaveBeenCalledWith('体系', 'D3'));
    // In Excel the cell is selected in the sheet: no preview grid (the only table is the 様式's field list).
    expect(screen.queryByRole('table', { name: /付近$/ })).toBeNull();
    expect(screen.getAllByRole('table').map((t) => t.getAttribute('aria-label'))).toEqual(['様式の項目']);
  });

  it('in file mode, clicking a problem shows the sheet around the cell with the cell outlined', async () => {
    const port = await excelJsFactory.create();
    await port.writeSheets([brokenPlanSheet()]);
    const { host } = fileHost(port, '体系.xlsx');
    renderApp(host);
    const problems = await screen.findByRole('region', { name: '体系の問題' });
    fireEvent.click(
      within(problems)
        .getByText(/に実践課がありません/)
        .closest('button')!,
    );
    const grid = await screen.findByRole('table', { name: 'シート「体系」のセル D3 付近' });
    const target = grid.querySelector('[aria-current="true"]');
    expect(target?.textContent).toBe('');
    expect(within(grid).getByText('(1) 効果的な情報発信手法の研究実施')).toBeTruthy();
  });

  it('with no workbook open (file mode), says what to do and inserts the R2 sample into a new workbook', async () => {
    const { host } = fileHost();
    renderApp(host);
    expect(screen.getByText('ブックを開いてください')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /サンプル（R2 上富良野町）を挿入/ }));
    await screen.findByLabelText('体系の件数', {}, { timeout: 10_000 });
    expect(statValue('体系の件数', '取組項目')).toBe('21');
    // The 体系 may be read while the other sheets are still being written: wait for the insert to finish.
    await screen.findByText(/の体系を挿入しました/);
    expect(await host.getSnapshot().port!.listSheets()).toEqual([
      { name: '体系', visibility: 'visible' },
      { name: '様式', visibility: 'visible' },
      { name: '全体計画', visibility: 'visible' },
    ]);
    expect(screen.getByText('令和2年度_全体計画.xlsx')).toBeTruthy();
  });

  it('moves the focus to the 体系 it inserted (the button pressed is gone), not to the page', async () => {
    renderApp(fileHost().host);
    const button = screen.getByRole('button', { name: /サンプル（R2 上富良野町）を挿入/ });
    button.focus();
    fireEvent.click(button);
    const heading = await screen.findByRole('heading', { name: /^シート「体系」/ }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('a workbook without 体系 offers the empty template, which never overwrites existing sheets', async () => {
    const port = await excelJsFactory.create();
    await port.writeSheets([
      { ...brokenPlanSheet(), name: 'メモ', cells: [{ row: 0, column: 0, value: 'メモ' }] },
    ]);
    renderApp(excelHost(port));
    expect(await screen.findByText('このブックに体系がありません')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '空の体系を挿入' }));
    expect(await screen.findByText(/空の体系を挿入しました/)).toBeTruthy();
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['メモ', '体系', '全体計画']);
  });

  it("a department's own workbook (no 体系) is pointed at 検証 first, the sample plan offered only to 総務課", async () => {
    const port = await excelJsFactory.create();
    await port.writeSheets([
      { ...brokenPlanSheet(), name: 'メモ', cells: [{ row: 0, column: 0, value: 'メモ' }] },
    ]);
    renderApp(excelHost(port));
    const go = await screen.findByRole('button', { name: '検証タブで記入を確認する' });
    expect(screen.getByText(/課で記入するブックなら、体系は要りません/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: '総務課が体系を作るときは' })).toBeTruthy();
    // Checking comes first; the sample plan is still there, below, for 総務課.
    const buttons = screen.getAllByRole('button');
    const sample = buttons.findIndex((b) => /サンプル/.test(b.textContent ?? ''));
    expect(sample).toBeGreaterThan(buttons.indexOf(go));
    fireEvent.click(go);
    expect(screen.getByRole('tab', { name: '検証' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('button', { name: 'このブックを検証' })).toBeTruthy();
  });

  it('IME: Enter while composing in the search box does nothing; Enter after composing moves to the tree', async () => {
    const { host } = fileHost(await masterPort());
    renderApp(host);
    const search = await screen.findByRole('textbox', { name: /取組項目を検索/ });
    search.focus();
    fireEvent.change(search, { target: { value: 'じょうほう' } });
    fireEvent.keyDown(search, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(search, { key: 'Enter', keyCode: 229 });
    expect(document.activeElement).toBe(search);
    fireEvent.change(search, { target: { value: '情報' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(document.activeElement?.getAttribute('role')).toBe('treeitem');
  });
});
