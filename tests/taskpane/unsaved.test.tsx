// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { STANDARD_FORM } from '../../src/domain/entry/formDefinition';
import { buildFormSheet } from '../../src/domain/form/buildFormSheet';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { FileWorkbookPort } from '../../src/workbook/port';
import { departmentFiles, excelHost, fileHost, fileOf, masterPort, renderApp, sample } from './support';

afterEach(cleanup);

/** 建設水道課's workbook as handed out (its 取組項目 sheets blank: 検証 finds cells to mark). */
async function departmentBytes() {
  const [file] = await buildDepartmentFiles(excelJsFactory, {
    plan: sample.plan,
    fiscalYear: sample.fiscalYear,
    departments: ['建設水道課'],
  });
  return file!;
}

async function departmentWorkbook(): Promise<FileWorkbookPort> {
  const file = await departmentBytes();
  const opened = await excelJsFactory.open(file.bytes, file.fileName);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** Whether closing the tab now would ask: a `beforeunload` listener cancels the event. */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

async function validateAndMark() {
  fireEvent.click(screen.getByRole('tab', { name: '検証' }));
  const panel = screen.getByRole('tabpanel');
  fireEvent.click(within(panel).getByRole('button', { name: 'このブックを検証' }));
  await within(panel).findByRole('region', { name: '検証の指摘' }, { timeout: 10_000 });
  fireEvent.click(within(panel).getByRole('button', { name: 'セルに色を付ける' }));
  await within(panel).findByText(/か所のセルに色を付けました/);
}

/** Pick a file with the header's open button (its hidden file input). */
function openWithHeader(file: File) {
  fireEvent.change(screen.getByLabelText('開くブック'), { target: { files: [file] } });
}

const otherFile = async () => {
  const file = await departmentBytes();
  return fileOf('別の課.xlsx', file.bytes);
};
/** The header's file name, once the file is open (a download first takes a few seconds in jsdom). */
const headerName = (name: string) => screen.findByTitle(name, {}, { timeout: 15_000 });

describe('file mode: the host knows when the workbook has changes not downloaded', () => {
  it('a write or a mark makes it unsaved; clearing only marks, or downloading, makes it saved again', async () => {
    const { host } = fileHost(await departmentWorkbook(), '建設水道課.xlsx');
    const port = host.getSnapshot().port!;
    expect(host.getSnapshot().unsaved).toBe(false);

    const revision = host.getSnapshot().revision;
    await port.markCells([{ sheet: (await port.listSheets())[0]!.name, cell: 'D5', severity: 'error' }]);
    expect(host.getSnapshot().unsaved).toBe(true);
    // A mark does not make views read the workbook again (a shown 検証 result stays current).
    expect(host.getSnapshot().revision).toBe(revision);
    await port.clearMarks();
    expect(host.getSnapshot().unsaved).toBe(false);

    await port.markCells([{ sheet: (await port.listSheets())[0]!.name, cell: 'D5', severity: 'error' }]);
    await host.saveCurrent();
    expect(host.getSnapshot().unsaved).toBe(false);
    // Downloaded with the marks: clearing them now is a change the downloaded file does not have.
    await port.clearMarks();
    expect(host.getSnapshot().unsaved).toBe(true);
    await host.saveCurrent();

    await port.deleteSheets([(await port.listSheets())[0]!.name]);
    expect(host.getSnapshot().unsaved).toBe(true);
    await host.saveCurrent();
    expect(host.getSnapshot().unsaved).toBe(false);
  });

  it('a sheet written into a new workbook makes it unsaved; opening another file starts saved', async () => {
    const { host } = fileHost();
    const port = await host.ensureWorkbook('令和2年度_全体計画.xlsx');
    expect(host.getSnapshot().unsaved).toBe(false);
    await port.writeSheets([buildFormSheet(STANDARD_FORM)]);
    expect(host.getSnapshot().unsaved).toBe(true);
    const file = await departmentBytes();
    await host.open({ file: file.fileName, modified: 0, bytes: file.bytes });
    expect(host.getSnapshot().unsaved).toBe(false);
  });
});

describe('file mode: leaving or opening another workbook asks while there are changes not downloaded', () => {
  it('after 検証 → セルに色を付ける, closing the tab asks; after the download it does not', async () => {
    const { host, downloads } = fileHost(await departmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    expect(leavingAsks()).toBe(false);
    expect(screen.queryByText('未保存')).toBeNull();
    await validateAndMark();
    expect(leavingAsks()).toBe(true);
    // The header says so too.
    expect(screen.getByText('未保存').getAttribute('title')).toBe('ダウンロードしていない変更があります');
    fireEvent.click(screen.getByRole('button', { name: '作業中のブックをダウンロード' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await waitFor(() => expect(leavingAsks()).toBe(false));
    expect(screen.queryByText('未保存')).toBeNull();
  });

  it('after 集約, opening another workbook asks; キャンセル keeps the consolidated master', async () => {
    const { host, downloads } = fileHost(await masterPort(), '令和2年度_全体計画.xlsx');
    renderApp(host);
    const [department] = await departmentFiles();
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), {
      target: { files: [fileOf(department!.fileName, department!.bytes)] },
    });
    fireEvent.click(await within(panel).findByRole('button', { name: '1 個のファイルを集約' }));
    await within(panel).findByLabelText('集約の結果', {}, { timeout: 20_000 });
    expect(host.getSnapshot().unsaved).toBe(true);
    expect(leavingAsks()).toBe(true);

    const openButton = screen.getByRole('button', { name: 'Excel ブック (.xlsx) を開く' });
    openButton.focus();
    openWithHeader(await otherFile());
    const dialog = await screen.findByRole('alertdialog', { name: 'ダウンロードしていない変更があります' });
    expect(
      within(dialog).getByText(
        /「令和2年度_全体計画.xlsx」には.*「別の課.xlsx」を開くと、その変更は失われます。/,
      ),
    ).toBeTruthy();
    // The button that keeps the work has the focus; Escape cancels.
    const first = within(dialog).getByRole('button', { name: 'ダウンロードしてから開く' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    fireEvent.keyDown(first, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // Focus is back on the open button.
    await waitFor(() => expect(document.activeElement).toBe(openButton));
    expect(host.getSnapshot().name).toBe('令和2年度_全体計画.xlsx');
    expect(host.getSnapshot().unsaved).toBe(true);
    expect(downloads).toHaveLength(0);
  });

  it('「ダウンロードしてから開く」 downloads the workbook, then opens the file', async () => {
    const { host, downloads } = fileHost(await departmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    await validateAndMark();
    openWithHeader(await otherFile());
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'ダウンロードしてから開く' }));
    expect(await headerName('別の課.xlsx')).toBeTruthy();
    expect(downloads.map((d) => d.fileName)).toEqual(['建設水道課.xlsx']);
    expect(host.getSnapshot().unsaved).toBe(false);
    expect(leavingAsks()).toBe(false);
  });

  it('「ダウンロードせずに開く」 opens the file and drops the changes, downloading nothing', async () => {
    const { host, downloads } = fileHost(await departmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    await validateAndMark();
    openWithHeader(await otherFile());
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'ダウンロードせずに開く' }));
    expect(await headerName('別の課.xlsx')).toBeTruthy();
    expect(downloads).toHaveLength(0);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(leavingAsks()).toBe(false);
  });

  it('with nothing changed, opening another workbook does not ask', async () => {
    const { host } = fileHost(await departmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    openWithHeader(await otherFile());
    expect(await headerName('別の課.xlsx')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('a refused file (.xls) leaves the open workbook open, and the message says which one it is', async () => {
    const { host } = fileHost(await departmentWorkbook(), '建設水道課.xlsx');
    renderApp(host);
    // An OLE compound file with a Workbook stream: Excel 97-2003.
    const utf16 = [...'Workbook'].flatMap((c) => [c.charCodeAt(0), 0]);
    const xls = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(504).fill(0),
      ...utf16,
    ]);
    openWithHeader(fileOf('建設水道課.xls', xls));
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toMatch(/「建設水道課\.xls」は Excel 97-2003 形式 \(\.xls\) です。/);
    // The header, 検証 and 集約 still work on the .xlsx: the banner must not read as if it had gone.
    expect(alert.textContent).toContain('開いているブックは「建設水道課.xlsx」のままです。');
    // The alert says it; the hidden live region does not go on saying 「…を開いています」.
    expect(document.querySelector('[data-live-region]')!.textContent).toBe('');
    expect(await headerName('建設水道課.xlsx')).toBeTruthy();
  });

  it('in Excel, marking cells changes nothing about leaving: Excel saves the workbook', async () => {
    const host = excelHost(await departmentWorkbook());
    renderApp(host);
    await validateAndMark();
    await act(async () => {});
    expect(host.getSnapshot().unsaved).toBe(false);
    expect(leavingAsks()).toBe(false);
  });
});
