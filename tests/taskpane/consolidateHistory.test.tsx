// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { consolidate } from '../../src/app/consolidate';
import { cellText as text } from '../../src/domain/extract/snapshot';
import { formatFiscalYear } from '../../src/domain/fiscal/fiscalYear';
import { r3Sample } from '../../src/domain/sample/r3';
import { DEFAULT_PLAN_TITLE } from '../../src/domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { departmentFiles, fileHost, fileOf, masterPort, renderApp, sample } from './support';

afterEach(cleanup);

/** 令和2年度's master as 総務課 kept it: the R2 sample consolidated. */
async function r2MasterBytes(): Promise<Uint8Array> {
  const port = await masterPort();
  await consolidate(
    sample.plan,
    (await departmentFiles()).map((f, i) => ({ file: f.fileName, modified: i, bytes: f.bytes })),
    {
      factory: excelJsFactory,
      target: port,
      stage: 'year-end',
      fiscalYear: sample.fiscalYear,
      stamp: '2021-04-20T09:00:00+09:00',
      title: DEFAULT_PLAN_TITLE,
    },
  );
  return port.toBuffer();
}

/** File mode over an empty master of the R3 sample's 体系 for `fiscalYear`: its 集約 tab, the 体系 read. */
async function consolidateTabOver(fiscalYear: number): Promise<HTMLElement> {
  const port = await excelJsFactory.create(
    buildMasterTemplate({ plan: r3Sample().plan, fiscalYear, title: DEFAULT_PLAN_TITLE }),
  );
  renderApp(fileHost(port, `${formatFiscalYear(fiscalYear)}_全体計画.xlsx`).host);
  fireEvent.click(screen.getByRole('tab', { name: '集約' }));
  await screen.findByLabelText('過去の集約ファイル', {}, { timeout: 20_000 });
  return screen.getByRole('tabpanel');
}

/** A file added under 過去の集約ファイル, once the list shows `listed` for it. */
async function addPast(panel: HTMLElement, file: File, listed: string | RegExp): Promise<void> {
  fireEvent.change(within(panel).getByLabelText('過去の集約ファイル'), { target: { files: [file] } });
  const past = within(panel).getByRole('region', { name: '過去の集約ファイル（推移）' });
  await within(past).findByText(listed, {}, { timeout: 20_000 });
}

/** The department files given and consolidated. */
async function consolidateIn(
  panel: HTMLElement,
  files: readonly { fileName: string; bytes: Uint8Array }[],
): Promise<void> {
  fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), {
    target: { files: files.map((f) => fileOf(f.fileName, f.bytes)) },
  });
  fireEvent.click(await within(panel).findByRole('button', { name: `${files.length} 個のファイルを集約` }));
}

describe('集約 tab: 過去の集約ファイルを追加', () => {
  it('adds last year’s master, names a file that is none, and writes 推移 over both years', async () => {
    const r3 = r3Sample();
    const port = await excelJsFactory.create(
      buildMasterTemplate({ plan: r3.plan, fiscalYear: r3.fiscalYear, title: DEFAULT_PLAN_TITLE }),
    );
    const { host } = fileHost(port, '令和3年度_全体計画.xlsx');
    renderApp(host);
    fireEvent.click(screen.getByRole('tab', { name: '集約' }));
    const panel = screen.getByRole('tabpanel');

    const r3Files = await buildDepartmentFiles(excelJsFactory, {
      plan: r3.plan,
      fiscalYear: r3.fiscalYear,
      entries: r3.entries,
    });
    const notMaster = r3Files[0]!;
    fireEvent.change(within(panel).getByLabelText('過去の集約ファイル'), {
      target: {
        files: [fileOf('master-R2.xlsx', await r2MasterBytes()), fileOf(notMaster.fileName, notMaster.bytes)],
      },
    });
    const past = within(panel).getByRole('region', { name: '過去の集約ファイル（推移）' });
    expect(await within(past).findByText('令和2年度・全体計画 37 行', {}, { timeout: 20_000 })).toBeTruthy();
    expect(
      within(past).getByText(
        new RegExp(`^過去の集約ファイル「${notMaster.fileName}」に体系のシートがありません`),
      ),
    ).toBeTruthy();
    fireEvent.click(within(past).getByRole('button', { name: `${notMaster.fileName} を外す` }));
    await waitFor(() => expect(within(past).getAllByRole('listitem')).toHaveLength(1));

    fireEvent.change(within(panel).getByLabelText('集約する各課のファイル'), {
      target: { files: r3Files.map((f) => fileOf(f.fileName, f.bytes)) },
    });
    const list = await within(panel).findByRole('region', { name: '集約するファイル' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(r3Files.length));
    fireEvent.click(within(panel).getByRole('button', { name: `${r3Files.length} 個のファイルを集約` }));
    await within(panel).findByLabelText('集約の結果', {}, { timeout: 20_000 });
    expect(
      await within(panel).findByText(/「推移」シートに令和2年度・令和3年度の推移を書きました。$/),
    ).toBeTruthy();

    const history = (await port.readSnapshot(['推移'])).sheets[0]!;
    expect(text(history.values[0]?.[0])).toBe('推移（令和2年度～令和3年度）');
    const total = history.values.find((r) => text(r[0]) === '全体')!;
    expect(total.slice(1, 6)).toEqual([23, 13, 1, 0, 37]);
    expect(total.slice(7, 12)).toEqual([25, 13, 0, 0, 38]);
    const log = (await port.readSnapshot(['集約ログ'])).sheets[0]!;
    const copied = log.values.filter((r) => text(r[6]).includes('前年度（令和2年度）と同じ文です'));
    expect(copied.map((r) => [r[3], r[4]])).toEqual([['II-1-2-1', '総務課']]);
  }, 60_000);

  it('says which year between has no master (令和2年度 given, 令和4年度 consolidated)', async () => {
    const r3 = r3Sample();
    const panel = await consolidateTabOver(2022);
    await addPast(panel, fileOf('master-R2.xlsx', await r2MasterBytes()), '令和2年度・全体計画 37 行');
    await consolidateIn(
      panel,
      await buildDepartmentFiles(excelJsFactory, {
        plan: r3.plan,
        fiscalYear: 2022,
        entries: r3.entries.map((e) => ({ ...e, fiscalYear: 2022 })),
      }),
    );
    expect(
      await within(panel).findByText(
        /「推移」シートに令和2年度・令和4年度の推移を書きました。令和3年度の全体計画が渡されていないため、推移にその年度はありません。$/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
  }, 60_000);

  it('says in the result that a past file it cannot use was left out of 推移', async () => {
    const r3 = r3Sample();
    const panel = await consolidateTabOver(r3.fiscalYear);
    const r3Files = await buildDepartmentFiles(excelJsFactory, {
      plan: r3.plan,
      fiscalYear: r3.fiscalYear,
      entries: r3.entries,
    });
    const notMaster = r3Files[0]!;
    await addPast(panel, fileOf(`過去_${notMaster.fileName}`, notMaster.bytes), /に体系のシートがありません/);
    await consolidateIn(panel, r3Files);
    expect(
      await within(panel).findByText(
        new RegExp(
          `過去の集約ファイル「過去_${notMaster.fileName}」は使えないため、推移に含めていません（理由は「過去の集約ファイル（推移）」の一覧にあります）。$`,
        ),
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
  }, 60_000);
});
