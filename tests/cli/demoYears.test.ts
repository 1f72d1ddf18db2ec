import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_SHEET_NAME } from '../../src/domain/consolidation/viewSheetNames';
import type { SheetSnapshot } from '../../src/domain/extract/snapshot';
import { r2Sample } from '../../src/domain/sample/r2';
import { r3Sample } from '../../src/domain/sample/r3';
import { FIRST_DATA_ROW } from '../../src/domain/template/buildTableSheet';
import { MASTER_SHEET_NAME } from '../../src/domain/template/sheetName';
import { readSheets, runCli, tempDir, text, type CliRun } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let run: CliRun;
const R3 = '令和3年度';
const sheets = async (...path: string[]): Promise<readonly SheetSnapshot[]> =>
  readSheets(new Uint8Array(await readFile(join(dir, 'demo', ...path))));
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  run = await runCli(dir, 'demo', '--out', 'demo');
}, 120_000);
afterAll(() => cleanup());

describe('suishin demo: the second year (R2 → rollover → R3 → consolidate with history)', () => {
  it('goes on after the R2 cycle: rolled over, filled, validated and consolidated with R2 as history', () => {
    expect(run.code, run.stdout).toBe(0);
    const at = (s: string) => run.stdout.indexOf(s);
    expect(at('完了（')).toBeGreaterThan(0);
    expect(at('5. 翌年度へ: demo/master.xlsx から令和3年度の各課のブック 8 ファイル')).toBeGreaterThan(
      at('完了（'),
    );
    expect(at('6. 記入: 各課のシートにR3の記入内容を入力（38 シート）')).toBeGreaterThan(at('5. 翌年度へ'));
    expect(at('7. 検証（年度末）: 記入済み 38 シート')).toBeGreaterThan(at('6. 記入'));
    expect(at('8. 集約（令和2年度の全体計画を推移に）: 全体計画に集約しました（令和3年度')).toBeGreaterThan(
      at('7. 検証'),
    );
    expect(run.stdout).toMatch(/2年目も完了（計 [\d.]+ 秒）: 8 ファイル、取組項目 38 件。/);
  });

  it('reports the renamed item and the added one from the 対応表', () => {
    expect(run.stdout).toContain(
      '名称変更: II-2-4-1 マイナンバーカードの普及 → II-2-4-1 マイナンバーカードの普及と利活用',
    );
    expect(run.stdout).toContain('新規（令和2年度なし）: II-2-4-3 行政手続のオンライン化の検討');
  });

  it('flags the R3 sheet whose 後期 repeats 前期, and the 評価 left as R2 wrote it, each once', () => {
    const halves = run.stdout.match(
      /警告（令和3年度） {2}(\S+) 「([^」]+)」 D8 {2}「前期 \(4～9月\)」と「後期 \(10～3月\)」が同じ文です/g,
    );
    expect(halves).toEqual([expect.stringContaining('総務課.xlsx 「II-2-1-1 総務課」')]);
    // Consolidation finds it (R2 as history); validation may too, from the sheet's 前年度 column.
    const copied = [
      ...run.stdout.matchAll(/警告（令和3年度） {2}(.*)「評価・検証」が前年度（令和2年度）と同じ文です/g),
    ];
    expect(new Set(copied.map((m) => m[1]!.trim()))).toEqual(
      new Set(['総務課.xlsx 「II-1-2-1 総務課」 D10']),
    );
    expect(copied.filter((m) => m.index > run.stdout.indexOf('8. 集約'))).toHaveLength(1);
    expect(run.stdout.match(/前年度（令和2年度）と(ほぼ)?同じ文です/g)).toHaveLength(copied.length);
  });

  it("starts R3's sheets from R2's text: carried fields filled, R2's 評価・検証 beside them", async () => {
    const book = await sheets(R3, '配布', '総務課.xlsx');
    const sheet = book.find((s) => s.name.startsWith('I-1-1-1'))!;
    const cells = sheet.values.flat().map(text);
    const r2 = r2Sample().entries.find((e) => e.code === 'I-1-1-1' && e.department === '総務課')!;
    expect(cells).toContain(r2.fields['vision']);
    expect(cells).toContain(r2.fields['evaluation']);
  });

  it('writes the R3 master with 38 rows and a 推移 sheet over both years; the R2 master has none', async () => {
    const master = await sheets(R3, 'master.xlsx');
    const rows = master
      .find((s) => s.name === MASTER_SHEET_NAME)!
      .values.slice(FIRST_DATA_ROW)
      .filter((r) => text(r[0]) !== '');
    expect(rows.map((r) => text(r[0]))).toEqual(r3Sample().entries.map((e) => e.code));
    const history = master.find((s) => s.name === HISTORY_SHEET_NAME)!;
    expect(text(history.values[0]?.[0])).toBe('推移（令和2年度～令和3年度）');
    const total = history.values.find((r) => text(r[0]) === '全体')!.map(text);
    expect(total.slice(1, 6)).toEqual(['23', '13', '1', '0', '37']);
    expect(total.slice(7, 12)).toEqual(['25', '13', '0', '0', '38']);
    expect((await sheets('master.xlsx')).map((s) => s.name)).not.toContain(HISTORY_SHEET_NAME);
    expect((await readdir(join(dir, 'demo', R3))).sort()).toEqual(
      ['mapping.json', 'master.xlsx', 'report.json', '提出', '配布'].sort(),
    );
  });
});
