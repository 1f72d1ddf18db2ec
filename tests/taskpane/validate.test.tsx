// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { kpiSample } from '../../src/domain/sample/kpi';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { CellMark, FileWorkbookPort } from '../../src/workbook/port';
import { departmentFiles, excelHost, fileHost, renderApp, sample, spyOnPort, statValue } from './support';

afterEach(cleanup);

/** 建設水道課's workbook as handed out: every 取組項目 sheet still blank. */
async function blankDepartmentWorkbook(): Promise<FileWorkbookPort> {
  const [file] = await buildDepartmentFiles(excelJsFactory, {
    plan: sample.plan,
    fiscalYear: sample.fiscalYear,
    departments: ['建設水道課'],
  });
  const opened = await excelJsFactory.open(file!.bytes, file!.fileName);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

async function validate(stage?: string) {
  fireEvent.click(screen.getByRole('tab', { name: '検証' }));
  const panel = screen.getByRole('tabpanel');
  if (stage)
    fireEvent.change(within(panel).getByRole('combobox', { name: '確認する時期' }), {
      target: { value: stage },
    });
  fireEvent.click(within(panel).getByRole('button', { name: 'このブックを検証' }));
  return within(panel).findByRole('region', { name: '検証の指摘' }, { timeout: 10_000 });
}

describe('検証 tab', () => {
  it('offers the three stages 計画 / 前期 / 年度末', async () => {
    renderApp(excelHost(await blankDepartmentWorkbook()));
    fireEvent.click(screen.getByRole('tab', { name: '検証' }));
    const options = within(screen.getByRole('combobox', { name: '確認する時期' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['計画', '前期', '年度末']);
  });

  it('names the stage’s fields by the department workbook’s own 様式 (KPI), not R2’s, before any 検証', async () => {
    const kpi = kpiSample();
    const [file] = await buildDepartmentFiles(excelJsFactory, {
      plan: kpi.plan,
      fiscalYear: kpi.fiscalYear,
      form: kpi.form,
      departments: [kpi.plan.departments[0]!],
    });
    const opened = await excelJsFactory.open(file!.bytes, file!.fileName);
    if (!opened.ok) throw new Error(opened.error.message);
    renderApp(excelHost(opened.value));
    fireEvent.click(screen.getByRole('tab', { name: '検証' }));
    const panel = screen.getByRole('tabpanel');
    fireEvent.change(await within(panel).findByRole('combobox', { name: '確認する時期' }), {
      target: { value: 'year-end' },
    });
    expect(await within(panel).findByText(/^年度末: 実績値・判定・評価まで確認します/)).toBeTruthy();
    expect(within(panel).queryByText(/目標の達成/)).toBeNull();
  });

  it('groups findings by sheet with Japanese messages and severity badges, and a summary', async () => {
    const port = await blankDepartmentWorkbook();
    renderApp(excelHost(port));
    const findings = await validate();
    const sheets = within(findings).getAllByRole('region');
    expect(sheets.length).toBe(7);
    // 建設水道課 owns 3 items; its 4 全課 sheets are parts the coordinator compiles: blank is fine (情報 only).
    const own = sheets.find((s) => s.getAttribute('aria-label')?.includes('I-2-1-1'))!;
    expect(own.getAttribute('aria-label')).toMatch(/^シート「.+」$/);
    expect(within(own).getAllByText('エラー').length).toBeGreaterThan(0);
    expect(within(own).getAllByText(/目指す姿/).length).toBeGreaterThan(0);
    expect(statValue('検証の結果', '記入')).toBe('7');
    expect(statValue('検証の結果', '完了')).toBe('4');
    expect(Number(statValue('検証の結果', 'エラー'))).toBe(9);
    expect(screen.getByText(/計画の検証: 7 件中 4 件が完了、エラー 9 件/)).toBeTruthy();
  });

  it('says when the chosen 時期 does not fit the sheets: 計画 (the default) for a workbook filled to 年度末', async () => {
    const [file] = await departmentFiles();
    const opened = await excelJsFactory.open(file!.bytes, file!.fileName);
    if (!opened.ok) throw new Error(opened.error.message);
    renderApp(excelHost(opened.value));
    await validate();
    expect(
      await screen.findByText(
        /計画の検証: .*年度末に書く欄（「後期 \(10～3月\)」・「目標の達成」・「評価・検証」）にも記入があります。計画の検証では、それらの欄が未記入でも指摘しません。年度末まで確かめるには、「確認する時期」を「年度末」にしてください。$/,
      ),
    ).toBeTruthy();
    await validate('year-end');
    await waitFor(() =>
      expect(screen.getByText(/^年度末の検証: /).textContent).not.toContain('確認する時期'),
    );
  });

  it('clicking a finding selects its cell in Excel', async () => {
    const port = await blankDepartmentWorkbook();
    const select = spyOnPort(port, 'selectCell');
    renderApp(excelHost(port));
    const findings = await validate();
    const sheet = within(findings).getAllByRole('region')[0]!;
    const sheetName = /^シート「(.+)」$/.exec(sheet.getAttribute('aria-label')!)![1]!;
    const button = within(sheet).getAllByRole('button')[0]!;
    const cell = /セル ([A-Z]+\d+)/.exec(button.textContent!)![1]!;
    fireEvent.click(button);
    await waitFor(() => expect(select).toHaveBeenCalledWith(sheetName, cell));
    // The selection is shown once the port has answered: under load, a render after the call.
    await waitFor(() => expect(button.getAttribute('aria-current')).toBe('true'));
  });

  it('marks the cells of the findings on the sheets and clears them again', async () => {
    const port = await blankDepartmentWorkbook();
    const mark = spyOnPort(port, 'markCells');
    const clear = spyOnPort(port, 'clearMarks');
    renderApp(excelHost(port));
    await validate();
    fireEvent.click(screen.getByRole('button', { name: 'セルに色を付ける' }));
    expect(await screen.findByText(/か所のセルに色を付けました/)).toBeTruthy();
    const marks = mark.mock.calls[0]![0]!;
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]).toEqual(
      expect.objectContaining({ severity: expect.stringMatching(/error|warning|info/) }),
    );
    // In Excel the colours are on the sheets at once: nothing to say about saving.
    expect(screen.queryByText(/ダウンロード/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '色を消す' }));
    expect(await screen.findByText('セルの色を元に戻しました。')).toBeTruthy();
    expect(clear).toHaveBeenCalledOnce();
  });

  it('counts the cells it colours, not the findings: two findings on one cell are one cell', async () => {
    // 後期 the same text as 前期, with a 前期 date in it: two warnings on the 後期 cell.
    const [entry, ...rest] = sample.entries.filter((e) => e.department === '建設水道課');
    const twice = '・現地確認（令和2年7月16日）';
    const [file] = await buildDepartmentFiles(excelJsFactory, {
      plan: sample.plan,
      fiscalYear: sample.fiscalYear,
      departments: ['建設水道課'],
      entries: [{ ...entry!, fields: { ...entry!.fields, firstHalf: twice, secondHalf: twice } }, ...rest],
    });
    const opened = await excelJsFactory.open(file!.bytes, file!.fileName);
    if (!opened.ok) throw new Error(opened.error.message);
    const mark = spyOnPort(opened.value, 'markCells');
    renderApp(excelHost(opened.value));
    await validate('year-end');
    fireEvent.click(screen.getByRole('button', { name: 'セルに色を付ける' }));
    await screen.findByText(/か所のセルに色を付けました/);
    const marks = mark.mock.calls[0]![0] as readonly CellMark[];
    const cells = new Set(marks.map((m) => `${m.sheet}!${m.cell}`)).size;
    // The walk-through said 114 (its findings) where 106 cells were coloured.
    expect(cells).toBe(marks.length - 1);
    expect(screen.getByText(new RegExp(`^${cells} か所のセルに色を付けました`))).toBeTruthy();
  });

  it('in file mode, says the colours reach a file only when the workbook is downloaded', async () => {
    const { host } = fileHost(await blankDepartmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    await validate();
    fireEvent.click(screen.getByRole('button', { name: 'セルに色を付ける' }));
    expect(
      await screen.findByText(
        /か所のセルに色を付けました.*［作業中のブックをダウンロード］で保存するブックに付きます/,
      ),
    ).toBeTruthy();
  });

  it('drops the result when another workbook is opened: its cells are not this one’s to colour', async () => {
    const { host } = fileHost(await blankDepartmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    await validate();
    const [other] = await buildDepartmentFiles(excelJsFactory, {
      plan: sample.plan,
      fiscalYear: sample.fiscalYear,
      departments: ['総務課'],
    });
    await act(async () => {
      const opened = await host.open({ file: other!.fileName, modified: 0, bytes: other!.bytes });
      expect(opened.ok).toBe(true);
    });
    const panel = screen.getByRole('tabpanel');
    await waitFor(() => expect(within(panel).queryByRole('region', { name: '検証の指摘' })).toBeNull());
    expect(within(panel).queryByRole('button', { name: 'セルに色を付ける' })).toBeNull();
  });

  it('offers no colouring while the result is out of date (the workbook changed since)', async () => {
    const { host } = fileHost(await blankDepartmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    await validate();
    const button = screen.getByRole('button', { name: 'セルに色を付ける' });
    expect(button.hasAttribute('disabled')).toBe(false);
    // A write by the pane to the workbook (another tab wrote sheets) makes the shown result out of date.
    act(() => host.touch());
    await waitFor(() => expect(screen.getByText(/ブックが変わりました/)).toBeTruthy());
    expect(screen.getByRole('button', { name: 'セルに色を付ける' }).hasAttribute('disabled')).toBe(true);
  });

  it('in file mode, clicking a finding previews the sheet around the cell', async () => {
    const { host } = fileHost(await blankDepartmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    const findings = await validate();
    const button = within(within(findings).getAllByRole('region')[0]!).getAllByRole('button')[0]!;
    const cell = /セル ([A-Z]+\d+)/.exec(button.textContent!)![1]!;
    fireEvent.click(button);
    const grid = await screen.findByRole('table', { name: new RegExp(`のセル ${cell} 付近$`) });
    expect(grid.querySelector('[aria-current="true"]')).not.toBeNull();
  });

  it('in file mode, scrolls an opened preview into view (the last finding’s is below the fold), once', async () => {
    const scrolled: Element[] = [];
    const own = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
    // jsdom lays nothing out and has no scrollIntoView: record where the pane asks the page to scroll.
    Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
      expect(options).toEqual({ block: 'nearest', inline: 'nearest' });
      scrolled.push(this);
    };
    try {
      const { host } = fileHost(await blankDepartmentWorkbook(), '建設水道課.xlsx');
      renderApp(host);
      const findings = await validate();
      const buttons = within(findings).getAllByRole('button');
      const last = buttons[buttons.length - 1]!;
      const cell = /セル ([A-Z]+\d+)/.exec(last.textContent!)![1]!;
      fireEvent.click(last);
      const grid = await screen.findByRole('table', { name: new RegExp(`のセル ${cell} 付近$`) });
      const preview = document.getElementById(last.getAttribute('aria-controls')!)!;
      expect(preview.contains(grid)).toBe(true);
      expect(scrolled).toEqual([preview]);
      // Later renders (colouring the cells) leave the page where the user has scrolled it since.
      fireEvent.click(screen.getByRole('button', { name: 'セルに色を付ける' }));
      await screen.findByText(/か所のセルに色を付けました/);
      expect(scrolled).toEqual([preview]);
    } finally {
      if (own) Object.defineProperty(Element.prototype, 'scrollIntoView', own);
      else delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it("in file mode, the preview shows the row's label in A and leaves out the hidden column F, as Excel does", async () => {
    const { host } = fileHost(await blankDepartmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    const findings = await validate();
    // A finding in column D: the labels left of it from A, and two columns right of it, which would reach F,
    // the hidden metadata column.
    const button = within(findings)
      .getAllByRole('button')
      .find((b) => /セル D\d+/.test(b.textContent ?? ''))!;
    const cell = /セル (D\d+)/.exec(button.textContent!)![1]!;
    fireEvent.click(button);
    const grid = await screen.findByRole('table', { name: new RegExp(`のセル ${cell} 付近$`) });
    const letters = [...grid.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent);
    expect(letters).toEqual(['A', 'B', 'C', 'D', 'E', 'G']);
  });
});
