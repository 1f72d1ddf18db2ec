// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeExcel, installFakeExcel, type FakeExcel } from '../officejs/fake/fakeExcel';
import { createWorkbookWithSheets } from '../../src/workbook/officejs/createWorkbook';
import { OfficeJsPort } from '../../src/workbook/officejs/officeJsPort';
import { departmentFiles, excelHost, fileOf, renderApp, statValue } from './support';

/** The pane in Excel: OfficeJsPort over the in-memory Excel (load/sync semantics, limits, error codes). */
let fake: FakeExcel & { uninstall(): void };
beforeEach(() => {
  fake = installFakeExcel(createFakeExcel({ sheets: ['Sheet1'] }));
});
afterEach(() => {
  cleanup();
  fake.uninstall();
});

const names = () => fake.state.sheets.map((s) => s.name);

async function insertSample() {
  renderApp(excelHost(new OfficeJsPort({ file: '全体計画.xlsx' }), createWorkbookWithSheets));
  fireEvent.click(await screen.findByRole('button', { name: /サンプル（R2 上富良野町）を挿入/ }));
  await screen.findByLabelText('体系の件数', {}, { timeout: 15_000 });
}

describe('in Excel (OfficeJsPort over the fake Excel)', () => {
  it('inserts the R2 sample into the open workbook and reads its 体系 back', async () => {
    await insertSample();
    // The sample's form comes as a 様式 sheet beside its 体系, for 総務課 to start from.
    expect(names()).toEqual(['Sheet1', '体系', '様式', '全体計画']);
    expect(statValue('体系の件数', '基本項目')).toBe('2');
    expect(statValue('体系の件数', '取組項目')).toBe('21');
  });

  it('builds a department’s sheets into the workbook and opens new workbooks with Excel.createWorkbook', async () => {
    await insertSample();
    fireEvent.click(screen.getByRole('tab', { name: 'シート作成' }));
    const panel = screen.getByRole('tabpanel');
    fireEvent.click(within(panel).getByRole('button', { name: 'すべて解除' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: /農業振興課/ }));
    fireEvent.click(within(panel).getByRole('button', { name: /シートを作成（1 課/ }));
    expect(
      await within(panel).findByText(/取組項目シートを \d+ 枚作成しました。/, {}, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(names()).toContain('目次');
    expect(names().length).toBeGreaterThan(4);

    fireEvent.click(within(panel).getByRole('radio', { name: /課ごとに新しいブックを作成/ }));
    fireEvent.click(within(panel).getByRole('button', { name: /シートを作成（1 課/ }));
    expect(
      await within(panel).findByText(/1 課のブック.*Excel で開きました/, {}, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(fake.state.createdWorkbooks).toHaveLength(1);
  });

  it('validates, and a click on a finding selects its cell in Excel', async () => {
    await insertSample();
    fireEvent.click(screen.getByRole('tab', { name: 'シート作成' }));
    const build = screen.getByRole('tabpanel');
    fireEvent.click(within(build).getByRole('button', { name: 'すべて解除' }));
    fireEvent.click(within(build).getByRole('checkbox', { name: /教育振興課/ }));
    fireEvent.click(within(build).getByRole('button', { name: /シートを作成/ }));
    await within(build).findByText(/枚作成しました/, {}, { timeout: 15_000 });

    fireEvent.click(screen.getByRole('tab', { name: '検証' }));
    const panel = screen.getByRole('tabpanel');
    fireEvent.click(within(panel).getByRole('button', { name: 'このブックを検証' }));
    const findings = await within(panel).findByRole('region', { name: '検証の指摘' }, { timeout: 15_000 });
    const sheet = within(findings).getAllByRole('region')[0]!;
    const sheetName = /^シート「(.+)」$/.exec(sheet.getAttribute('aria-label')!)![1]!;
    const button = within(sheet).getAllByRole('button')[0]!;
    fireEvent.click(button);
    await waitFor(() =>
      expect(fake.state.sheets.find((s) => s.id === fake.state.activeSheetId)?.name).toBe(sheetName),
    );
  });

  it('consolidates the R2 department files into 全体計画 in Excel', async () => {
    await insertSample();
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    const files = (await departmentFiles()).map((f) => fileOf(f.fileName, f.bytes));
    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
    fireEvent.click(await within(panel).findByRole('button', { name: '8 個のファイルを集約' }));
    expect(
      await within(panel).findByText(
        /8 個のファイルから取組項目 37 件を「全体計画」に集約しました/,
        {},
        { timeout: 30_000 },
      ),
    ).toBeTruthy();
    expect(statValue('集約の結果', '集約した取組項目')).toBe('37');
    const codes = Array.from({ length: 60 }, (_, r) => fake.value('全体計画', `A${r + 1}`));
    expect(codes).toContain('取組項目コード');
    expect(codes).toContain('I-1-1-1');
  });

  it('shows Excel’s errors as Japanese messages (a protected sheet)', async () => {
    await insertSample();
    fireEvent.click(screen.getByRole('tab', { name: 'シート作成' }));
    const panel = screen.getByRole('tabpanel');
    fake.failNextSync('AccessDenied');
    fireEvent.click(within(panel).getByRole('button', { name: /シートを作成/ }));
    const alert = await within(panel).findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toMatch(/シートの保護を解除してから、もう一度実行してください/);
  });

  it('says so in Japanese when this Excel is older than the add-in needs', async () => {
    fake.setExcelApi('1.7');
    renderApp(excelHost(new OfficeJsPort()));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/この Excel では使えない機能です/);
  });
});
