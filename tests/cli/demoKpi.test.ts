import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIRS } from '../../src/cli/commands/demoCommand';
import {
  ACHIEVEMENT_SHEET_NAME,
  LOG_SHEET_NAME,
  masterViewColumns,
  SUBMISSION_SHEET_NAME,
} from '../../src/domain/consolidation/buildMasterView';
import { OUTCOME_LABELS } from '../../src/domain/consolidation/types';
import { fieldText } from '../../src/domain/entry/types';
import type { SheetSnapshot } from '../../src/domain/extract/snapshot';
import { FORM_SHEET_NAME } from '../../src/domain/form/formColumns';
import { parseFormGrid } from '../../src/domain/form/parseFormSheet';
import { kpiSample } from '../../src/domain/sample/kpi';
import { FIRST_DATA_ROW } from '../../src/domain/template/buildTableSheet';
import { MASTER_SHEET_NAME, PLAN_SHEET_NAME } from '../../src/domain/template/sheetName';
import { readSheets, runCli, tempDir, text, type CliRun } from './runCli';

const sample = kpiSample();
/** The 全課 item: its coordinator's sheet and the other departments' parts become one row. */
const ALL_CODE = 'II-1-1-1';
const COORDINATOR = '企画課';
const rowsOfOwn = sample.entries.filter((e) => e.code !== ALL_CODE || e.department === COORDINATOR);

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let run: CliRun;
let master: readonly SheetSnapshot[] = [];
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  run = await runCli(dir, 'demo', '--sample', 'kpi', '--out', 'demo-kpi');
  master = await readSheets(new Uint8Array(await readFile(join(dir, 'demo-kpi', 'master.xlsx'))));
});
afterAll(() => cleanup());

const sheet = (name: string): SheetSnapshot => {
  const s = master.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const dataRows = (s: SheetSnapshot) =>
  s.values.slice(FIRST_DATA_ROW).filter((row) => row.some((v) => text(v) !== ''));
const columns = masterViewColumns(sample.form);
const column = (header: string): number => {
  const i = columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
};

const hasOpenpyxl = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status === 0;

describe('suishin demo --sample kpi (the fictional こもれび町 on its 指標 様式)', () => {
  it.skipIf(!hasOpenpyxl)(
    "gives 全体計画's columns the widths of the 様式's fields, not the R2 template's by position",
    () => {
      const read = spawnSync(
        '/usr/bin/python3',
        [
          '-c',
          `import sys, json, openpyxl
from openpyxl.utils import get_column_letter as L
ws = openpyxl.load_workbook(sys.argv[1])['全体計画']
print(json.dumps([[c.value, ws.column_dimensions[L(i + 1)].width] for i, c in enumerate(ws[3])]))`,
          join(dir, 'demo-kpi', 'master.xlsx'),
        ],
        { encoding: 'utf8' },
      );
      expect(read.status, read.stderr).toBe(0);
      // Before, the template's R2 widths stayed by position: 基準値 48 wide, 評価 20.
      expect(JSON.parse(read.stdout)).toEqual(columns.map((c) => [c.header, c.width]));
    },
  );

  it('runs the whole cycle on the kpi sample and says it is fictional', () => {
    expect(run.stderr).not.toContain('エラー:');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'デモ: こもれび町（架空） 行政改革推進計画 指標版（デモ用・架空）（令和6年度）',
    );
    expect(run.stdout).toContain('1. 配布: 各課のブック 8 ファイル（取組項目シート 32 枚＋目次）');
    expect(run.stdout).toContain('2. 記入: 各課のシートにサンプル（架空）の記入内容を入力（29 シート');
    expect(run.stdout).toContain('3. 検証（年度末）: 記入済み 29 シート');
    expect(run.stdout).toContain('全課の取組で他課が空欄のままのシート 3 枚');
    expect(run.stdout).toMatch(
      /完了（[\d.]+ 秒）: 8 ファイル、取組項目 25 件、未提出 0 件、検証のエラー 4 件・警告 0 件。/,
    );
  });

  it('reports the blanks left on purpose as 未記入, at the cells', () => {
    const missing = run.stdout
      .split('\n')
      .filter((l) => l.includes('が未記入です'))
      .map((l) => /エラー {2}(\S+) 「([^」]+)」 (\w+) {2}「([^」]+)」/.exec(l)?.slice(1).join(' '));
    expect(missing).toEqual([
      '産業振興課.xlsx II-3-1-2 産業振興課 D8 実績値',
      '産業振興課.xlsx II-3-1-2 産業振興課 D10 判定',
      '建設課.xlsx I-2-1-1 建設課 D12 評価',
    ]);
  });

  it('asks for a 判定理由 where the 判定 departs from the rule without one, and only there', () => {
    expect(run.stdout).toContain('3. 検証（年度末）: 記入済み 29 シート — エラー 4 件、警告 0 件、情報 0 件');
    const judged = run.stdout.split('\n').filter((l) => l.includes('判定理由」の欄に書いてください'));
    expect(judged).toHaveLength(1);
    expect(judged[0]).toMatch(
      /エラー {2}教育課\.xlsx 「I-1-2-2 教育課」 D10 {2}「判定」は「B」ですが、.*では「C」です。/,
    );
    // III-2-2-1 (総務課) departs too (B proposed, A chosen) but says why: no finding.
    expect(run.stdout).not.toContain('「III-2-2-1 総務課」');
  });

  it('writes the 配布 and 提出 workbooks of the eight departments, the master and the report', async () => {
    const departments = sample.plan.departments.map((d) => `${d}.xlsx`).sort();
    expect((await readdir(join(dir, 'demo-kpi', DEMO_DIRS.blank))).sort()).toEqual(departments);
    expect((await readdir(join(dir, 'demo-kpi', DEMO_DIRS.filled))).sort()).toEqual(departments);
    const report = JSON.parse(await readFile(join(dir, 'demo-kpi', 'report.json'), 'utf8')) as {
      summary: unknown;
    };
    expect(report.summary).toMatchObject({
      files: 8,
      rejectedFiles: 0,
      entries: 25,
      missing: 0,
      achievement: {
        field: { key: 'rating', label: '判定' },
        choices: ['S', 'A', 'B', 'C'],
        counts: { S: 5, A: 9, B: 7, C: 3 },
        blank: 1,
      },
    });
  });

  it('fills the departments’ sheets by the form: 数値 as real numbers, 達成率 left to its formula', async () => {
    const [filled] = await readSheets(
      new Uint8Array(await readFile(join(dir, 'demo-kpi', DEMO_DIRS.filled, '総務課.xlsx'))),
      ['III-2-2-1 総務課'],
    );
    const label = (l: string) => filled!.values.findIndex((r) => r.some((v) => text(v) === l));
    const value = (l: string) => filled!.values[label(l)]?.[3];
    expect([value('基準値'), value('目標値'), value('実績値')]).toEqual([14.2, 12, 11.4]);
    expect(filled!.formulaCells).toEqual([`D${label('達成率') + 1}`]);
    expect(value('判定')).toBe('A');
  });

  it('keeps the 様式 in the master beside the 体系, and it reads back as the sample’s form', () => {
    expect(master.map((s) => s.name).slice(0, 6)).toEqual([
      PLAN_SHEET_NAME,
      FORM_SHEET_NAME,
      MASTER_SHEET_NAME,
      SUBMISSION_SHEET_NAME,
      ACHIEVEMENT_SHEET_NAME,
      LOG_SHEET_NAME,
    ]);
    const read = parseFormGrid(sheet(FORM_SHEET_NAME).values, { sheet: FORM_SHEET_NAME });
    expect(read.findings).toEqual([]);
    expect(read.form.fields).toEqual(sample.form.fields);
  });

  it('has a 全体計画 row for every sheet, numbers as numbers, 達成率 computed and the 判定 as written', () => {
    const rows = dataRows(sheet(MASTER_SHEET_NAME));
    expect(rows).toHaveLength(rowsOfOwn.length);
    const [code, department] = [column('取組項目コード'), column('実践課')];
    for (const e of rowsOfOwn) {
      const row = rows.find((r) => r[code] === e.code && r[department] === e.department);
      expect(row, `${e.code} ${e.department}`).toBeDefined();
      const at = (label: string) => row![column(label)];
      for (const label of ['基準値', '目標値', '実績値']) {
        const key = sample.form.fields.find((f) => f.label === label)!.key;
        const want = fieldText(e.fields, key);
        expect(at(label), `${e.code} ${e.department} ${label}`).toBe(want === '' ? null : Number(want));
      }
      const [actual, target] = [fieldText(e.fields, 'actual'), fieldText(e.fields, 'target')];
      if (actual === '') expect(text(at('達成率'))).toBe('');
      else expect(at('達成率') as number).toBeCloseTo(Number(actual) / Number(target), 10);
      expect(text(at('判定'))).toBe(fieldText(e.fields, 'rating'));
      expect(text(at('判定理由'))).toBe(fieldText(e.fields, 'ratingReason'));
      if (e.code !== ALL_CODE) {
        expect(text(at('成果指標'))).toBe(fieldText(e.fields, 'indicator'));
        expect(text(at('評価'))).toBe(fieldText(e.fields, 'evaluation'));
      }
    }
  });

  it('merges the 全課 item into the coordinator’s row: text under 【課名】, the 指標 and 判定 from 企画課', () => {
    const rows = dataRows(sheet(MASTER_SHEET_NAME)).filter((r) => r[column('取組項目コード')] === ALL_CODE);
    expect(rows).toHaveLength(1);
    const evaluation = text(rows[0]![column('評価')]);
    const parts = sample.entries.filter((e) => e.code === ALL_CODE);
    expect(parts.map((e) => e.department)).toEqual([COORDINATOR, '税務課', '住民課', '健康福祉課', '教育課']);
    for (const e of parts) {
      expect(evaluation).toContain(`【${e.department}】\n${fieldText(e.fields, 'evaluation')}`);
    }
    expect(rows[0]![column('実績値')]).toBe(46);
    expect(text(rows[0]![column('判定')])).toBe('S');
    expect(text(rows[0]![column('とりまとめ課')])).toBe(COORDINATOR);
  });

  it('counts 達成状況 by the 判定’s own choices S/A/B/C, with 未記入', () => {
    const rows = sheet(ACHIEVEMENT_SHEET_NAME).values;
    const header = rows.findIndex((r) => text(r[0]) === '区分');
    expect(rows[header]?.slice(2, 9).map(text)).toEqual(['S', 'A', 'B', 'C', '未記入', 'うち未提出', '計']);
    const total = rows.find((r) => text(r[0]) === '全体');
    expect(total?.slice(2, 9)).toEqual([5, 9, 7, 3, 1, 0, 25]);
  });

  it('shows in 提出状況 who must fix an error (要修正) and who is 完了, and accounts in 集約ログ for every sheet of every input', async () => {
    const submissions = dataRows(sheet(SUBMISSION_SHEET_NAME));
    expect(submissions.map((r) => text(r[0]))).toEqual(sample.plan.departments);
    // The departments with an error (a required cell blank, a 判定 off its rule without a reason) must fix
    // their file; the others are done.
    const toFix = new Set(['産業振興課', '建設課', '教育課']);
    expect(submissions.map((r) => text(r[8]))).toEqual(
      sample.plan.departments.map((d) => (toFix.has(d) ? '要修正' : '完了')),
    );
    let inputSheets = 0;
    for (const name of await readdir(join(dir, 'demo-kpi', DEMO_DIRS.filled)))
      inputSheets += (
        await readSheets(new Uint8Array(await readFile(join(dir, 'demo-kpi', DEMO_DIRS.filled, name))))
      ).length;
    const outcomes = new Set(Object.values(OUTCOME_LABELS));
    const logged = dataRows(sheet(LOG_SHEET_NAME)).filter(
      (r) => text(r[1]) !== '' && outcomes.has(text(r[2])),
    );
    expect(logged).toHaveLength(inputSheets);
    // 32 取組項目 sheets, 8 目次, and the hidden 様式 each file carries (logged as 様式).
    expect(inputSheets).toBe(32 + 8 + 8);
    expect(logged.filter((r) => text(r[2]) === OUTCOME_LABELS.form)).toHaveLength(8);
  });

  it("checks a department's file alone by the 様式 it carries (no 体系 given)", async () => {
    const file = join('demo-kpi', DEMO_DIRS.filled, '税務課.xlsx');
    const alone = await runCli(dir, 'validate', file, '--stage', 'year-end', '--json');
    const report = JSON.parse(alone.stdout) as {
      findings: { code: string }[];
      files: { summary: { entries: number } }[];
    };
    expect(report.files[0]?.summary.entries).toBe(
      sample.entries.filter((e) => e.department === '税務課').length,
    );
    expect(report.findings.filter((f) => f.code.startsWith('extract.'))).toEqual([]);
  });

  it('refuses an unknown sample with the ids it knows (exit 2)', async () => {
    const wrong = await runCli(dir, 'demo', '--sample', 'r3', '--out', 'never');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '--sample「r3」というサンプルはありません。r2 / kpi のどれかを指定してください。',
    );
    await expect(readdir(join(dir, 'never'))).rejects.toThrow();
  });
});
