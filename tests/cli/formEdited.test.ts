import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACHIEVEMENT_SHEET_NAME } from '../../src/domain/consolidation/buildMasterView';
import { readSheets, runCli, tempDir, text, type CliRun } from './runCli';

/**
 * 総務課 edits the 様式 in the master with another program (openpyxl stands in for Excel): inserts a field
 * 予算額 (数値) after 目標値, and widens the 判定 scale to S/A/B/C/D. Suishin's next build and consolidation
 * follow the edited 様式; sheets built before the edit are still read by their キー.
 */
const EDIT = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['様式']
header = next(r for r in range(1, 20) if any(c.value == 'キー' for c in ws[r]))
col = {c.value: c.column for c in ws[header] if c.value}
row = next(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, col['キー']).value == 'target')
ws.insert_rows(row + 1)
for name, value in {'項目': '予算額', 'キー': 'budget', '種類': '数値', '必須の時期': '計画', '年度欄': '○'}.items():
    ws.cell(row + 1, col[name]).value = value
rating = next(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, col['キー']).value == 'rating')
ws.cell(rating, col['選択肢']).value = 'S、A、B、C、D'
ws.cell(rating, col['判定']).value = '達成率 >= 110% → S、達成率 >= 100% → A、達成率 >= 80% → B、達成率 >= 50% → C、それ以外 → D'
wb.save(sys.argv[1])
`;

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let demo: CliRun;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  demo = await runCli(dir, 'demo', '--sample', 'kpi', '--out', 'kpi');
  const edit = spawnSync('/usr/bin/python3', ['-c', EDIT, join(dir, 'kpi', 'master.xlsx')], {
    encoding: 'utf8',
  });
  if (edit.status !== 0) throw new Error(edit.stderr);
}, 120_000);
afterAll(() => cleanup());

describe('a 様式 edited by openpyxl drives the next build and consolidation', () => {
  it('reads the edited 様式: 予算額 after 目標値, 判定 S/A/B/C/D', async () => {
    expect(demo.code, demo.stderr).toBe(0);
    const r = await runCli(dir, 'form', 'kpi/master.xlsx', '--json');
    expect(r.code, r.stdout).toBe(0);
    const form = (JSON.parse(r.stdout) as { form: { fields: { key: string; choices?: string[] }[] } }).form;
    const keys = form.fields.map((f) => f.key);
    expect(keys.indexOf('budget')).toBe(keys.indexOf('target') + 1);
    expect(form.fields.find((f) => f.key === 'rating')?.choices).toEqual(['S', 'A', 'B', 'C', 'D']);
  });

  it('builds next sheets with the 予算額 row and the five-step dropdown', async () => {
    const r = await runCli(
      dir,
      'build',
      '--plan',
      'kpi/master.xlsx',
      '--out',
      'next',
      '--department',
      '税務課',
    );
    expect(r.code, r.stderr).toBe(0);
    const [, first] = await readSheets(new Uint8Array(await readFile(join(dir, 'next', '税務課.xlsx'))));
    const labels = first!.values.map((row) => row.map(text));
    const at = labels.findIndex((row) => row.includes('予算額'));
    expect(at).toBeGreaterThan(labels.findIndex((row) => row.includes('目標値')));
    expect(labels.findIndex((row) => row.includes('実績値'))).toBeGreaterThan(at);
  });

  it('consolidates the files built before the edit by キー, counting the new scale (D: 0)', async () => {
    const r = await runCli(dir, 'consolidate', 'kpi/提出', '--out', 'kpi/master.xlsx');
    expect(r.code, r.stderr).toBe(0);
    const [sheet] = await readSheets(new Uint8Array(await readFile(join(dir, 'kpi', 'master.xlsx'))), [
      ACHIEVEMENT_SHEET_NAME,
    ]);
    const rows = sheet!.values.map((row) => row.map(text));
    expect(rows.some((row) => row.join('|').includes('S|A|B|C|D|未記入'))).toBe(true);
    // The 判定 typed before the edit still count; C under the old rule is still C, and nobody chose D.
    expect(rows.find((row) => row[0] === '全体')?.slice(2, 10)).toEqual([
      '5',
      '9',
      '7',
      '3',
      '0',
      '1',
      '0',
      '25',
    ]);
  });
});
