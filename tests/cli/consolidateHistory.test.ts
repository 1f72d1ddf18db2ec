import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentFiles, buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import { readPastMaster } from '../../src/app/pastMaster';
import { HISTORY_SHEET_NAME } from '../../src/domain/consolidation/viewSheetNames';
import { r2Sample } from '../../src/domain/sample/r2';
import { r3Sample } from '../../src/domain/sample/r3';
import { FIRST_DATA_ROW } from '../../src/domain/template/buildTableSheet';
import { MASTER_SHEET_NAME } from '../../src/domain/template/sheetName';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { r2Workspace, readSheets, runCli, text, writeFiles, type CliRun } from './runCli';

const R3_PLAN = resolve(__dirname, '../../samples/r3/plan.json');

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let r3Files: string[] = [];
let run: CliRun;
beforeAll(async () => {
  let r2Files: string[];
  ({ dir, files: r2Files, cleanup } = await r2Workspace());
  const r2 = await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...r2Files, '--out', 'master-R2.xlsx');
  if (r2.code !== 0) throw new Error(r2.stdout + r2.stderr);
  const { plan, fiscalYear, entries } = r3Sample();
  await mkdir(join(dir, 'r3'));
  r3Files = (
    await writeFiles(
      join(dir, 'r3'),
      await buildDepartmentFiles(excelJsFactory, { plan, fiscalYear, entries }),
    )
  ).map((f) => join('r3', f));
  run = await consolidateR3('master-R3.xlsx', 'master-R2.xlsx');
}, 120_000);

/** This year's (令和3年度's) files into `out`, with these past masters. */
const consolidateR3 = (out: string, ...past: string[]) =>
  runCli(
    dir,
    'consolidate',
    '--plan',
    R3_PLAN,
    ...r3Files,
    '--out',
    out,
    ...past.flatMap((p) => ['--history', p]),
  );
afterAll(() => cleanup());

const sheetXml = async (file: string, name: string): Promise<string> => {
  const zip = unzipSync(new Uint8Array(await readFile(join(dir, file))));
  const workbook = strFromU8(zip['xl/workbook.xml']!);
  const rels = strFromU8(zip['xl/_rels/workbook.xml.rels']!);
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  return strFromU8(zip[`xl/${target.replace(/^\/?xl\//, '')}`]!);
};

describe('suishin consolidate --history', () => {
  it('consolidates 令和3年度 and writes a 推移 sheet over both years, saying so', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '推移: 令和2年度・令和3年度の集計と取組項目ごとの推移を「推移」シートに書きました',
    );
  });

  it('counts each year on 推移 and gives each item its years, the renamed and the added one included', async () => {
    const [history] = await readSheets(new Uint8Array(await readFile(join(dir, 'master-R3.xlsx'))), [
      HISTORY_SHEET_NAME,
    ]);
    const rows = history!.values.map((r) => r.map(text));
    const total = rows.find((r) => r[0] === '全体')!;
    expect(total.slice(1, 6)).toEqual(['23', '13', '1', '0', '37']);
    expect(total.slice(7, 12)).toEqual(['25', '13', '0', '0', '38']);
    const renamed = rows.filter((r) => r[1] === 'II-2-4-1');
    expect(renamed.map((r) => [r[0], r[4]])).toEqual([
      ['④ 情報通信技術 (ICT) の利活用 (1) マイナンバーカードの普及', '令和2年度'],
      ['④ 情報通信技術 (ICT) の利活用 (1) マイナンバーカードの普及と利活用', '令和3年度'],
    ]);
    const added = rows.filter((r) => r[1] === 'II-2-4-3');
    expect(added.map((r) => [r[4], r[5]])).toEqual([
      ['令和2年度', '（この年度の全体計画になし）'],
      ['令和3年度', '一部達成できた'],
    ]);
  });

  it("links each 全体計画 row's 取組項目 to its history, and reads back as a past master next year", async () => {
    const xml = await sheetXml('master-R3.xlsx', MASTER_SHEET_NAME);
    const links = [
      ...xml.matchAll(
        /<c r="([A-Z]+)(\d+)"[^>]*><f>HYPERLINK\(&quot;#'([^']+)'!A(\d+)&quot;,&quot;([^&]+)&quot;\)<\/f>/g,
      ),
    ];
    expect(links).toHaveLength(38);
    expect(links.every((m) => m[1] === 'D' && m[3] === HISTORY_SHEET_NAME)).toBe(true);
    expect([Number(links[0]![2]), links[0]![5]]).toEqual([
      FIRST_DATA_ROW + 1,
      '① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施',
    ]);
    // Next spring, this master is a past year: its linked codes read as codes.
    const next = await readPastMaster(
      new Uint8Array(await readFile(join(dir, 'master-R3.xlsx'))),
      'master-R3.xlsx',
    );
    expect(next.ok && next.value.fiscalYear).toBe(2021);
    expect(next.ok && next.value.rows.filter((r) => r.entry).map((r) => r.code)).toEqual(
      r3Sample().entries.map((e) => e.code),
    );
  });

  it('flags in 集約ログ the 評価・検証 left as last year wrote it', async () => {
    const [log] = await readSheets(new Uint8Array(await readFile(join(dir, 'master-R3.xlsx'))), ['集約ログ']);
    const same = log!.values
      .map((r) => r.map(text))
      .filter((r) => (r[6] ?? '').includes('前年度（令和2年度）と同じ文です'));
    expect(same.map((r) => [r[3], r[4]])).toEqual([['II-1-2-1', '総務課']]);
  });

  it('drops 推移 when the master is consolidated again without --history (it shows only the years given)', async () => {
    const again = await runCli(dir, 'consolidate', ...r3Files, '--out', 'master-R3.xlsx');
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).not.toContain('推移:');
    const names = (await readSheets(new Uint8Array(await readFile(join(dir, 'master-R3.xlsx'))))).map(
      (s) => s.name,
    );
    expect(names).toContain(MASTER_SHEET_NAME);
    expect(names).not.toContain(HISTORY_SHEET_NAME);
    const xml = await sheetXml('master-R3.xlsx', MASTER_SHEET_NAME);
    expect(xml).not.toContain('HYPERLINK');
  });

  it("takes `--history a.xlsx b.xlsx` as two past masters; the run's own year wins over a past file of it, and it says so", async () => {
    const same = await runCli(
      dir,
      'consolidate',
      '--out',
      'same-year.xlsx',
      '--plan',
      R3_PLAN,
      '--history',
      'master-R2.xlsx',
      'master-R3.xlsx',
      ...r3Files,
    );
    expect(same.code, same.stdout + same.stderr).toBe(0);
    // The master after --history is not read as a department's file (its report sheets would replace theirs).
    expect(same.stdout).toContain('入力ファイル: 8 件（読み込み 8 件');
    expect(same.stdout).not.toContain('差し替え');
    expect(same.stdout).toContain(
      '「master-R3.xlsx」は集約した年度（令和3年度）と同じ年度のため、その年度はこの集約の内容で示しました。',
    );
    const [history] = await readSheets(new Uint8Array(await readFile(join(dir, 'same-year.xlsx'))), [
      HISTORY_SHEET_NAME,
    ]);
    expect(text(history!.values[1]?.[0])).toContain('令和3年度: この集約');
  });

  it('refuses a past file that is not a consolidated master, and two masters of one year, naming the files', async () => {
    const withHistory = (...past: string[]) => consolidateR3('other.xlsx', ...past);
    const notMaster = await withHistory(r3Files[0]!);
    expect(notMaster.code).toBe(2);
    expect(notMaster.stderr).toContain(`過去の集約ファイル「${r3Files[0]!}」`);
    // A master template never consolidated: its rows would all read as 未提出.
    await writeFile(
      join(dir, 'template-R2.xlsx'),
      await buildMasterTemplateFile(excelJsFactory, { plan: r2Sample().plan, fiscalYear: 2020 }),
    );
    const template = await withHistory('template-R2.xlsx');
    expect(template.code).toBe(2);
    expect(template.stderr).toContain(
      '過去の集約ファイル「template-R2.xlsx」（令和2年度）の「全体計画」シートに集約した記入がありません（集約する前のひな形ではありませんか）。',
    );
    const twice = await withHistory('master-R2.xlsx', 'master-R2.xlsx');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(
      '「master-R2.xlsx」と「master-R2.xlsx」はどちらも令和2年度の集約ファイルです',
    );
  });

  it('refuses last year’s master given among the returns, saying to pass it with --history', async () => {
    const mixed = await runCli(
      dir,
      'consolidate',
      '--plan',
      R3_PLAN,
      ...r3Files,
      'master-R2.xlsx',
      '--out',
      'mixed.xlsx',
      '--report',
      'mixed.json',
    );
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain(
      '× master-R2.xlsx — 「master-R2.xlsx」は集約した全体計画のブック（「全体計画」シートと体系があります）で、各課から届いたファイルではないため集約しませんでした。過去の年度の推移に使うときは --history',
    );
    // Its 報告 sheets are not read as dozens of wrong-year returns.
    const report = JSON.parse(await readFile(join(dir, 'mixed.json'), 'utf8')) as {
      summary: { wrongYearSheets: number };
    };
    expect(report.summary.wrongYearSheets).toBe(0);
  });
});
