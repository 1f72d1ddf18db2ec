// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { consolidate } from '../../src/app/consolidate';
import { readDepartmentFile } from '../../src/app/readDepartmentFile';
import { rollover } from '../../src/app/rollover';
import { validateSnapshot } from '../../src/app/validateWorkbook';
import { r3Sample } from '../../src/domain/sample/r3';
import { DEFAULT_PLAN_TITLE } from '../../src/domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { renamedDepartment } from '../helpers/reorganisedPlan';
import {
  departmentFiles,
  excelHost,
  fileHost,
  fileOf,
  masterPort,
  renderApp,
  sample,
  type Downloaded,
} from './support';

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

const T = { timeout: 30_000 };

/** シート作成's 引継ぎ section, once the tab shows the open workbook's 体系 (when there is one). */
async function section(withPlan = false) {
  fireEvent.click(screen.getByRole('tab', { name: 'シート作成' }));
  if (withPlan) await screen.findByRole('group', { name: /実践課/ });
  return within(screen.getByRole('region', { name: '前年度の全体計画から作成（引継ぎ）' }));
}

async function pickMaster(
  s: Awaited<ReturnType<typeof section>>,
  bytes: Uint8Array,
  name = 'master-R2.xlsx',
) {
  fireEvent.change(s.getByLabelText('前年度の全体計画'), { target: { files: [fileOf(name, bytes)] } });
}

/** The entries and 前年度 values a department workbook holds, as the validator reads them. */
async function readBook(bytes: Uint8Array, file: string, plan = sample.plan) {
  const read = await readDepartmentFile(bytes, file);
  if (!read.ok) throw new Error(read.error.message);
  const result = validateSnapshot(read.value, { file, stage: 'plan', plan, fiscalYear: 2021 });
  return result.extraction.entries.map((e) => ({ entry: e.entry, previous: e.previous }));
}

const xml = (bytes: Uint8Array, path: string) => strFromU8(unzipSync(bytes)[path]!);

describe('シート作成: 前年度の全体計画から作成（引継ぎ）', () => {
  it('in file mode, makes 令和3年度 from the R2 master as the use case does, lists the 対応表 and downloads', async () => {
    const master = await r2MasterBytes();
    const { host, downloads } = fileHost();
    renderApp(host);
    const s = await section();
    await pickMaster(s, master);
    expect(await s.findByText(/は令和2年度の全体計画です（記入 37 行）/, {}, T)).toBeTruthy();
    const year = s.getByRole('combobox', { name: '作成する年度' }) as HTMLSelectElement;
    expect(year.selectedOptions[0]?.textContent).toBe('令和3年度');
    // Without a 体系 open there is nothing else to use as next year's.
    expect(s.queryByRole('checkbox', { name: /開いているブックの体系/ })).toBeNull();
    fireEvent.click(s.getByRole('checkbox', { name: '前年度の欄も印刷する' }));
    fireEvent.click(s.getByRole('button', { name: '令和3年度のブックを引き継いで作成' }));
    const result = within(await s.findByRole('region', { name: '引継ぎの結果' }, T));
    expect(
      within(result.getByRole('list', { name: '取組項目の対応' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['同じ 21', '番号変更 0', '名称変更 0', '対応表で指定 0', '対応なし 0', '新規 0']);
    expect(result.getByText('引き継がない記入はありません。')).toBeTruthy();

    // The department workbook equals what the use case gives for the same input (the CLI's path).
    fireEvent.click(result.getByRole('button', { name: '総務課.xlsx をダウンロード' }));
    await waitFor(() => expect(downloads.map((d) => d.fileName)).toEqual(['総務課.xlsx']));
    const pane = downloads[0]!.data as Uint8Array;
    const direct = await rollover({
      master: { bytes: master, file: 'master-R2.xlsx' },
      fiscalYear: 2021,
      printReference: true,
      factory: excelJsFactory,
    });
    if (!direct.ok) throw new Error(direct.error);
    const cli = direct.value.files.find((f) => f.department === '総務課')!;
    const read = await readBook(pane, '総務課.xlsx');
    expect(read).toEqual(await readBook(cli.bytes, '総務課.xlsx'));
    const goal = sample.entries.find((e) => e.department === '総務課' && e.code === 'II-1-2-1')!;
    const got = read.find((e) => e.entry.code === 'II-1-2-1')!;
    expect(got.entry.fields.goal).toBe(goal.fields.goal);
    expect(got.entry.fields.evaluation).toBe('');
    expect(got.previous?.fields.evaluation).toBe(goal.fields.evaluation);
    // 前年度の欄も印刷する: the print areas are the use case's with printReference, not without it.
    expect(xml(pane, 'xl/workbook.xml')).toBe(xml(cli.bytes, 'xl/workbook.xml'));
    const plain = await rollover({
      master: { bytes: master, file: 'm.xlsx' },
      fiscalYear: 2021,
      factory: excelJsFactory,
    });
    if (!plain.ok) throw new Error(plain.error);
    expect(xml(plain.value.files.find((f) => f.department === '総務課')!.bytes, 'xl/workbook.xml')).not.toBe(
      xml(pane, 'xl/workbook.xml'),
    );

    fireEvent.click(result.getByRole('button', { name: '全体計画のひな形 (.xlsx)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    await waitFor(() =>
      expect(result.getByRole('button', { name: '対応表 (mapping.json)' })).toHaveProperty('disabled', false),
    );
    fireEvent.click(result.getByRole('button', { name: '対応表 (mapping.json)' }));
    await waitFor(() => expect(downloads).toHaveLength(3));
    expect(downloads.slice(1).map((d: Downloaded) => d.fileName)).toEqual([
      '令和3年度_全体計画.xlsx',
      'mapping.json',
    ]);
    const template = await readDepartmentFile(downloads[1]!.data as Uint8Array, 't.xlsx');
    expect(template.ok && template.value.sheets.map((x) => x.name)).toEqual(
      expect.arrayContaining(['体系', '全体計画', '対応表']),
    );

    // An edited 対応表: I-2-1-4 gets no successor, so its entry is left behind, and the pane says so.
    const mapping = JSON.parse(downloads[2]!.data as string) as {
      items: { previous: string; next: string | null }[];
    };
    mapping.items.find((i) => i.previous === 'I-2-1-4')!.next = null;
    fireEvent.change(s.getByLabelText('編集した対応表 (mapping.json)'), {
      target: { files: [new File([JSON.stringify(mapping)], 'edited.json', { type: 'application/json' })] },
    });
    await waitFor(() => expect(s.getByText('対応なし 1')).toBeTruthy(), T);
    const again = within(s.getByRole('region', { name: '引継ぎの結果' }));
    const left = within(again.getByRole('region', { name: '引き継がない記入' }));
    expect(left.getByRole('listitem').textContent).toBe(
      'I-2-1-4保健福祉課 — 令和3年度の体系に対応する取組項目がありません',
    );
    expect(s.getByText('使用中の対応表: edited.json')).toBeTruthy();
    expect(s.getByText(/対応表「edited.json」のとおりに作成しました。/)).toBeTruthy();

    // 「edited.json を外す」 takes the mapping, its button and the result away: the focus goes to the button
    // that makes the workbooks again.
    const remove = s.getByRole('button', { name: 'edited.json を外す' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(s.queryByText('使用中の対応表: edited.json')).toBeNull(), T);
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/のブックを引き継いで作成$/), T);

    // A bad code in the 対応表 is refused, naming the file and items[i].
    mapping.items.find((i) => i.previous === 'I-2-1-4')!.next = 'IX-9-9-9';
    fireEvent.change(s.getByLabelText('編集した対応表 (mapping.json)'), {
      target: { files: [new File([JSON.stringify(mapping)], 'bad.json')] },
    });
    expect(
      await s.findByText(
        /対応表「bad.json」: items\[\d+\]（I-2-1-4）: 令和3年度の体系に取組項目「IX-9-9-9」がありません。/,
        {},
        T,
      ),
    ).toBeTruthy();
  }, 120_000);

  it('uses the open workbook’s 体系 when asked: the renamed and the new item are shown', async () => {
    const r3 = r3Sample();
    const port = await excelJsFactory.create(
      buildMasterTemplate({ plan: r3.plan, fiscalYear: r3.fiscalYear, title: DEFAULT_PLAN_TITLE }),
    );
    const { host, downloads } = fileHost(port, '令和3年度_全体計画.xlsx');
    renderApp(host);
    const s = await section(true);
    await pickMaster(s, await r2MasterBytes());
    const use = await s.findByRole('checkbox', { name: /開いているブックの体系を翌年度の体系にする/ }, T);
    fireEvent.click(use);
    fireEvent.click(s.getByRole('button', { name: '令和3年度のブックを引き継いで作成' }));
    const result = within(await s.findByRole('region', { name: '引継ぎの結果' }, T));
    expect(result.getByText('名称変更 1')).toBeTruthy();
    expect(result.getByText('新規 1')).toBeTruthy();
    const renamed = within(result.getByRole('region', { name: '番号・名称が変わった取組項目' }));
    expect(renamed.getByRole('listitem').textContent).toBe(
      '名称変更: II-2-4-1マイナンバーカードの普及 → II-2-4-1マイナンバーカードの普及と利活用',
    );
    const added = within(result.getByRole('region', { name: '新規の取組項目（令和2年度なし・空欄で作成）' }));
    expect(added.getByRole('listitem').textContent).toBe('II-2-4-3行政手続のオンライン化の検討');
    expect(
      result.getByText(/開いているブック「令和3年度_全体計画.xlsx」の体系で作成しました。/),
    ).toBeTruthy();

    fireEvent.click(result.getByRole('button', { name: '.zip にまとめてダウンロード' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.fileName).toBe('令和3年度_課別シート_引継ぎ.zip');
    const zip = unzipSync(downloads[0]!.data as Uint8Array);
    const book = await readBook(zip['総務課.xlsx']!, '総務課.xlsx', r3.plan);
    const added3 = book.find((e) => e.entry.code === 'II-2-4-3');
    expect(added3?.entry.fields.goal).toBe('');
    expect(added3?.previous).toBeUndefined();
    // The renamed item's sheets start from R2's text.
    const r2 = sample.entries.find((e) => e.code === 'II-2-4-1')!;
    const renamedBook = await readBook(zip[`${r2.department}.xlsx`]!, 'x.xlsx', r3.plan);
    const carried = renamedBook.find((e) => e.entry.code === 'II-2-4-1')!;
    expect(carried.entry.fields.goal).toBe(r2.fields.goal);
    expect(carried.previous?.fields.evaluation).toBe(r2.fields.evaluation);
  }, 120_000);

  it('carries a renamed department’s sheets to its new name and lists it under 令和3年度の体系にない課', async () => {
    const plan = renamedDepartment(sample.plan);
    const port = await excelJsFactory.create(
      buildMasterTemplate({ plan, fiscalYear: 2021, title: DEFAULT_PLAN_TITLE }),
    );
    const { host, downloads } = fileHost(port, '令和3年度_全体計画.xlsx');
    renderApp(host);
    const s = await section(true);
    await pickMaster(s, await r2MasterBytes());
    fireEvent.click(
      await s.findByRole('checkbox', { name: /開いているブックの体系を翌年度の体系にする/ }, T),
    );
    fireEvent.click(s.getByRole('button', { name: '令和3年度のブックを引き継いで作成' }));
    const result = within(await s.findByRole('region', { name: '引継ぎの結果' }, T));
    const gone = within(result.getByRole('region', { name: '令和3年度の体系にない課' }));
    expect(gone.getByRole('listitem').textContent).toBe(
      '課名変更（推定）: 企画商工観光課 → 産業観光課（企画商工観光課の記入を産業観光課のシートに引き継ぎます）',
    );
    expect(result.getByText('引き継がない記入はありません。')).toBeTruthy();

    fireEvent.click(result.getByRole('button', { name: '.zip にまとめてダウンロード' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const zip = unzipSync(downloads[0]!.data as Uint8Array);
    expect(zip['企画商工観光課.xlsx']).toBeUndefined();
    const book = await readBook(zip['産業観光課.xlsx']!, '産業観光課.xlsx', plan);
    const r2 = sample.entries.find((e) => e.department === '企画商工観光課' && e.code === 'II-1-1-1')!;
    const carried = book.find((e) => e.entry.code === 'II-1-1-1');
    expect(carried?.entry.department).toBe('産業観光課');
    expect(carried?.entry.fields.goal).toBe(r2.fields.goal);
  }, 120_000);

  it('in Excel, opens each department workbook and the template as new workbooks', async () => {
    const created: string[] = [];
    renderApp(excelHost(await masterPort(), async (base64) => void created.push(base64)));
    const s = await section(true);
    expect(
      s.getByText(/作成した課ごとのブックと全体計画のひな形は Excel の新しいブックで開きます。/),
    ).toBeTruthy();
    await pickMaster(s, await r2MasterBytes());
    // The open workbook's 体系 is the master's own: nothing to choose.
    await s.findByRole('combobox', { name: '作成する年度' }, T);
    expect(s.queryByRole('checkbox', { name: /開いているブックの体系/ })).toBeNull();
    fireEvent.click(s.getByRole('button', { name: '令和3年度のブックを引き継いで作成' }));
    const result = within(await s.findByRole('region', { name: '引継ぎの結果' }, T));
    expect(result.getByText(/mapping.json はファイルモードか suishin rollover で書き出せます/)).toBeTruthy();
    expect(result.queryByRole('button', { name: '対応表 (mapping.json)' })).toBeNull();
    fireEvent.click(result.getByRole('button', { name: '課ごとのブックを Excel で開く（8 課）' }));
    expect(
      await result.findByText(
        /のブックを Excel で開きました。それぞれ「令和3年度」の名前を付けて保存/,
        {},
        T,
      ),
    ).toBeTruthy();
    expect(created).toHaveLength(8);
    fireEvent.click(result.getByRole('button', { name: '全体計画のひな形を Excel で開く' }));
    await waitFor(() => expect(created).toHaveLength(9));
    expect(atob(created[8]!).slice(0, 2)).toBe('PK');
  }, 120_000);

  it('names a file that is no consolidated master and offers no run', async () => {
    const { host } = fileHost();
    renderApp(host);
    const s = await section();
    const [book] = await departmentFiles();
    await pickMaster(s, book!.bytes, book!.fileName);
    expect(
      await s.findAllByText(new RegExp(`「${book!.fileName}」に体系のシートがありません`), {}, T),
    ).not.toHaveLength(0);
    // Named as what it is here, last year's master (not 推移's 「過去の集約ファイル」).
    expect(
      s.getAllByText(new RegExp(`^前年度の全体計画「${book!.fileName}」に体系のシートがありません`)),
    ).not.toHaveLength(0);
    expect(s.queryByRole('button', { name: /引き継いで作成/ })).toBeNull();
  }, 60_000);
});
