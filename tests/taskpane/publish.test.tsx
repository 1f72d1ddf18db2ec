// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { departmentFiles, excelHost, fileHost, fileOf, masterPort, renderApp, sample } from './support';

afterEach(cleanup);

/** 集約 on the R2 department files (the sample's entries, or those given), then 「公開用に書き出す」 in the result. */
async function consolidateAndPublish(entries = sample.entries) {
  fireEvent.click(screen.getByRole('tab', { name: '集約' }));
  const panel = screen.getByRole('tabpanel');
  const files = (await departmentFiles(entries)).map((f) => fileOf(f.fileName, f.bytes));
  fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), { target: { files } });
  const run = await within(panel).findByRole('button', { name: `${files.length} 個のファイルを集約` });
  fireEvent.click(run);
  await within(panel).findByLabelText('集約の結果', {}, { timeout: 20_000 });
  fireEvent.click(within(panel).getByRole('button', { name: '公開用に書き出す' }));
  return panel;
}

/** A consolidated R2 master's bytes, with 総務課's correction typed into 全体計画 afterwards (ExcelJS). */
async function correctedMaster(): Promise<Uint8Array> {
  const { host } = fileHost(await masterPort(), '令和2年度_全体計画.xlsx');
  renderApp(host);
  await consolidateAndPublish();
  const bytes = await host.saveCurrent!();
  cleanup();
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes!.buffer as ArrayBuffer);
  const sheet = book.getWorksheet('全体計画')!;
  const header = (sheet.getRow(3).values as unknown[]).indexOf('目標');
  sheet.getCell(4, header).value = '広報紙面の充実（訂正済み）';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('集約: 公開用に書き出す', () => {
  it('offers, for a master opened already consolidated, to publish it as it stands, corrections included', async () => {
    const bytes = await correctedMaster();
    const opened = await excelJsFactory.open(bytes, '令和2年度_全体計画.xlsx');
    if (!opened.ok) throw new Error(opened.error.message);
    const { host, downloads } = fileHost(opened.value, '令和2年度_全体計画.xlsx');
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    // No 集約 run: the button is there for the master as opened.
    fireEvent.click(
      await within(panel).findByRole('button', { name: '公開用に書き出す' }, { timeout: 10_000 }),
    );
    await within(panel).findByText(
      /^report\.html・opendata\.csv・opendata\.xlsx を書き出しました/,
      {},
      { timeout: 20_000 },
    );
    const csv = new TextDecoder().decode(
      downloads.find((d) => d.fileName === 'opendata.csv')!.data as Uint8Array,
    );
    expect(csv).toContain('広報紙面の充実（訂正済み）');
  }, 60_000);

  it('offers no 公開用に書き出す before a run for a master never consolidated (a template)', async () => {
    renderApp(fileHost(await masterPort(), '令和2年度_全体計画.xlsx').host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');
    await within(panel).findByRole('button', { name: /集約/ }, { timeout: 10_000 });
    expect(within(panel).queryByRole('button', { name: '公開用に書き出す' })).toBeNull();
  });

  it('downloads report.html, opendata.csv and opendata.xlsx of the consolidation in file mode', async () => {
    const { host, downloads } = fileHost(await masterPort(), '令和2年度_全体計画.xlsx');
    renderApp(host);
    const panel = await consolidateAndPublish();
    await within(panel).findByText(
      /^report\.html・opendata\.csv・opendata\.xlsx を書き出しました（取組項目 37 件、公表する項目 7。）/,
      {},
      { timeout: 20_000 },
    );
    const published = downloads.filter(
      (d) => d.fileName !== 'report.json' && !d.fileName.endsWith('全体計画.xlsx'),
    );
    expect(published.map((d) => [d.fileName, d.mime])).toEqual([
      ['report.html', 'text/html'],
      ['opendata.csv', 'text/csv'],
      ['opendata.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const html = published[0]!.data as string;
    expect(html).toContain(`<h1>令和2年度 町政運営推進プラン 取組状況</h1>`);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(published[1]!.data as Uint8Array);
    expect(csv.startsWith('\uFEFF年度,基本項目,推進項目,取組項目コード,取組項目,実践課,番号,目指す姿,')).toBe(
      true,
    );
    expect(csv.split('\r\n')).toHaveLength(2 + sample.entries.length);
    expect([...(published[2]!.data as Uint8Array).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('warns first, naming code, department, field and cell, when what is published has errors; the files keep the values', async () => {
    const [first, second] = sample.entries;
    const broken = sample.entries.map((e) =>
      e === first
        ? { ...e, fields: { ...e.fields, achievement: 'ほぼ達成' } }
        : e === second
          ? { ...e, fields: { ...e.fields, goal: '' } }
          : e,
    );
    const { host, downloads } = fileHost(await masterPort(), '令和2年度_全体計画.xlsx');
    renderApp(host);
    const panel = await consolidateAndPublish(broken);
    const status = await within(panel).findByText(
      /^全体計画にエラーが 2 件あります（取組項目 2 件）。公開前に直してください。/,
      {},
      { timeout: 20_000 },
    );
    const text = status.textContent ?? '';
    expect(text).toMatch(
      new RegExp(
        // At 全体計画's cell, as `suishin publish` names it: the master as it stands is what is published.
        `${first!.code} ${first!.department} 「目標の達成」 令和2年度_全体計画\\.xlsx「全体計画」[A-Z]+\\d+: 目標の達成「ほぼ達成」は選択肢にありません。`,
      ),
    );
    expect(text).toMatch(
      new RegExp(`${second!.code} ${second!.department} 「目標」 .+: 「目標」が未記入です`),
    );
    expect(text).toContain('選択肢にない値もその文字のまま');
    // One line each (a walk-through read all of it as one paragraph at 360 px).
    expect(text.split('\n').length).toBeGreaterThanOrEqual(5);
    expect(getComputedStyle(status).whiteSpace).toBe('pre-line');
    // …and an item code is not broken at its hyphens (II-1-2-1 split over two lines at 360 px).
    const code = within(status).getAllByText(first!.code)[0]!;
    expect(code.tagName).toBe('SPAN');
    expect(getComputedStyle(code).whiteSpace).toBe('nowrap');
    expect(text).toContain('を書き出しました（取組項目 37 件、公表する項目 7。）');
    const csv = downloads.find((d) => d.fileName === 'opendata.csv');
    expect(new TextDecoder().decode(csv!.data as Uint8Array)).toContain('ほぼ達成');
  });

  it('opens the open data as a new workbook in Excel, and says where the report and CSV come from', async () => {
    const opened: string[] = [];
    const host = excelHost(await masterPort(), async (base64) => {
      opened.push(base64);
    });
    renderApp(host);
    const panel = await consolidateAndPublish();
    await within(panel).findByText(
      /^オープンデータ（opendata\.xlsx の内容）を新しいブックで開きました/,
      {},
      { timeout: 20_000 },
    );
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(atob(opened[0]!).slice(0, 2)).toBe('PK');
  });
});
