import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../../src/domain/entry/formDefinition';
import { fieldText } from '../../src/domain/entry/types';
import { formatAssignment, planItems } from '../../src/domain/plan/planItems';
import { r2Sample } from '../../src/domain/sample/r2';
import { runCli, tempDir, type CliRun } from './runCli';

/** The 実践課 opendata.csv credits an entry to: a 全課 item's one row is 全課【総務課】, not the coordinator. */
const credited = (e: { readonly code: string; readonly department: string }): string => {
  const item = planItems(r2Sample().plan).find((p) => p.code === e.code)!.item;
  return item.assignment.kind === 'all' ? formatAssignment(item.assignment) : e.department;
};

/** The CSV as Python's csv module reads it (utf-8-sig takes the BOM off). */
function pythonCsv(path: string): string[][] {
  const script = `import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))`;
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

/** openpyxl stands in for 総務課 editing the master's 様式 in Excel: 公表 × on one field. */
const HIDE = `
import sys, openpyxl
path, label = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
ws = wb['様式']
header = [c.value for c in ws[2]]
col = {name: header.index(name) + 1 for name in header if name}
for r in range(3, ws.max_row + 1):
    if ws.cell(r, col['項目']).value == label:
        ws.cell(r, col['公表']).value = '×'
wb.save(path)
`;

/**
 * openpyxl stands in for a master with errors left in it: 目標の達成 of the first row set to a value that is
 * not a choice, 目標 of the second row emptied. Prints the two rows' code, department and cells as JSON.
 */
const BREAK = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['全体計画']
header = next(r for r in range(1, 21) if any(c.value == '取組項目コード' for c in ws[r]))
col = {c.value: c.column for c in ws[header] if c.value}
first, second = header + 1, header + 2
ws.cell(first, col['目標の達成']).value = 'ほぼ達成'
ws.cell(second, col['目標']).value = None
wb.save(sys.argv[1])
def at(r, label):
    return {'code': ws.cell(r, col['取組項目コード']).value, 'department': ws.cell(r, col['実践課']).value,
            'cell': ws.cell(r, col[label]).coordinate}
print(json.dumps([at(first, '目標の達成'), at(second, '目標')], ensure_ascii=False))
`;

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let r2: CliRun;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  expect((await runCli(dir, 'demo', '--out', 'demo')).code).toBe(0);
  expect((await runCli(dir, 'demo', '--sample', 'kpi', '--out', 'kpi')).code).toBe(0);
  r2 = await runCli(dir, 'publish', join('demo', 'master.xlsx'), '--out', 'pub');
}, 120_000);
afterAll(() => cleanup());

describe('suishin publish', () => {
  it('writes report.html, opendata.csv and opendata.xlsx from the demo master and says so', () => {
    expect(r2.stderr).toBe('');
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain(
      '令和2年度 町政運営推進プラン の公開用ファイルを書き出しました（demo/master.xlsx）',
    );
    expect(r2.stdout).toContain('pub/report.html  報告書（ウェブサイト用 HTML）');
    expect(r2.stdout).toContain('pub/opendata.csv  オープンデータ（CSV, UTF-8 BOM 付き）');
    expect(r2.stdout).toContain('pub/opendata.xlsx  オープンデータ（Excel）');
    expect(r2.stdout).toContain(
      '取組項目 37 件（提出 37 件、未提出 0 件）、公表する項目 7: 目指す姿、目標、',
    );
  });

  it("re-reads every entry from the master: each CSV row holds the sample entry's text, field by field", async () => {
    const bytes = await readFile(join(dir, 'pub', 'opendata.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = pythonCsv(join(dir, 'pub', 'opendata.csv'));
    expect(header).toEqual([
      '年度',
      '基本項目',
      '推進項目',
      '取組項目コード',
      '取組項目',
      '実践課',
      '番号',
      ...STANDARD_FORM.fields.map((f) => f.label),
      '提出状況',
    ]);
    const sample = r2Sample();
    expect(rows).toHaveLength(sample.entries.length);
    for (const e of sample.entries) {
      const row = rows.find((r) => r[3] === e.code && r[5] === credited(e) && r[6] === String(e.seq));
      expect(row, `${e.code} ${e.department}`).toBeDefined();
      expect(row?.[0]).toBe('2020');
      expect(row?.slice(7, 7 + STANDARD_FORM.fields.length)).toEqual(
        STANDARD_FORM.fields.map((f) => fieldText(e.fields, f.key).replace(/\r\n?/g, '\n')),
      );
      expect(row?.at(-1)).toBe('提出済');
    }
    // A 全課 item's one row merges every department's part: credited to 全課【総務課】 here and in the report.
    expect(rows.filter((r) => r[5] === '全課【総務課】').length).toBeGreaterThan(0);
    const html = await readFile(join(dir, 'pub', 'report.html'), 'utf8');
    expect(html).toContain('<caption>実践課: 全課【総務課】</caption>');
    // Printed, every page of a table names its item and department (a header row repeated on each page).
    expect(html).toMatch(
      /<thead class="print-head"><tr><th colspan="2" scope="col">I-1-1-1 [^<]*　実践課: 全課【総務課】<\/th><\/tr><\/thead>/,
    );
  });

  it("leaves out a field the master's 様式 marks 公表 ×, in every file", async () => {
    const master = join(dir, 'kpi', 'master.xlsx');
    const edit = spawnSync('/usr/bin/python3', ['-c', HIDE, master, '実績値'], { encoding: 'utf8' });
    expect(edit.stderr).toBe('');
    const run = await runCli(dir, 'publish', master, '--out', 'pub-kpi');
    // The kpi demo leaves 4 errors in its master (as its consolidation reports); the one on 実績値 is not
    // published, so publishing names the other 3.
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^全体計画にエラーが 3 件あります（取組項目 3 件）。/);
    expect(run.stderr).not.toContain('「実績値」');
    // 達成率 (実績値 / 目標値) goes too: with 目標値 published it would give back every 実績値.
    expect(run.stdout).toContain(
      '注: 様式で公表しない（×）項目は書き出していません: 「実績値」「達成率」（公表しない「実績値」から計算するため）。',
    );
    const [header = [], ...rows] = pythonCsv(join(dir, 'pub-kpi', 'opendata.csv'));
    expect(header).not.toContain('実績値');
    expect(header).not.toContain('達成率');
    expect(header).toContain('目標値');
    expect(rows).toHaveLength(25);
    const html = await readFile(join(dir, 'pub-kpi', 'report.html'), 'utf8');
    // (A department's 判定理由 may mention the word; the field itself is what is gone.)
    expect(html).toContain('<th scope="row">目標値</th>');
    expect(html).not.toMatch(/<th[^>]*>[^<]*実績値<\/th>/);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xlsx = unzipSync(new Uint8Array(await readFile(join(dir, 'pub-kpi', 'opendata.xlsx'))));
    const xml = Object.values(xlsx)
      .map((b) => strFromU8(b))
      .join('');
    expect(xml).toContain('>目標値</t>');
    expect(xml).not.toContain('>実績値</t>');
  });

  it('warns on stderr and exits 1 when the master has errors, naming code, department, field and cell; the files keep the values', async () => {
    const master = join(dir, 'broken.xlsx');
    await writeFile(master, await readFile(join(dir, 'demo', 'master.xlsx')));
    const edit = spawnSync('/usr/bin/python3', ['-c', BREAK, master], { encoding: 'utf8' });
    expect(edit.stderr).toBe('');
    const [choice, goal] = JSON.parse(edit.stdout) as { code: string; department: string; cell: string }[];
    const run = await runCli(dir, 'publish', 'broken.xlsx', '--out', 'pub-broken');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('の公開用ファイルを書き出しました（broken.xlsx）');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('全体計画にエラーが 2 件あります（取組項目 2 件）。公開前に直してください。');
    expect(lines[1]).toBe(
      `  ${choice!.code} ${choice!.department} 「目標の達成」 broken.xlsx「全体計画」${choice!.cell}: 目標の達成「ほぼ達成」は選択肢にありません。「達成できた」「一部達成できた」「達成できなかった」のいずれかをセルの▼から選んでください。`,
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^  ${goal!.code} ${goal!.department} 「目標」 broken\\.xlsx「全体計画」${goal!.cell}: 「目標」が未記入です`,
      ),
    );
    expect(lines[3]).toContain('選択肢にない値もその文字のまま');
    expect(lines[3]).toContain('「目標の達成」の選択肢にない値は、達成状況では未記入として数えています。');
    const rows = pythonCsv(join(dir, 'pub-broken', 'opendata.csv'));
    const achievement = rows[0]!.indexOf('目標の達成');
    const row = rows.find((r) => r[3] === choice!.code && r[5] === credited(choice!));
    expect(row?.[achievement]).toBe('ほぼ達成');
    expect(await readFile(join(dir, 'pub-broken', 'report.html'), 'utf8')).toContain('ほぼ達成');
  });

  it('takes --stage as validate does (an unknown stage is a usage error)', async () => {
    const run = await runCli(dir, 'publish', 'broken.xlsx', '--stage', 'plan', '--out', 'pub-plan');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^全体計画にエラーが 2 件あります/);
    const bad = await runCli(dir, 'publish', 'broken.xlsx', '--stage', '後期', '--out', 'pub-plan');
    expect(bad.code).toBe(2);
  });

  it('refuses a workbook that is not a consolidated master, and a missing --out', async () => {
    const notMaster = await runCli(dir, 'publish', join('demo', '配布', '総務課.xlsx'), '--out', 'x');
    expect(notMaster.code).toBe(2);
    expect(notMaster.stderr).toMatch(
      /^エラー: 「demo\/配布\/総務課\.xlsx」に(体系のシート|「全体計画」シート)がありません/,
    );
    const noOut = await runCli(dir, 'publish', join('demo', 'master.xlsx'));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out で出力先のフォルダーを指定してください。');
    // A master never consolidated (build --master's template) would publish 0 件 and a CSV of its header.
    expect((await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'tmpl', '--master')).code).toBe(0);
    const template = await runCli(dir, 'publish', join('tmpl', '全体計画.xlsx'), '--out', 'pub-tmpl');
    expect(template.code).toBe(2);
    expect(template.stderr).toContain(
      '「tmpl/全体計画.xlsx」の「全体計画」シートに集約した記入がありません（集約する前のひな形ではありませんか）。',
    );
  });
});
