import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIRS } from '../../src/cli/commands/demoCommand';
import {
  LOG_SHEET_NAME,
  MASTER_VIEW_COLUMNS,
  SUBMISSION_SHEET_NAME,
} from '../../src/domain/consolidation/buildMasterView';
import { OUTCOME_LABELS } from '../../src/domain/consolidation/types';
import { FIELD_KEYS } from '../../src/domain/entry/formDefinition';
import { r2Sample } from '../../src/domain/sample/r2';
import type { SheetSnapshot } from '../../src/domain/extract/snapshot';
import { FIRST_DATA_ROW } from '../../src/domain/template/buildTableSheet';
import { MASTER_SHEET_NAME } from '../../src/domain/template/sheetName';
import { readSheets, runCli, tempDir, text, type CliRun } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let run: CliRun;
let master: readonly SheetSnapshot[] = [];
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  run = await runCli(dir, 'demo', '--out', 'demo');
  master = await readSheets(new Uint8Array(await readFile(join(dir, 'demo', 'master.xlsx'))));
  // The demo goes on into its second year (demoYears.test.ts): longer than the default 10 s under load.
}, 120_000);
afterAll(() => cleanup());

const sheet = (name: string): SheetSnapshot => {
  const s = master.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const dataRows = (s: SheetSnapshot) =>
  s.values.slice(FIRST_DATA_ROW).filter((row) => row.some((v) => text(v) !== ''));
const column = (header: string): number => MASTER_VIEW_COLUMNS.findIndex((c) => c.header === header);

describe('suishin demo', () => {
  it('runs the whole cycle and exits 0 with the Japanese summary', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2. 記入: 各課のシートにR2の記入内容を入力（37 シート');
    expect(run.stdout).toContain('3. 検証（年度末）: 記入済み 37 シート — エラー 0 件、警告 5 件、情報 0 件');
    expect(
      run.stdout.match(/警告 {2}\S+\.xlsx 「[^」]+」 D7 {2}「前期 \(4～9月\)」に期間外の日付/g),
    ).toHaveLength(2);
    // The seed's three sheets whose 後期 repeats 前期 (issue 17).
    expect(
      run.stdout.match(
        /警告 {2}\S+\.xlsx 「[^」]+」 D8 {2}「前期 \(4～9月\)」と「後期 \(10～3月\)」が同じ文です/g,
      ),
    ).toHaveLength(3);
    expect(run.stdout).toMatch(
      /完了（[\d.]+ 秒）: 8 ファイル、取組項目 37 件、未提出 0 件、検証の警告 5 件。/,
    );
  });

  it('draws each progress bar once: building and filling the files is one bar, not the same bar twice', () => {
    const bars = [...run.stderr.matchAll(/^\[[#-]{20}\] (\d+)\/(\d+) (.*)$/gmu)].map((m) => ({
      done: Number(m[1]),
      total: Number(m[2]),
      label: m[3] ?? '',
    }));
    const starts = bars.filter((b) => b.done === 0).map((b) => b.label);
    expect(starts).toEqual([
      expect.stringContaining('配布: 総務課のブックを作成中'),
      expect.stringContaining('総務課.xlsx を読み込み中'),
    ]);
    for (const total of new Set(bars.map((b) => b.total))) {
      const done = bars.filter((b) => b.total === total).map((b) => b.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(new Set(done).size).toBe(done.length);
    }
  });

  it('writes the blank and the filled department workbooks, the master and the report', async () => {
    const departments = r2Sample()
      .plan.departments.map((d) => `${d}.xlsx`)
      .sort();
    expect((await readdir(join(dir, 'demo', DEMO_DIRS.blank))).sort()).toEqual(departments);
    expect((await readdir(join(dir, 'demo', DEMO_DIRS.filled))).sort()).toEqual(departments);
    const report = JSON.parse(await readFile(join(dir, 'demo', 'report.json'), 'utf8')) as {
      summary: unknown;
    };
    expect(report.summary).toMatchObject({
      files: 8,
      rejectedFiles: 0,
      entries: 37,
      missing: 0,
      achievement: {
        field: { key: 'achievement', label: '目標の達成' },
        choices: ['達成できた', '一部達成できた', '達成できなかった'],
        counts: { 達成できた: 23, 一部達成できた: 13, 達成できなかった: 1 },
        blank: 0,
      },
    });
  });

  it('puts all 37 entries in 全体計画 with text identical to the sample', () => {
    const rows = dataRows(sheet(MASTER_SHEET_NAME));
    const entries = r2Sample().entries;
    expect(rows).toHaveLength(entries.length);
    const [code, department, seq] = [column('取組項目コード'), column('実践課'), column('番号')];
    for (const e of entries) {
      const row = rows.find(
        (r) => r[code] === e.code && r[department] === e.department && Number(r[seq]) === e.seq,
      );
      expect(row, `${e.code} ${e.department} ${e.seq}`).toBeDefined();
      const labels = [
        '目指す姿',
        '目標',
        '取組内容',
        '前期 (4～9月)',
        '後期 (10～3月)',
        '目標の達成',
        '評価・検証',
      ];
      FIELD_KEYS.forEach((key, i) =>
        expect(text(row![column(labels[i]!)]), `${e.code} ${e.department} ${key}`).toBe(e.fields[key]),
      );
    }
  });

  it('shows every department 完了 in 提出状況 (教育振興課 only contributes to 全課 items: 対象なし)', () => {
    const rows = dataRows(sheet(SUBMISSION_SHEET_NAME));
    expect(rows.map((r) => text(r[0]))).toEqual(r2Sample().plan.departments);
    expect(rows.map((r) => text(r[8]))).toEqual(
      r2Sample().plan.departments.map((d) => (d === '教育振興課' ? '対象なし' : '完了')),
    );
  });

  it('accounts in 集約ログ for every sheet of every input file', async () => {
    let inputSheets = 0;
    for (const name of await readdir(join(dir, 'demo', DEMO_DIRS.filled)))
      inputSheets += (
        await readSheets(new Uint8Array(await readFile(join(dir, 'demo', DEMO_DIRS.filled, name))))
      ).length;
    const outcomes = new Set(Object.values(OUTCOME_LABELS));
    const sheetRows = dataRows(sheet(LOG_SHEET_NAME)).filter(
      (r) => text(r[1]) !== '' && outcomes.has(text(r[2])),
    );
    expect(sheetRows).toHaveLength(inputSheets);
    expect(inputSheets).toBe(73);
  });
});
