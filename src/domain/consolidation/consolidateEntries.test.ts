import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHORT_FULL_FIELDS } from '../../../tests/helpers/testEntry';
import { emptyFields, type Entry, type EntryFields } from '../entry/types';
import { r2Sample } from '../sample/r2';
import { buildMasterView } from './buildMasterView';
import { consolidateEntries } from './consolidateEntries';
import { SAME_TIME_CODE } from './selectEntries';
import { departmentInFileName } from './summarizeSubmissions';
import type { ReceivedEntry, SourceFile } from './types';

const { plan, entries } = r2Sample();
const OPTIONS = { stamp: '2021-04-20T09:00:00+09:00', fiscalYear: 2020, stage: 'year-end' as const };
const CELLS = {
  vision: 'C3',
  goal: 'C4',
  actions: 'C5',
  firstHalf: 'D7',
  secondHalf: 'D8',
  achievement: 'C9',
  evaluation: 'C10',
};

const sheetName = (e: Entry) => `${e.code} ${e.department}${e.seq > 1 ? ` (${e.seq})` : ''}`;
const received = (e: Entry): ReceivedEntry => ({ entry: e, sheet: sheetName(e), cells: CELLS });
type ReadSource = Extract<SourceFile, { kind: 'read' }>;
const source = (
  file: string,
  list: readonly Entry[],
  modified = 1000,
  extraSheets: readonly string[] = [],
): ReadSource => ({
  kind: 'read',
  file,
  modified,
  entries: list.map(received),
  sheets: [
    ...extraSheets.map((s) => ({ sheet: s, kind: 'toc' as const, reason: '目次' })),
    ...list.map((e) => ({ sheet: sheetName(e), kind: 'entry' as const })),
  ],
  findings: [],
});
const byDepartment = (list: readonly Entry[]): SourceFile[] =>
  plan.departments.map((d, i) =>
    source(
      `${d}.xlsx`,
      list.filter((e) => e.department === d),
      1000 + i,
      ['目次'],
    ),
  );
const entry = (code: string, department: string, fields: Partial<Entry['fields']>, seq = 1): Entry => ({
  code,
  department,
  seq,
  fiscalYear: 2020,
  fields: { ...emptyFields(), ...fields } as EntryFields,
});
const full = SHORT_FULL_FIELDS;

describe('consolidateEntries on the R2 sample', () => {
  const result = consolidateEntries(plan, byDepartment(entries), OPTIONS);

  it('holds all 37 entries in 体系 order with text identical to the sample', () => {
    expect(result.rows).toHaveLength(37);
    expect(result.rows.every((r) => r.status === 'submitted')).toBe(true);
    const sortKey = (e: Entry) => `${e.code}|${e.department}|${e.seq}`;
    expect(result.rows.map((r) => r.entry).sort((a, b) => (sortKey(a!) < sortKey(b!) ? -1 : 1))).toEqual(
      [...entries].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)),
    );
    expect(result.rows.map((r) => `${r.code} ${r.department} ${r.seq}`).slice(0, 4)).toEqual([
      'I-1-1-1 総務課 1',
      'I-1-2-1 町民生活課 1',
      'I-2-1-1 町民生活課 1',
      'I-2-1-1 建設水道課 1',
    ]);
  });

  it('shows every department complete', () => {
    expect(result.submissions.map((s) => [s.department, s.expected, s.received, s.missing.length])).toEqual(
      plan.departments.map((d) => {
        const n = new Set(entries.filter((e) => e.department === d).map((e) => e.code)).size;
        return [d, n, n, 0];
      }),
    );
  });

  it('counts achievements: 23 / 13 / 1', () => {
    expect(result.achievement.choices).toEqual(['達成できた', '一部達成できた', '達成できなかった']);
    expect(result.achievement.total).toEqual({ byChoice: [23, 13, 1], blank: 0, missing: 0 });
    expect(result.achievement.byBasic.map((g) => g.label)).toEqual([
      'I 協働によるまちづくり',
      'II 効果的な行財政運営',
    ]);
  });

  it('accounts for every sheet: 37 consolidated and 8 目次, and rejects the file that holds only its 目次', () => {
    const outcomes = result.log.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }),
      {},
    );
    // 教育振興課 has no entry in the sample: its file here holds only a 目次, and gives nothing to consolidate.
    expect(outcomes).toEqual({ consolidated: 37, toc: 8, rejected: 1 });
    expect(result.log.find((r) => r.outcome === 'rejected')).toMatchObject({
      file: '教育振興課.xlsx',
      sheet: '',
    });
  });

  it("keeps the coordinator's compiled 全課 sheet as it is", () => {
    const row = result.rows.find((r) => r.code === 'II-1-4-1')!;
    expect(row.entry).toEqual(entries.find((e) => e.code === 'II-1-4-1'));
  });
});

describe('consolidateEntries rules', () => {
  it('marks an item × department with no entry as 未提出', () => {
    const result = consolidateEntries(
      plan,
      byDepartment(entries.filter((e) => e.department !== '建設水道課')),
      OPTIONS,
    );
    const missing = result.rows.filter((r) => r.status === 'missing');
    expect(missing.map((r) => `${r.code} ${r.department}`)).toEqual([
      'I-2-1-1 建設水道課',
      'II-1-3-1 建設水道課',
      'II-1-3-2 建設水道課',
    ]);
    expect(result.submissions.find((s) => s.department === '建設水道課')).toMatchObject({
      expected: 3,
      received: 0,
      missing: ['I-2-1-1', 'II-1-3-1', 'II-1-3-2'],
    });
  });

  it('lets the newer file win a resubmission and logs the older as replaced with both names', () => {
    const old = entry('I-2-1-3', '総務課', { ...full, vision: '古い' });
    const fresh = entry('I-2-1-3', '総務課', { ...full, vision: '新しい' });
    const result = consolidateEntries(
      plan,
      [source('総務課_再提出.xlsx', [fresh], 2000), source('総務課.xlsx', [old], 1000)],
      OPTIONS,
    );
    expect(result.rows.find((r) => r.code === 'I-2-1-3')?.entry?.fields.vision).toBe('新しい');
    const replaced = result.log.filter((r) => r.outcome === 'replaced');
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({ file: '総務課.xlsx', keptText: expect.stringContaining('古い') });
    expect(replaced[0]?.detail).toContain('総務課_再提出.xlsx');
  });

  it('with three copies, each replaced record names the file finally taken, the one 全体計画 shows', () => {
    const [old, one, copy] = ['古い', '一', 'コピー'].map((v) =>
      entry('I-2-1-3', '総務課', { ...full, vision: v }),
    );
    const result = consolidateEntries(
      plan,
      [
        source('総務課.xlsx', [old!], 1000),
        source('総務課 (1).xlsx', [one!], 5000),
        source('コピー ～ 総務課.xlsx', [copy!], 5000),
      ],
      OPTIONS,
    );
    const row = result.rows.find((r) => r.code === 'I-2-1-3')!;
    expect(row.source?.file).toBe('総務課 (1).xlsx');
    const replaced = result.log.filter((r) => r.outcome === 'replaced');
    expect(replaced.map((r) => r.file)).toEqual(['総務課.xlsx', 'コピー ～ 総務課.xlsx']);
    expect(replaced[0]?.detail).toContain(
      'その「コピー ～ 総務課.xlsx」も「総務課 (1).xlsx」で差し替え、「総務課 (1).xlsx」を採用しました。',
    );
    expect(replaced[1]?.detail).not.toContain('その「');
  });

  it('three copies saved in the same second get one warning naming all three and the file taken', () => {
    const [a, b, c] = ['一', '二', '三'].map((v) => entry('I-2-1-3', '総務課', { ...full, vision: v }));
    const result = consolidateEntries(
      plan,
      [
        source('総務課.xlsx', [a!], 5000),
        source('総務課 (1).xlsx', [b!], 5000),
        source('コピー ～ 総務課.xlsx', [c!], 5000),
      ],
      OPTIONS,
    );
    const taken = result.rows.find((r) => r.code === 'I-2-1-3')!.source?.file;
    expect(taken).toBe('総務課.xlsx');
    expect(result.findings.filter((f) => f.code === SAME_TIME_CODE).map((f) => f.message)).toEqual([
      '「コピー ～ 総務課.xlsx」「総務課 (1).xlsx」「総務課.xlsx」に同じシート（I-2-1-3 総務課（1枚目） ほか）があり、更新日時が同じため、どれが新しいか分かりません。ファイル名の順で「総務課.xlsx」を採用しました。違うときは、使わないファイルを外して集約し直してください。',
    ]);
    // 変更なし, then the file finally taken: two sentences.
    const first = result.log.find((r) => r.outcome === 'replaced' && r.file === 'コピー ～ 総務課.xlsx');
    expect(first?.detail).toMatch(
      /。その「総務課 \(1\)\.xlsx」も「総務課\.xlsx」で差し替え、「総務課\.xlsx」を採用しました。$/,
    );
  });

  it('reports the same entry twice in one file as an error and keeps both texts', () => {
    const a = entry('I-2-1-3', '総務課', { ...full, vision: '一枚目' });
    const b = entry('I-2-1-3', '総務課', { ...full, vision: '二枚目' });
    const src: SourceFile = {
      ...source('総務課.xlsx', [a]),
      entries: [received(a), { ...received(b), sheet: 'コピー' }],
      sheets: [
        { sheet: sheetName(a), kind: 'entry' },
        { sheet: 'コピー', kind: 'entry' },
      ],
    };
    const result = consolidateEntries(plan, [src], OPTIONS);
    expect(result.rows.find((r) => r.code === 'I-2-1-3')?.entry?.fields.vision).toBe('一枚目');
    expect(
      result.findings
        .filter((f) => f.code === 'consolidate.duplicate-in-file')
        .map((f) => [f.severity, f.place.sheet]),
    ).toEqual([['error', 'コピー']]);
    expect(result.log.find((r) => r.outcome === 'duplicate')?.keptText).toContain('二枚目');
  });

  it('merges 全課 contributions under 【課名】 headings, the coordinator first', () => {
    const own = entry('I-1-1-1', '総務課', { firstHalf: '総務課の取組', achievement: '一部達成できた' });
    const health = entry('I-1-1-1', '保健福祉課', {
      firstHalf: '保健福祉課の取組',
      secondHalf: '後期の取組',
    });
    const edu = entry('I-1-1-1', '教育振興課', { firstHalf: '教育振興課の取組' });
    const result = consolidateEntries(
      plan,
      [
        source('教育振興課.xlsx', [edu], 3),
        source('保健福祉課.xlsx', [health], 2),
        source('総務課.xlsx', [own], 1),
      ],
      OPTIONS,
    );
    const row = result.rows.find((r) => r.code === 'I-1-1-1')!;
    expect(row).toMatchObject({
      department: '総務課',
      seq: 1,
      mergedFrom: ['総務課', '保健福祉課', '教育振興課'],
    });
    expect(row.entry?.fields.firstHalf).toBe(
      '【総務課】\n総務課の取組\n【保健福祉課】\n保健福祉課の取組\n【教育振興課】\n教育振興課の取組',
    );
    expect(row.entry?.fields.secondHalf).toBe('【保健福祉課】\n後期の取組');
    expect(row.entry?.fields.achievement).toBe('一部達成できた');
    expect(result.log.filter((r) => r.code === 'I-1-1-1').map((r) => [r.department, r.outcome])).toEqual([
      ['総務課', 'consolidated'],
      ['保健福祉課', 'merged'],
      ['教育振興課', 'merged'],
    ]);
    expect(result.submissions.find((s) => s.department === '教育振興課')).toMatchObject({
      expected: 0,
      contributions: 1,
    });
  });

  it("logs a contribution's 目標の達成 that the merged entry does not hold (the coordinator's choice stands)", () => {
    const own = entry('I-1-1-1', '総務課', { firstHalf: '総務課の取組', achievement: '一部達成できた' });
    const planning = entry('I-1-1-1', '企画商工観光課', {
      firstHalf: '企画の取組',
      achievement: '達成できなかった',
    });
    const same = entry('I-1-1-1', '保健福祉課', { firstHalf: '保健の取組', achievement: '一部達成できた' });
    const result = consolidateEntries(
      plan,
      [
        source('総務課.xlsx', [own], 1),
        source('企画商工観光課.xlsx', [planning], 2),
        source('保健福祉課.xlsx', [same], 3),
      ],
      OPTIONS,
    );
    expect(result.rows.find((r) => r.code === 'I-1-1-1')?.entry?.fields.achievement).toBe('一部達成できた');
    const detail = (department: string) =>
      result.log.find((r) => r.code === 'I-1-1-1' && r.department === department)?.detail;
    expect(detail('企画商工観光課')).toBe(
      '全課の取組として全体計画の総務課の行に【企画商工観光課】の見出しで統合しました。統合後の値と違うこのシートの値: 目標の達成「達成できなかった」。',
    );
    // The same choice as the one that stood is not repeated.
    expect(detail('保健福祉課')).not.toContain('統合後の値と違う');
    // The coordinator's record names the other departments only (it is not one of 他課).
    expect(detail('総務課')).toBe(
      '他課の記入を【課名】の見出しで統合しました（企画商工観光課、保健福祉課）。',
    );
  });

  it('does not say a department that only chose 目標の達成 was merged under a heading', () => {
    const own = entry('I-1-1-1', '総務課', { firstHalf: '総務課の取組', achievement: '一部達成できた' });
    const planning = entry('I-1-1-1', '企画商工観光課', { achievement: '達成できなかった' });
    const result = consolidateEntries(
      plan,
      [source('総務課.xlsx', [own], 1), source('企画商工観光課.xlsx', [planning], 2)],
      OPTIONS,
    );
    const detail = (department: string) =>
      result.log.find((r) => r.code === 'I-1-1-1' && r.department === department)?.detail;
    expect(detail('総務課')).toBe('他課のシートに文章の記入はなく、このシートの文章をそのまま載せました。');
    expect(detail('企画商工観光課')).toBe(
      '全課の取組として全体計画の総務課の行に統合しました（文章の記入はありません）。統合後の値と違うこのシートの値: 目標の達成「達成できなかった」。',
    );
  });

  it('keeps a compiled coordinator sheet and logs the parts it did not merge', () => {
    const compiled = entry('I-1-1-1', '総務課', { ...full, firstHalf: '【総務課】a\n【保健福祉課】b' });
    const health = entry('I-1-1-1', '保健福祉課', { firstHalf: 'b' });
    const result = consolidateEntries(
      plan,
      [source('総務課.xlsx', [compiled]), source('保健福祉課.xlsx', [health], 1001)],
      OPTIONS,
    );
    expect(result.rows.find((r) => r.code === 'I-1-1-1')?.entry?.fields.firstHalf).toBe(
      '【総務課】a\n【保健福祉課】b',
    );
    expect(result.log.filter((r) => r.code === 'I-1-1-1').map((r) => [r.department, r.outcome])).toEqual([
      ['総務課', 'consolidated'],
      ['保健福祉課', 'compiled-kept'],
    ]);
  });

  it('keeps an entry for an unknown item or an unassigned department, flagged', () => {
    const unknown = entry('I-9-9-9', '総務課', full);
    const unassigned = entry('I-2-1-1', '総務課', full);
    const result = consolidateEntries(plan, [source('総務課.xlsx', [unknown, unassigned])], OPTIONS);
    const flagged = result.rows.filter((r) => r.status === 'flagged');
    expect(flagged.map((r) => [r.code, r.flag])).toEqual([
      ['I-2-1-1', '総務課はこの取組項目の実践課（町民生活課 建設水道課）ではありません。'],
      ['I-9-9-9', '取組項目 I-9-9-9 は体系にありません。'],
    ]);
    expect(result.log.filter((r) => r.outcome === 'flagged')).toHaveLength(2);
  });

  it('counts a file that could not be read for the department its name names (提出状況: 受付不可あり)', () => {
    const result = consolidateEntries(
      plan,
      [
        ...byDepartment(entries.filter((e) => e.department !== '建設水道課')),
        {
          kind: 'rejected',
          file: '提出/R2_建設水道課_提出.xlsx',
          modified: 5,
          code: 'file.corrupt',
          message: '壊れています',
        },
        { kind: 'rejected', file: 'メモ.xlsx', modified: 6, code: 'file.corrupt', message: '壊れています' },
      ],
      OPTIONS,
    );
    const of = (d: string) => result.submissions.find((s) => s.department === d)!;
    expect(of('建設水道課').refusedFiles).toEqual(['提出/R2_建設水道課_提出.xlsx']);
    expect(of('建設水道課').missing.length).toBeGreaterThan(0);
    // A name that names no department counts for none.
    expect(result.submissions.filter((s) => s.refusedFiles)).toHaveLength(1);
    const sheet = buildMasterView({ consolidation: result, title: 't' }).sheets.find(
      (x) => x.name === '提出状況',
    )!;
    const row = sheet.cells.filter((c) => c.row === sheet.cells.find((x) => x.value === '建設水道課')!.row);
    expect(row.map((c) => c.value)).toEqual(
      expect.arrayContaining(['受付不可あり', `${'提出/R2_建設水道課_提出.xlsx'}（受付不可）`]),
    );
    // 達成状況: its rows are 未記入 because nothing came in (うち未提出), and no 達成率 (not 0.0%).
    const achievement = buildMasterView({ consolidation: result, title: 't' }).sheets.find(
      (x) => x.name === '達成状況',
    )!;
    const at = achievement.cells.find((x) => x.column === 1 && x.value === '建設水道課')!.row;
    const header = (h: string) => achievement.cells.find((x) => x.row === 2 && x.value === h)!.column;
    const value = (h: string) =>
      achievement.cells.find((x) => x.row === at && x.column === header(h))?.value ?? null;
    const count = of('建設水道課').expected;
    expect([value('未記入'), value('うち未提出'), value('計'), value('達成率')]).toEqual([
      count,
      count,
      count,
      null,
    ]);
    // 全体計画: each of its 未提出 rows says the file came and could not be read, and names it.
    const missing = result.rows.filter((r) => r.status === 'missing' && r.department === '建設水道課');
    expect(missing.length).toBeGreaterThan(0);
    expect(new Set(missing.map((r) => r.refusedFile))).toEqual(new Set(['提出/R2_建設水道課_提出.xlsx']));
    const master = buildMasterView({ consolidation: result, title: 't' }).sheets[0]!;
    const first = result.rows.indexOf(missing[0]!) + 3;
    expect(master.cells.filter((c) => c.row === first).map((c) => c.value)).toEqual(
      expect.arrayContaining([
        '未提出（ファイル「提出/R2_建設水道課_提出.xlsx」を読めません、集約ログ参照）',
        '提出/R2_建設水道課_提出.xlsx',
      ]),
    );
  });

  it('names the longest department a file name holds', () => {
    expect(departmentInFileName('総務課.xlsx', ['総務課', '務課'])).toBe('総務課');
    expect(departmentInFileName('c:\\提出\\保健福祉課.xlsx', plan.departments)).toBe('保健福祉課');
    expect(departmentInFileName('メモ.xlsx', plan.departments)).toBeUndefined();
  });

  it('logs a rejected file, non-entry sheets and blank sheets', () => {
    const blank = entry('I-2-1-3', '総務課', {});
    const src: SourceFile = {
      ...source('総務課.xlsx', [blank]),
      sheets: [
        { sheet: 'メモ', kind: 'not-entry', reason: '取組項目の表がありません' },
        { sheet: sheetName(blank), kind: 'entry' },
      ],
    };
    const result = consolidateEntries(
      plan,
      [
        { kind: 'rejected', file: '壊れた.xlsx', modified: 5, code: 'file.corrupt', message: '壊れています' },
        src,
      ],
      OPTIONS,
    );
    expect(result.log.map((r) => [r.file, r.sheet, r.outcome])).toEqual([
      ['壊れた.xlsx', '', 'rejected'],
      ['総務課.xlsx', 'メモ', 'not-entry'],
      ['総務課.xlsx', 'I-2-1-3 総務課', 'empty'],
    ]);
    expect(result.rows.find((r) => r.code === 'I-2-1-3')?.status).toBe('missing');
  });

  it('tells a 未提出 whose sheet came back blank from one with no sheet, in 全体計画 and 提出状況', () => {
    // 総務課 sent its workbook with every sheet blank; 保健福祉課 sent one sheet filled and one blank; 建設水道課
    // sent nothing.
    const mine = (d: string) => entries.filter((e) => e.department === d);
    const somu = mine('総務課').map((e) => entry(e.code, e.department, {}, e.seq));
    const [filled, ...rest] = mine('保健福祉課');
    const hoken = [filled!, entry(rest[0]!.code, '保健福祉課', {})];
    const result = consolidateEntries(
      plan,
      [source('総務課.xlsx', somu), source('保健福祉課.xlsx', hoken)],
      OPTIONS,
    );
    const row = (code: string, department: string) =>
      result.rows.find((r) => r.code === code && r.department === department)!;
    expect(row(somu[0]!.code, '総務課')).toMatchObject({
      status: 'missing',
      blankSheet: { file: '総務課.xlsx', sheet: sheetName(somu[0]!) },
    });
    expect(row(rest[1]!.code, '保健福祉課').blankSheet).toBeUndefined();
    const sub = (d: string) => result.submissions.find((s) => s.department === d)!;
    expect(sub('総務課')).toMatchObject({ blank: sub('総務課').missing.length });
    expect(sub('保健福祉課').blank).toBe(1);
    expect(sub('建設水道課').blank).toBeUndefined();

    const sheets = buildMasterView({ consolidation: result, title: 'R2' }).sheets;
    const cells = (name: string) =>
      sheets.find((s) => s.name === name)!.cells.map((c) => (typeof c.value === 'string' ? c.value : ''));
    const status = (d: string) => {
      const sheet = sheets.find((s) => s.name === '提出状況')!;
      const at = sheet.cells.find((c) => c.value === d)!;
      return sheet.cells.find((c) => c.row === at.row && c.column === 8)?.value;
    };
    expect(status('総務課')).toBe('未記入あり');
    expect(status('保健福祉課')).toBe('未提出あり');
    expect(status('建設水道課')).toBe('未提出あり');
    expect(cells('全体計画')).toContain('未提出（届いたシートは空欄）');
    // …and names the blank sheet in 提出ファイル and シート.
    const master = sheets.find((s) => s.name === '全体計画')!;
    const at = master.cells.find((c) => c.value === '未提出（届いたシートは空欄）')!.row;
    const rowText = master.cells.filter((c) => c.row === at).map((c) => c.value);
    expect(rowText).toContain('総務課.xlsx');
    expect(cells('全体計画')).toContain('未提出');
  });

  it('checks each sheet of a 全課 item as its department wrote it, not the merged text, at its own cell', () => {
    // 総務課 (the coordinator) left 目指す姿 blank; 保健福祉課's 前期 is too long for its cell.
    const own = entry('I-1-1-1', '総務課', { ...full, vision: '' });
    const health = entry('I-1-1-1', '保健福祉課', { firstHalf: '保健福祉課の取組。'.repeat(120) });
    const edu = entry('I-1-1-1', '教育振興課', { vision: '教育振興課の目指す姿', firstHalf: '教育の取組' });
    const result = consolidateEntries(
      plan,
      [
        source('総務課.xlsx', [own], 1),
        source('保健福祉課.xlsx', [health], 2),
        source('教育振興課.xlsx', [edu], 3),
      ],
      OPTIONS,
    );
    const at = (code: string) =>
      result.findings
        .filter((f) => f.place.code === 'I-1-1-1' && f.code === code)
        .map((f) => [f.place.file, f.place.sheet, f.place.cell]);
    // The long text is 保健福祉課's, at its D7 — not 総務課's, whose own 前期 is short.
    expect(at('entry.text-cut')).toEqual([['保健福祉課.xlsx', 'I-1-1-1 保健福祉課', 'D7']]);
    // 総務課's blank 目指す姿 is its own, as 検証 says it, though 教育振興課 wrote one in its part.
    expect(at('entry.required')).toEqual([['総務課.xlsx', 'I-1-1-1 総務課', 'C3']]);
    // Both stay with the item's row in 全体計画.
    const row = result.rows.find((r) => r.code === 'I-1-1-1')!;
    expect(row.findings.map((f) => f.place.department).sort()).toEqual(['保健福祉課', '総務課']);
  });

  it('without the coordinator’s sheet: each part as 検証 checks it, and the merged item for what it lacks', () => {
    // 総務課 (the coordinator) sent nothing. 保健福祉課 chose 達成できなかった and explained nothing: 検証 of its
    // workbook says so, and 集約 must too, though 教育振興課's 評価・検証 fills the merged item's.
    const health = entry('I-1-1-1', '保健福祉課', {
      ...full,
      achievement: '達成できなかった',
      evaluation: '',
    });
    const edu = entry('I-1-1-1', '教育振興課', { ...full, vision: '' });
    const result = consolidateEntries(
      plan,
      [source('保健福祉課.xlsx', [health], 1), source('教育振興課.xlsx', [edu], 2)],
      OPTIONS,
    );
    const of = (code: string) =>
      result.findings
        .filter((f) => f.place.code === 'I-1-1-1' && f.code === code)
        .map((f) => [f.place.department, f.place.file, f.place.cell]);
    expect(of('entry.evaluation-unexplained')).toEqual([['保健福祉課', '保健福祉課.xlsx', 'C10']]);
    // The merged item has every required field (from one part or the other): no 未記入.
    expect(of('entry.required')).toEqual([]);
    // …and without a 前期 anywhere, the item lacks one: 総務課's to write, said so at 全体計画 — not at
    // 保健福祉課's cell, which is not its to fill (its blank 評価・検証 is said once, by its own finding).
    const none = consolidateEntries(
      plan,
      [source('保健福祉課.xlsx', [{ ...health, fields: { ...health.fields, firstHalf: '' } }], 1)],
      OPTIONS,
    );
    const required = none.findings.filter((f) => f.code === 'entry.required');
    expect(required.map((f) => [f.place.department, f.place.file, f.place.sheet, f.place.cell])).toEqual([
      ['総務課', undefined, '全体計画', undefined],
    ]);
    expect(required[0]!.message).toMatch(
      /^全課の取組で、とりまとめ課（総務課）のシートが届いていません。「前期 \(4～9月\)」が未記入です/,
    );
    expect(none.rows.find((r) => r.code === 'I-1-1-1')!.findings).toContainEqual(required[0]);
    // A coordinator's sheet returned blank: said at that sheet.
    const blank = consolidateEntries(
      plan,
      [
        source('保健福祉課.xlsx', [{ ...health, fields: { ...health.fields, firstHalf: '' } }], 1),
        source('総務課.xlsx', [entry('I-1-1-1', '総務課', {})], 2),
      ],
      OPTIONS,
    );
    const atBlank = blank.findings.filter((f) => f.code === 'entry.required');
    expect(atBlank.map((f) => [f.place.file, f.place.sheet])).toEqual([['総務課.xlsx', 'I-1-1-1 総務課']]);
    expect(atBlank[0]!.message).toMatch(/^全課の取組で、とりまとめ課（総務課）のシートが空欄で届きました。/);
  });

  it('places validation findings at the source cell', () => {
    const bad = entry('I-2-1-3', '総務課', { ...full, achievement: '一部' });
    const result = consolidateEntries(plan, [source('総務課.xlsx', [bad])], OPTIONS);
    expect(result.findings.find((f) => f.code === 'entry.achievement-invalid')?.place).toMatchObject({
      file: '総務課.xlsx',
      sheet: 'I-2-1-3 総務課',
      cell: 'C9',
    });
  });

  it.each<[string, ReadSource, string]>([
    [
      "with the reader's reason when it has no 取組項目 sheet",
      {
        ...source('白紙.xlsx', [], 1000, ['目次']),
        findings: [
          {
            code: 'extract.no-entry-sheet',
            severity: 'error',
            message: '「白紙.xlsx」には取組項目のシートがありません。',
            place: { file: '白紙.xlsx' },
          },
        ],
      },
      '「白紙.xlsx」には取組項目のシートがありません。',
    ],
    [
      "pointing at the sheets' reasons when none of its forms could be read",
      {
        ...source('読めない.xlsx', []),
        sheets: [{ sheet: '防災', kind: 'unreadable', reason: '取組項目が空欄のため…' }],
      },
      '「読めない.xlsx」から読み取れた取組項目がありません。シートごとの理由（集約ログ）を確かめ',
    ],
  ])(
    'rejects a file that gives no entry as a whole, %s, and still logs each sheet',
    (_name, file, detail) => {
      const result = consolidateEntries(plan, [file], OPTIONS);
      expect(result.log.map((r) => [r.file, r.sheet, r.outcome])).toEqual([
        [file.file, '', 'rejected'],
        ...file.sheets.map((s) => [file.file, s.sheet, s.kind]),
      ]);
      expect(result.log[0]?.detail).toContain(detail);
    },
  );

  it('is order-independent and accounts for every sheet exactly once', () => {
    const sources = byDepartment(entries);
    fc.assert(
      fc.property(fc.shuffledSubarray(sources, { minLength: sources.length }), (shuffled) => {
        const result = consolidateEntries(plan, shuffled, OPTIONS);
        expect(result).toEqual(consolidateEntries(plan, sources, OPTIONS));
        // One record per sheet, plus one per file rejected as a whole (a file without entries: 教育振興課's).
        const sheetCount = sources.reduce(
          (n, s) => n + (s.kind === 'read' ? s.sheets.length + (s.entries.length === 0 ? 1 : 0) : 1),
          0,
        );
        expect(result.log).toHaveLength(sheetCount);
      }),
      { numRuns: 20 },
    );
  });
});
