import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import { validateSnapshot } from '../../src/app/validateWorkbook';
import { UNCHANGED_FROM_LAST_YEAR_CODE } from '../../src/domain/compare/unchangedFromLastYear';
import { fieldText, type Entry } from '../../src/domain/entry/types';
import type { WorkbookSnapshot } from '../../src/domain/extract/snapshot';
import { planItems } from '../../src/domain/plan/planItems';
import type { Plan } from '../../src/domain/plan/types';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { READ_LIMITS } from '../../src/workbook/readLimits';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/readXlsxSnapshot';
import { editItems, renamedDepartment, reorganise } from '../helpers/reorganisedPlan';
import { runCli, tempDir, text, type CliRun } from './runCli';

/**
 * Issue 17, done means: rollover from the demo's R2 master builds 令和3年度 workbooks whose carried fields
 * hold R2's text and whose 前年度 column shows R2's 評価・検証; a 体系 change is matched and reported; the
 * 前年度 column is never read as this year's text; a carried cell edited by a person (openpyxl) reads back.
 */
const R2 = r2Sample();
const CARRIED = ['vision', 'goal', 'actions'] as const;
const REFERENCE = ['firstHalf', 'secondHalf', 'achievement', 'evaluation'] as const;

/** R3's 体系: II-1-2-2 renamed, I-2-1-4 removed, II-2-1-3 added. */
const nextPlan = (plan: Plan): Plan =>
  editItems(plan, (item) =>
    item.code === 'I-2-1-4'
      ? []
      : item.code === 'II-1-2-2'
        ? [{ ...item, title: '健全な財政を維持する手法の検討' }]
        : item.code === 'II-2-1-2'
          ? [
              item,
              {
                code: 'II-2-1-3',
                number: 3,
                title: '働き方改革の推進',
                assignment: { kind: 'departments', departments: ['総務課'] },
              },
            ]
          : [item],
  );

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let same: CliRun;
let changed: CliRun;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const demo = await runCli(dir, 'demo', '--out', 'demo');
  if (demo.code !== 0) throw new Error(demo.stderr);
  await writeFile(
    join(dir, '体系R3.xlsx'),
    await buildMasterTemplateFile(excelJsFactory, { plan: nextPlan(R2.plan), fiscalYear: 2021 }),
  );
  same = await runCli(dir, 'rollover', 'demo/master.xlsx', '--year', '令和3年度', '--out', 'r3');
  changed = await runCli(
    dir,
    'rollover',
    'demo/master.xlsx',
    '--year',
    'R3',
    '--plan',
    '体系R3.xlsx',
    '--out',
    'r3b',
  );
}, 60_000);
afterAll(() => cleanup());

async function snapshot(path: string): Promise<WorkbookSnapshot> {
  const read = await readXlsxSnapshot(new Uint8Array(await readFile(path)), path, { limits: READ_LIMITS });
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}
const validate = (s: WorkbookSnapshot, plan: Plan = R2.plan) =>
  validateSnapshot(s, { file: 'x.xlsx', stage: 'plan', plan, fiscalYear: 2021 });

/** R2 entries of items that are not 全課 (their master row is one department's own text). */
const ownEntries = (department: string): Entry[] => {
  const all = new Set(
    planItems(R2.plan)
      .filter((p) => p.item.assignment.kind === 'all')
      .map((p) => p.code),
  );
  return R2.entries.filter((e) => e.department === department && !all.has(e.code));
};

describe('suishin rollover from the demo R2 master', () => {
  it('exits 0 and writes each department workbook, 全体計画.xlsx and mapping.json', async () => {
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('令和3年度の取組項目シートを令和2年度の全体計画から作りました');
    expect(same.stdout).toContain('対応表: 令和2年度 → 令和3年度  同じ 21、番号変更 0、名称変更 0');
    const mapping = JSON.parse(await readFile(join(dir, 'r3', 'mapping.json'), 'utf8')) as {
      items: { previous: string; next: string | null }[];
    };
    expect(mapping.items).toHaveLength(21);
    expect(mapping.items.every((i) => i.previous === i.next)).toBe(true);
    const master = await snapshot(join(dir, 'r3', '全体計画.xlsx'));
    expect(master.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['体系', '全体計画', '対応表']));
    const table = master.sheets.find((s) => s.name === '対応表')!;
    expect(table.values.some((r) => text(r[0]) === 'II-2-5-1' && text(r[4]) === '同じ')).toBe(true);
  });

  it('gives a master the R3 files consolidate into, keeping its 対応表 sheet', async () => {
    const files = ['総務課', '農業振興課'].map((d) => join('r3', `${d}.xlsx`));
    const run = await runCli(
      dir,
      'consolidate',
      ...files,
      '--out',
      join('r3', '全体計画.xlsx'),
      '--stage',
      'plan',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('令和3年度');
    const master = await snapshot(join(dir, 'r3', '全体計画.xlsx'));
    expect(master.sheets.map((s) => s.name)).toContain('対応表');
  });

  it('run again into the same folder, stops before writing over the consolidated master (--overwrite to replace)', async () => {
    const master = join(dir, 'r3', '全体計画.xlsx');
    const before = await readFile(master);
    const again = await runCli(dir, 'rollover', 'demo/master.xlsx', '--year', '令和3年度', '--out', 'r3');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /出力先「r3」には同じ名前のファイルがすでにあります: 全体計画\.xlsx、mapping\.json。集約した全体計画や各課が記入したブックを上書きしないよう、何も書かずに止めました。別のフォルダーを --out に指定するか、上書きしてよいときは --overwrite を付けて実行してください。/,
    );
    expect((await readFile(master)).equals(before)).toBe(true);
    // Refused before the work: no progress bar saying it made the workbooks.
    expect(again.stderr).not.toContain('作成');
    const replaced = await runCli(
      dir,
      'rollover',
      'demo/master.xlsx',
      '--year',
      '令和3年度',
      '--out',
      'r3',
      '--overwrite',
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    expect((await snapshot(master)).sheets.map((s) => s.name)).not.toContain('集約ログ');
  });

  it.each(['総務課', '保健福祉課', '町民生活課'])(
    '%s: carried fields hold R2 text, progress starts empty, R2 values (評価・検証 too) in 前年度 only',
    async (department) => {
      const book = await snapshot(join(dir, 'r3', `${department}.xlsx`));
      const result = validate(book);
      expect(result.findings.filter((f) => f.code === 'extract.unread-text')).toEqual([]);
      const read = result.extraction.entries;
      const wanted = ownEntries(department);
      expect(wanted.length).toBeGreaterThan(0);
      for (const r2 of wanted) {
        const got = read.find((e) => e.entry.code === r2.code && e.entry.seq === r2.seq);
        expect(got, `${r2.code} ${r2.seq}`).toBeDefined();
        expect(got!.entry.fiscalYear).toBe(2021);
        for (const key of CARRIED) expect(got!.entry.fields[key]).toBe(fieldText(r2.fields, key));
        for (const key of REFERENCE) expect(got!.entry.fields[key]).toBe('');
        expect(got!.previous?.fiscalYear).toBe(2020);
        for (const key of [...CARRIED, ...REFERENCE])
          expect(fieldText(got!.previous?.fields ?? {}, key)).toBe(fieldText(r2.fields, key));
      }
      const sheet = book.sheets.find((s) => s.name.startsWith(wanted[0]!.code));
      expect(text(sheet?.values[0]?.[6])).toBe('前年度（令和2年度）');
    },
  );

  it('does not warn about the carried text a sheet starts with (引継ぎ ○ is last year’s text on purpose)', async () => {
    const result = validate(await snapshot(join(dir, 'r3', '農業振興課.xlsx')));
    const carried = result.extraction.entries.filter((e) =>
      CARRIED.some((k) => fieldText(e.entry.fields, k).length >= 10),
    );
    expect(carried.length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE)).toEqual([]);
  });
});

describe('suishin rollover tells why sheets start blank', () => {
  it('names the entries a department did not send this year, a year skipped, and a master never consolidated', async () => {
    // 令和2年度 consolidated without 農業振興課's file.
    const sent = (await readdir(join(dir, 'demo', '提出'))).filter((f) => !f.startsWith('農業振興課'));
    const partial = await runCli(
      dir,
      'consolidate',
      ...sent.map((f) => join('demo', '提出', f)),
      '--out',
      'partial.xlsx',
      '--plan',
      'demo/master.xlsx',
    );
    expect(partial.code, partial.stderr).toBe(0);
    const skipped = await runCli(dir, 'rollover', 'partial.xlsx', '--year', '令和4年度', '--out', 'r4skip');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(
      /令和2年度に未提出だった \d+ 件は、引き継ぐ文がないため空欄で作りました: [^\n]*農業振興課/,
    );
    expect(skipped.stdout).toContain(
      '令和2年度の全体計画から令和4年度のシートを作りました（令和3年度を飛ばしています）。前年度の欄は令和2年度の値です。',
    );
    // The template that rollover wrote, given back as if consolidated.
    const template = await runCli(
      dir,
      'rollover',
      join('r4skip', '全体計画.xlsx'),
      '--year',
      '令和5年度',
      '--out',
      'r5',
    );
    expect(template.code, template.stderr).toBe(0);
    expect(template.stdout).toContain(
      '「r4skip/全体計画.xlsx」の「全体計画」シートに集約した記入がありません（集約する前のひな形ではありませんか）。記入を引き継がずに作りました。',
    );
  });
});

describe('suishin rollover with a changed 体系 (--plan)', () => {
  it('matches the items and reports the renamed, the added and the removed, and the entry left behind', async () => {
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('同じ 19、番号変更 0、名称変更 1、対応表で指定 0、対応なし 1、新規 1');
    expect(changed.stdout).toContain(
      '名称変更: II-1-2-2 健全財政維持のための手法の検討 → II-1-2-2 健全な財政を維持する手法の検討',
    );
    expect(changed.stdout).toContain(
      '対応なし（令和2年度のみ）: I-2-1-4 ボランティアセンターの活動支援と連携（記入 1 件）',
    );
    expect(changed.stdout).toContain('新規（令和2年度なし）: II-2-1-3 働き方改革の推進');
    expect(changed.stdout).toContain(
      '引き継がない記入: I-2-1-4 保健福祉課 — 令和3年度の体系に対応する取組項目がありません',
    );
    const mapping = JSON.parse(await readFile(join(dir, 'r3b', 'mapping.json'), 'utf8')) as {
      items: { previous: string; next: string | null; match: string | null }[];
      added: { next: string }[];
      leftBehind: { previous: string; department: string }[];
    };
    expect(mapping.items.find((i) => i.previous === 'II-1-2-2')).toMatchObject({
      next: 'II-1-2-2',
      match: '名称変更',
    });
    expect(mapping.items.find((i) => i.previous === 'I-2-1-4')).toMatchObject({ next: null, match: null });
    expect(mapping.added).toEqual([{ next: 'II-2-1-3', nextTitle: '働き方改革の推進' }]);
    expect(mapping.leftBehind).toMatchObject([{ previous: 'I-2-1-4', department: '保健福祉課' }]);

    // The renamed item's sheet starts from R2's text; the new item's sheet starts empty, without 前年度.
    const plan = nextPlan(R2.plan);
    const books = await snapshot(join(dir, 'r3b', '総務課.xlsx'));
    const read = validate(books, plan).extraction.entries;
    const renamed = read.find((e) => e.entry.code === 'II-1-2-2');
    const r2 = R2.entries.find((e) => e.code === 'II-1-2-2')!;
    expect(renamed?.entry.fields.goal).toBe(r2.fields.goal);
    expect(renamed?.previous?.fields.evaluation).toBe(r2.fields.evaluation);
    const added = read.find((e) => e.entry.code === 'II-2-1-3');
    expect(added?.entry.fields.goal).toBe('');
    expect(added?.previous).toBeUndefined();
  });

  it('takes an edited 対応表 back (--mapping): the removed item merged into another, nothing left behind', async () => {
    const path = join(dir, 'r3b', 'mapping.json');
    const mapping = JSON.parse(await readFile(path, 'utf8')) as {
      items: { previous: string; next: string | null }[];
    };
    mapping.items.find((i) => i.previous === 'I-2-1-4')!.next = 'I-2-1-2';
    await writeFile(join(dir, 'edited.json'), JSON.stringify(mapping));
    const run = await runCli(
      dir,
      'rollover',
      'demo/master.xlsx',
      '--year',
      'R3',
      '--plan',
      '体系R3.xlsx',
      '--mapping',
      'edited.json',
      '--out',
      'r3c',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('対応表で指定: I-2-1-4 ボランティアセンターの活動支援と連携 → I-2-1-2');
    expect(run.stdout).not.toContain('引き継がない記入');
    const read = validate(await snapshot(join(dir, 'r3c', '保健福祉課.xlsx')), nextPlan(R2.plan)).extraction
      .entries;
    const volunteer = R2.entries.find((e) => e.code === 'I-2-1-4')!;
    const sheets = read.filter((e) => e.entry.code === 'I-2-1-2');
    expect(sheets.map((e) => e.entry.seq)).toEqual([1, 2]);
    expect(sheets[1]?.entry.fields.actions).toBe(volunteer.fields.actions);

    mapping.items.find((i) => i.previous === 'I-2-1-4')!.next = 'IX-9-9-9';
    await writeFile(join(dir, 'bad.json'), JSON.stringify(mapping));
    const bad = await runCli(
      dir,
      'rollover',
      'demo/master.xlsx',
      '--year',
      'R3',
      '--plan',
      '体系R3.xlsx',
      '--mapping',
      'bad.json',
      '--out',
      'r3d',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('対応表「bad.json」: items[');
    expect(bad.stderr).toContain('令和3年度の体系に取組項目「IX-9-9-9」がありません。');
  });
});

describe('suishin rollover with an item split in two (--mapping, next as a list)', () => {
  it('starts both halves from last year’s text, each with 前年度, nothing left behind', async () => {
    // R3: II-1-2-2 split into II-1-2-2 and a new II-1-2-3 (both 総務課's).
    const plan = nextPlan(R2.plan);
    const split = editItems(plan, (i) =>
      i.code === 'II-1-2-2' ? [i, { ...i, code: 'II-1-2-3', number: 3, title: '財政指標の公表' }] : [i],
    );
    await writeFile(
      join(dir, '体系R3項目分割.xlsx'),
      await buildMasterTemplateFile(excelJsFactory, { plan: split, fiscalYear: 2021 }),
    );
    const args = ['rollover', 'demo/master.xlsx', '--year', 'R3', '--plan', '体系R3項目分割.xlsx'];
    const first = await runCli(dir, ...args, '--out', 'r3i');
    expect(first.code, first.stderr).toBe(0);
    const mapping = JSON.parse(await readFile(join(dir, 'r3i', 'mapping.json'), 'utf8')) as {
      items: { previous: string; next: string | string[] | null }[];
    };
    mapping.items.find((i) => i.previous === 'II-1-2-2')!.next = ['II-1-2-2', 'II-1-2-3'];
    await writeFile(join(dir, 'split.json'), JSON.stringify(mapping));
    const run = await runCli(dir, ...args, '--mapping', 'split.json', '--out', 'r3j');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '対応表で指定: II-1-2-2 健全財政維持のための手法の検討 → II-1-2-2・II-1-2-3',
    );
    const r2 = R2.entries.find((e) => e.code === 'II-1-2-2')!;
    const read = validate(await snapshot(join(dir, 'r3j', `${r2.department}.xlsx`)), split).extraction
      .entries;
    for (const code of ['II-1-2-2', 'II-1-2-3']) {
      const got = read.find((e) => e.entry.code === code);
      expect(got?.entry.fields.goal, code).toBe(fieldText(r2.fields, 'goal'));
      expect(got?.previous?.fields.evaluation, code).toBe(fieldText(r2.fields, 'evaluation'));
    }
  });
});

/**
 * A person edits the carried 目標 of one sheet in Excel (openpyxl stands in), pastes last year's 評価・検証
 * (shown in 前年度) into this year's, and saves.
 */
const EDIT = `
import sys, openpyxl
path, sheet = sys.argv[1:3]
wb = openpyxl.load_workbook(path)
for i in range(3, len(sys.argv), 2):
    wb[sheet][sys.argv[i]].value = sys.argv[i + 1]
wb.save(path)
`;

describe('a rolled-over workbook edited and saved by openpyxl', () => {
  it('reads the edited carried cell as this year, keeps 前年度, and warns about last year’s 評価・検証 pasted as this year’s', async () => {
    const path = join(dir, 'r3', '農業振興課.xlsx');
    const before = validate(await snapshot(path));
    const target = before.extraction.entries.find((e) => fieldText(e.entry.fields, 'goal').length > 10)!;
    const goalCell = target.source.cells.goal!;
    const edited = '・スマート農業の実証を2地区で行う\n・新規就農者への相談会を年4回開く';
    const lastEvaluation = target.previous!.fields.evaluation!;
    expect(lastEvaluation.length).toBeGreaterThan(10);
    const args = [goalCell, edited, target.source.cells.evaluation!, lastEvaluation];
    const run = spawnSync('/usr/bin/python3', ['-c', EDIT, path, target.source.sheet, ...args], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const after = validate(await snapshot(path));
    const entry = after.extraction.entries.find((e) => e.source.sheet === target.source.sheet)!;
    expect(entry.entry.fields.goal).toBe(edited);
    expect(entry.entry.fields.vision).toBe(target.entry.fields.vision);
    expect(entry.previous?.fields.goal).toBe(target.previous?.fields.goal);
    expect(after.findings.filter((f) => f.code === 'extract.unread-text')).toEqual([]);
    const onSheet = (r: typeof after) =>
      r.findings
        .filter((f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE && f.place.sheet === target.source.sheet)
        .map((f) => f.place.field);
    expect(onSheet(before)).toEqual([]);
    expect(onSheet(after)).toEqual(['evaluation']);
    const pasted = after.findings.find((f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE)!;
    expect(pasted.message).toMatch(/」が前年度（令和2年度）と同じ文です。/);
    expect(pasted.place.cell).toBe(target.source.cells.evaluation);
  });
});

describe('suishin rollover after a department was renamed (機構改革)', () => {
  it('splits a department’s sheets item by item when each of its items went to one new department', async () => {
    const split = reorganise(R2.plan, '企画商工観光課', (d, item) => [
      d !== '企画商工観光課' ? d : item.code === 'I-2-1-2' ? '商工観光課' : 'まちづくり課',
    ]);
    await writeFile(
      join(dir, '体系R3分割.xlsx'),
      await buildMasterTemplateFile(excelJsFactory, { plan: split, fiscalYear: 2021 }),
    );
    const run = await runCli(
      dir,
      'rollover',
      'demo/master.xlsx',
      '--year',
      'R3',
      '--plan',
      '体系R3分割.xlsx',
      '--out',
      'r3split',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '課の分割（推定）: 企画商工観光課 → 商工観光課（I-2-1-2）、まちづくり課（II-1-1-1）',
    );
    // Its part of the 全課 item II-1-4-1 has no one department to go to: listed, not guessed.
    expect(run.stdout.split('\n').filter((l) => l.includes('引き継がない記入:'))).toEqual([
      '  引き継がない記入: II-1-4-1 企画商工観光課 — 令和3年度の取組項目の実践課にこの課がありません（II-1-4-1）',
    ]);
    for (const [department, code] of [
      ['商工観光課', 'I-2-1-2'],
      ['まちづくり課', 'II-1-1-1'],
    ] as const) {
      const r2 = R2.entries.find((e) => e.department === '企画商工観光課' && e.code === code)!;
      const read = validate(await snapshot(join(dir, 'r3split', `${department}.xlsx`)), split).extraction
        .entries;
      expect(read.find((e) => e.entry.code === code)?.entry.fields.goal, department).toBe(
        fieldText(r2.fields, 'goal'),
      );
    }
  });

  /** `suishin rollover demo/master.xlsx --year R3 …`. */
  const toR3 = (...args: string[]) => runCli(dir, 'rollover', 'demo/master.xlsx', '--year', 'R3', ...args);

  it('names an unknown --department in Japanese, with the 体系’s departments, as build does', async () => {
    const run = await toR3('--out', 'r3u', '--department', '無い課');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('エラー: 体系にない課です: 無い課（体系の課: 総務課、');
    expect(run.stderr).not.toContain('Unknown');
  });

  it('refuses a 体系 with errors, naming the sheet and cell of each', async () => {
    const noDepartment = editItems(R2.plan, (item) =>
      item.code === 'II-2-1-2' ? [{ ...item, assignment: { kind: 'departments', departments: [] } }] : [item],
    );
    await writeFile(
      join(dir, '体系R3誤り.xlsx'),
      await buildMasterTemplateFile(excelJsFactory, { plan: noDepartment, fiscalYear: 2021 }),
    );
    const run = await toR3('--plan', '体系R3誤り.xlsx', '--out', 'r3e');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('「体系R3誤り.xlsx」にエラーがあります:');
    expect(run.stderr).toMatch(/\n「体系」シートのD\d+: .*実践課/u);
  });

  it('carries the old department’s sheets to its new name, says so, and takes the 対応表’s word against it', async () => {
    await writeFile(
      join(dir, '体系R3課名.xlsx'),
      await buildMasterTemplateFile(excelJsFactory, { plan: renamedDepartment(R2.plan), fiscalYear: 2021 }),
    );
    const args = ['rollover', 'demo/master.xlsx', '--year', 'R3', '--plan', '体系R3課名.xlsx'];
    const run = await runCli(dir, ...args, '--out', 'r3r');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '課名変更（推定）: 企画商工観光課 → 産業観光課（企画商工観光課の記入を産業観光課のシートに引き継ぎます）',
    );
    expect(run.stdout).not.toContain('引き継がない記入');
    const own = ownEntries('企画商工観光課');
    expect(own.length).toBeGreaterThan(0);
    const read = validate(await snapshot(join(dir, 'r3r', '産業観光課.xlsx')), renamedDepartment(R2.plan))
      .extraction.entries;
    for (const r2 of own) {
      const got = read.find((e) => e.entry.code === r2.code && e.entry.department === '産業観光課');
      expect(got?.entry.fields.goal, r2.code).toBe(fieldText(r2.fields, 'goal'));
      expect(got?.previous?.fields.evaluation).toBe(fieldText(r2.fields, 'evaluation'));
    }
    const mapping = JSON.parse(await readFile(join(dir, 'r3r', 'mapping.json'), 'utf8')) as {
      departments: { previous: string; next: string | null; match: string }[];
    };
    expect(mapping.departments).toEqual([
      { previous: '企画商工観光課', next: '産業観光課', match: '課名変更（推定）' },
    ]);

    // 総務課 says the department has no successor: its sheets are listed as left behind, by last year's name.
    mapping.departments[0]!.next = null;
    await writeFile(join(dir, 'no-successor.json'), JSON.stringify(mapping));
    const none = await runCli(dir, ...args, '--mapping', 'no-successor.json', '--out', 'r3s');
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout).toContain('令和3年度の体系にない課: 企画商工観光課（記入は引き継ぎません。');
    expect(none.stdout).toContain(
      `引き継がない記入: ${own[0]!.code} 企画商工観光課 — 令和3年度の取組項目の実践課にこの課がありません`,
    );
  });
});
