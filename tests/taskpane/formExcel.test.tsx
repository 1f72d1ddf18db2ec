// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFormSheet, FORM_HEADER_ROW } from '../../src/domain/form/buildFormSheet';
import { FORM_COLUMN_ORDER } from '../../src/domain/form/formColumns';
import { kpiSample } from '../../src/domain/sample/kpi';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { createWorkbookWithSheets } from '../../src/workbook/officejs/createWorkbook';
import { OfficeJsPort } from '../../src/workbook/officejs/officeJsPort';
import { createFakeExcel, installFakeExcel, type FakeExcel } from '../officejs/fake/fakeExcel';
import { excelHost, renderApp } from './support';

/** The 様式 in Excel: OfficeJsPort over the in-memory Excel. */
let fake: FakeExcel & { uninstall(): void };
beforeEach(() => {
  fake = installFakeExcel(createFakeExcel({ sheets: ['Sheet1'] }));
});
afterEach(() => {
  cleanup();
  fake.uninstall();
});

const names = () => fake.state.sheets.map((s) => s.name);
const port = () => new OfficeJsPort({ file: '全体計画.xlsx' });

describe('the 様式 in Excel (OfficeJsPort over the fake Excel)', () => {
  it('「様式を挿入」 writes the R2 form as a 様式 sheet through Office.js, and the tab then reads it', async () => {
    renderApp(excelHost(port(), createWorkbookWithSheets));
    fireEvent.click(await screen.findByRole('button', { name: '空の体系を挿入' }));
    await screen.findByText(/標準の様式（R2 上富良野町）を使用中/, {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: '様式を挿入' }));
    expect(await screen.findByText('様式シート「様式」から読み込み', {}, { timeout: 15_000 })).toBeTruthy();
    expect(names()).toEqual(['Sheet1', '体系', '全体計画', '様式']);
    expect(screen.queryByRole('button', { name: '様式を挿入' })).toBeNull();
  });

  it('a broken 様式’s finding selects its cell in Excel when clicked', async () => {
    const kpi = kpiSample();
    const kind = FORM_COLUMN_ORDER.indexOf('kind');
    const row = FORM_HEADER_ROW + 1 + kpi.form.fields.findIndex((f) => f.label === '目標値');
    const form = buildFormSheet(kpi.form);
    const broken = {
      ...form,
      cells: form.cells.map((c) => (c.row === row && c.column === kind ? { ...c, value: '数字' } : c)),
    };
    const master = buildMasterTemplate({ plan: kpi.plan, fiscalYear: kpi.fiscalYear, title: kpi.planTitle });
    await port().writeSheets([...master.sheets, broken]);
    renderApp(excelHost(port(), createWorkbookWithSheets));
    const problems = await screen.findByRole('region', { name: '様式の問題' }, { timeout: 15_000 });
    const finding = within(problems)
      .getByText(/種類「数字」は使えません/)
      .closest('button')!;
    expect(finding.textContent).toContain(`セル D${row + 1}`);
    fireEvent.click(finding);
    await waitFor(() => {
      const sheet = fake.state.sheets.find((s) => s.id === fake.state.activeSheetId);
      expect(sheet?.name).toBe('様式');
      expect(sheet?.selection).toEqual({ top: row, left: kind, bottom: row, right: kind });
    });
  });
});
