// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../../src/domain/entry/formDefinition';
import { buildFormSheet } from '../../src/domain/form/buildFormSheet';
import { kpiSample } from '../../src/domain/sample/kpi';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import type { CellValue, SheetSpec } from '../../src/domain/template/sheetSpec';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { cellText } from '../../src/domain/extract/snapshot';
import { excelHost, fileHost, masterPort, renderApp, spyOnPort } from './support';

afterEach(cleanup);

/** A sheet typed by hand: rows of values from A1. */
function sheetOf(name: string, rows: readonly (readonly CellValue[])[]): SheetSpec {
  return {
    name,
    cells: rows.flatMap((cols, row) => cols.map((value, column) => ({ row, column, value }))),
    styles: {},
    merges: [],
    columnWidths: [],
    rowHeights: {},
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
}

/** A 様式 typed by hand with two mistakes: 種類「数字」 (D3) and 必須の時期「いつか」 (F4). */
const brokenFormSheet = (): SheetSpec =>
  sheetOf('様式', [
    ['見出し', '項目', 'キー', '種類', '選択肢', '必須の時期'],
    ['', '成果指標', 'indicator', '文章', '', '計画'],
    ['', '実績値', 'actual', '数字', '', '年度末'],
    ['', '評価', 'evaluation', '文章', '', 'いつか'],
    ['', '判定', 'rating', '選択', 'A、B、C', '年度末'],
  ]);

/** The KPI sample's 体系 workbook: 体系 + 全体計画, and its form as the 様式 sheet. */
async function kpiMasterPort() {
  const kpi = kpiSample();
  const master = buildMasterTemplate({ plan: kpi.plan, fiscalYear: kpi.fiscalYear, title: kpi.planTitle });
  return excelJsFactory.create({ ...master, sheets: [...master.sheets, buildFormSheet(kpi.form)] });
}

const formTable = () => screen.findByRole('table', { name: '様式の項目' });
/** The row of the 様式 table whose 項目 cell starts with `label`. */
const fieldRow = (table: HTMLElement, label: string): HTMLElement =>
  within(table)
    .getAllByRole('row')
    .find((r) => r.querySelector('td')?.textContent?.startsWith(label))!;

describe('体系 tab: the 様式', () => {
  it('without a 様式 sheet, lists the R2 form and says the standard form is in use', async () => {
    const { host } = fileHost(await masterPort());
    renderApp(host);
    const table = await formTable();
    expect(screen.getByText(/標準の様式（R2 上富良野町）を使用中/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: `様式（${STANDARD_FORM.fields.length} 項目）` })).toBeTruthy();
    // One row per field plus the header row and the 見出し row 進捗状況.
    expect(within(table).getAllByRole('row')).toHaveLength(STANDARD_FORM.fields.length + 2);
    expect(within(table).getByRole('columnheader', { name: '進捗状況' })).toBeTruthy();
    const achievement = fieldRow(table, '目標の達成');
    expect(achievement.textContent).toContain('選択肢: 達成できた、一部達成できた、達成できなかった');
    expect(within(achievement).getByText('集計')).toBeTruthy();
    expect(within(achievement).getAllByRole('cell')[2]!.textContent).toBe('年度末');
    expect(within(fieldRow(table, '目指す姿')).getAllByRole('cell')[2]!.textContent).toBe('計画');
    expect(screen.queryByRole('region', { name: '様式の問題' })).toBeNull();
  });

  it('with the KPI 様式, lists its fields: 数値, 計算 with its 計算式, the 判定 and its 集計 mark', async () => {
    const { host } = fileHost(await kpiMasterPort());
    renderApp(host);
    const table = await formTable();
    expect(screen.getByText('様式シート「様式」から読み込み')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '様式を挿入' })).toBeNull();
    const rate = fieldRow(table, '達成率');
    expect(
      within(rate)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['達成率計算式: 実績値 / 目標値', '計算', '—']);
    expect(within(fieldRow(table, '基準値')).getAllByRole('cell')[1]!.textContent).toBe('数値');
    const rating = fieldRow(table, '判定');
    expect(rating.textContent).toContain('選択肢: S、A、B、C');
    expect(rating.textContent).toContain('判定: 達成率 >= 110% → S');
    expect(within(rating).getByText('集計')).toBeTruthy();
    expect(within(table).queryAllByText('集計')).toHaveLength(1);
    expect(within(table).getByRole('columnheader', { name: '実績' })).toBeTruthy();
  });

  it('lists a broken 様式’s problems with their cells, and selects the cell when clicked (Excel)', async () => {
    const port = await masterPort();
    await port.writeSheets([brokenFormSheet()]);
    const select = spyOnPort(port, 'selectCell');
    renderApp(excelHost(port));
    const problems = await screen.findByRole('region', { name: '様式の問題' });
    const kind = within(problems)
      .getByText(/種類「数字」は使えません/)
      .closest('button')!;
    expect(within(kind).getByText(/セル D3/)).toBeTruthy();
    expect(within(kind).getByText('エラー')).toBeTruthy();
    expect(
      within(problems)
        .getByText(/必須の時期「いつか」は使えません/)
        .closest('button')!.textContent,
    ).toMatch(/セル F4/);
    expect(screen.getByText(/様式に誤りが 2 件あります/)).toBeTruthy();
    // The broken rows are left out; the rest is the form.
    const table = await formTable();
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.querySelector('td')?.textContent ?? ''),
    ).toEqual(['', '成果指標', '判定選択肢: A、B、C']);
    fireEvent.click(kind);
    await waitFor(() => expect(select).toHaveBeenCalledWith('様式', 'D3'));
  });

  it('builds and consolidates nothing while the 様式 has an error, as the CLI refuses, and says where to fix it', async () => {
    const port = await masterPort();
    await port.writeSheets([brokenFormSheet()]);
    const write = spyOnPort(port, 'writeSheets');
    renderApp(excelHost(port));
    await screen.findByRole('region', { name: '様式の問題' });
    expect(
      screen.getByText('体系に問題はありません。下の様式のエラーを直すと、シートを作成できます。'),
    ).toBeTruthy();
    expect(screen.getByText(/直すまでシートの作成と集約はできません/)).toBeTruthy();
    for (const [tab, action] of [
      ['シート作成', 'シートは作成できません'],
      ['集約', '集約できません'],
    ] as const) {
      fireEvent.click(screen.getByRole('tab', { name: tab }));
      const panel = await screen.findByRole('tabpanel');
      expect(await within(panel).findByText('様式にエラーがあります')).toBeTruthy();
      expect(
        within(panel).getByText(new RegExp(`様式のエラーを直して「再読み込み」を押すまで、${action}。`)),
      ).toBeTruthy();
      expect(within(panel).queryByRole('button', { name: /シートを作成|を集約/ })).toBeNull();
      fireEvent.click(within(panel).getByRole('button', { name: '体系タブで確認' }));
      await waitFor(() => expect(screen.getByRole('tab', { name: '体系', selected: true })).toBeTruthy());
      // The focus goes with the user, to the tab opened (it fell to the page).
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('tab', { name: '体系' })));
    }
    expect(write).not.toHaveBeenCalled();
  });

  it('「様式を挿入」 writes the R2 form as a 様式 sheet, which is then read as the workbook’s form', async () => {
    const port = await masterPort();
    const { host } = fileHost(port);
    renderApp(host);
    await formTable();
    fireEvent.click(screen.getByRole('button', { name: '様式を挿入' }));
    expect(await screen.findByText(/を「様式」シートとして挿入しました/)).toBeTruthy();
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['体系', '全体計画', '様式']);
    expect(await screen.findByText('様式シート「様式」から読み込み')).toBeTruthy();
    const table = await formTable();
    expect(within(table).getAllByRole('row')).toHaveLength(STANDARD_FORM.fields.length + 2);
    expect(screen.queryByRole('region', { name: '様式の問題' })).toBeNull();
  });

  it('「様式を挿入」 refuses, politely, when a 様式 sheet appeared since the 体系 was read', async () => {
    const port = await masterPort();
    renderApp(excelHost(port));
    await formTable();
    // Added in Excel behind the pane's back: the pane has not read it yet.
    await port.writeSheets([sheetOf('取組様式', [['メモ']])]);
    const write = spyOnPort(port, 'writeSheets');
    fireEvent.click(screen.getByRole('button', { name: '様式を挿入' }));
    expect(
      await screen.findByText(/既に「取組様式」シートがあるため、様式を挿入しませんでした/),
    ).toBeTruthy();
    expect(write).not.toHaveBeenCalled();
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['体系', '全体計画', '取組様式']);
  });

  it('the KPI sample inserts its 体系, its 様式 and an empty 全体計画, and the tab shows its form', async () => {
    const { host } = fileHost();
    renderApp(host);
    fireEvent.click(screen.getByRole('button', { name: 'サンプル（指標 こもれび町）を挿入' }));
    expect(await screen.findByText('様式シート「様式」から読み込み', {}, { timeout: 10_000 })).toBeTruthy();
    expect(
      await screen.findByText(
        /こもれび町（架空）「行政改革推進計画 指標版（デモ用・架空）」.*の体系を挿入しました/,
      ),
    ).toBeTruthy();
    expect((await host.getSnapshot().port!.listSheets()).map((s) => s.name)).toEqual([
      '体系',
      '様式',
      '全体計画',
    ]);
    const table = await formTable();
    expect(fieldRow(table, '達成率').textContent).toContain('計算式: 実績値 / 目標値');
  });
});

describe('シート作成 and 検証 follow the workbook’s 様式', () => {
  it('builds the entry sheets with the 様式’s fields, and validates them by it', async () => {
    const port = await kpiMasterPort();
    renderApp(excelHost(port));
    await formTable();
    fireEvent.click(screen.getByRole('tab', { name: 'シート作成' }));
    const departments = await screen.findByRole('group', { name: /実践課/ });
    const fields = kpiSample().form.fields.length;
    expect(screen.getByText(`様式シート「様式」の ${fields} 項目で作成します。`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'すべて解除' }));
    fireEvent.click(within(departments).getByRole('checkbox', { name: /税務課/ }));
    fireEvent.click(screen.getByRole('button', { name: /シートを作成（1 課・/ }));
    await screen.findByText(/の取組項目シートを \d+ 枚作成しました。/, {}, { timeout: 10_000 });
    const names = (await port.listSheets()).map((s) => s.name);
    const entrySheet = names.find((n) => n.endsWith(' 税務課'))!;
    expect(entrySheet).toBeDefined();
    const [sheet] = (await port.readSnapshot([entrySheet])).sheets;
    const texts = sheet!.values.flat().map((v) => cellText(v));
    for (const label of ['成果指標', '基準値', '目標値', '実績値', '達成率', '評価'])
      expect(texts).toContain(label);
    expect(texts).not.toContain('目指す姿');

    fireEvent.click(screen.getByRole('tab', { name: '検証' }));
    const panel = screen.getByRole('tabpanel');
    fireEvent.click(within(panel).getByRole('button', { name: 'このブックを検証' }));
    const findings = await within(panel).findByRole('region', { name: '検証の指摘' }, { timeout: 10_000 });
    const own = within(findings).getByRole('region', { name: `シート「${entrySheet}」` });
    // 計画: the KPI form asks for 取組の概要, 成果指標, 基準値 and 目標値; R2's 目指す姿 is no field of it.
    expect(within(own).getAllByText(/成果指標/).length).toBeGreaterThan(0);
    expect(within(own).getAllByText(/基準値/).length).toBeGreaterThan(0);
    expect(within(findings).queryAllByText(/目指す姿/)).toEqual([]);
  });
});
