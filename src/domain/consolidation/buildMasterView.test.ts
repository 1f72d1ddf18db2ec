import { describe, expect, it } from 'vitest';
import { emptyFields, type Entry } from '../entry/types';
import { cellText, type SheetSnapshot } from '../extract/snapshot';
import { r2Sample } from '../sample/r2';
import type { SheetSpec } from '../template/sheetSpec';
import { STANDARD_FORM } from '../entry/formDefinition';
import { FIRST_DATA_ROW } from '../template/buildTableSheet';
import { buildMasterView, LOG_SHEET_NAME, REPORT_SHEET_PREFIX, rowKey } from './buildMasterView';
import { FIRST_FIELD_COLUMN } from './masterColumns';
import { consolidateEntries } from './consolidateEntries';
import { readRemarks } from './readRemarks';
import type { SourceFile } from './types';

const { plan, entries } = r2Sample();
const OPTIONS = { stamp: '2021-04-20T09:00:00+09:00', fiscalYear: 2020, stage: 'year-end' as const };
const CELLS = { vision: 'C3' };
const sources: SourceFile[] = plan.departments.map((d, i) => ({
  kind: 'read',
  file: `${d}.xlsx`,
  modified: i,
  entries: entries
    .filter((e) => e.department === d)
    .map((entry) => ({ entry, sheet: `${entry.code} ${d} ${entry.seq}`, cells: CELLS })),
  sheets: entries
    .filter((e) => e.department === d)
    .map((e) => ({ sheet: `${e.code} ${d} ${e.seq}`, kind: 'entry' as const })),
  findings: [],
}));

/** The spec as a snapshot would read it: values only. */
const asSnapshot = (spec: SheetSpec): SheetSnapshot => {
  const values: (string | number | boolean | null)[][] = [];
  for (const c of spec.cells) {
    (values[c.row] ??= [])[c.column] = c.value ?? null;
  }
  return {
    name: spec.name,
    visibility: 'visible',
    values: Array.from(values, (r) => Array.from(r ?? [], (v) => v ?? null)),
    merges: spec.merges,
  };
};
const valueAt = (spec: SheetSpec, row: number, column: number) =>
  spec.cells.find((c) => c.row === row && c.column === column)?.value;

describe('buildMasterView', () => {
  const consolidation = consolidateEntries(plan, sources, OPTIONS);
  const view = buildMasterView({ consolidation, title: '町政運営推進プラン' });
  const [master, submissions, achievement, log] = view.sheets;

  it('writes 全体計画, 提出状況, 達成状況, 集約ログ and 37 report sheets in 体系 order', () => {
    expect(view.sheets.slice(0, 4).map((s) => s.name)).toEqual([
      '全体計画',
      '提出状況',
      '達成状況',
      '集約ログ',
    ]);
    const reports = view.sheets.slice(4);
    expect(reports).toHaveLength(37);
    expect(reports.every((s) => s.name.startsWith(REPORT_SHEET_PREFIX) && s.name.length <= 31)).toBe(true);
    expect(new Set(view.sheets.map((s) => s.name)).size).toBe(view.sheets.length);
  });

  it('says the stage on every sheet, and on 達成状況 before 年度末 that 目標の達成 is not filled yet', () => {
    const subtitles = (stage: 'plan' | 'year-end') => {
      const view = buildMasterView({
        consolidation: consolidateEntries(plan, sources, { ...OPTIONS, stage }),
        title: 'R2',
      });
      return new Map(
        view.sheets.slice(0, 4).map((sheet) => [sheet.name, cellText(asSnapshot(sheet).values[1]?.[0])]),
      );
    };
    const april = subtitles('plan');
    for (const name of ['全体計画', '提出状況', '達成状況', '集約ログ'])
      expect(april.get(name)).toMatch(/^令和2年度・計画の集約　集約日時: /);
    expect(april.get('達成状況')).toContain(
      '※「目標の達成」は年度末に記入する欄のため、計画の集約では未記入でも構いません。',
    );
    // …and the 報告 sheets' page header, after the year (a printed October page is told from March's).
    const report = buildMasterView({
      consolidation: consolidateEntries(plan, sources, { ...OPTIONS, stage: 'first-half' }),
      title: 'R2',
    }).sheets.find((sheet) => sheet.name.startsWith(REPORT_SHEET_PREFIX))!;
    expect(JSON.stringify(report.print?.header)).toContain('令和2年度・前期の集約');
    const march = subtitles('year-end');
    expect(march.get('全体計画')).toMatch(/^令和2年度・年度末の集約　集約日時: /);
    expect(march.get('達成状況')).not.toContain('※');
  });

  it('puts one row per entry in 全体計画 as an Excel table with frozen header', () => {
    expect(master?.tables?.[0]).toMatchObject({ name: 'MasterPlan' });
    expect(master?.frozen).toEqual({ rows: 3, columns: 0 });
    expect(valueAt(master!, 3, 0)).toBe('I-1-1-1');
    expect(valueAt(master!, 3, 3)).toBe('① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施');
    expect(master!.cells.filter((c) => c.column === 0 && c.row >= 3)).toHaveLength(37);
  });

  it('never writes department text as a formula', () => {
    const evil: Entry = {
      code: 'I-2-1-3',
      department: '総務課',
      seq: 1,
      fiscalYear: 2020,
      fields: {
        ...emptyFields(),
        vision: '=HYPERLINK("http://x","y")',
        goal: '+1',
        actions: '-2',
        firstHalf: '@SUM(A1)',
      },
    };
    const c = consolidateEntries(
      plan,
      [
        {
          ...sources[0]!,
          entries: [{ entry: evil, sheet: 's', cells: {} }],
          sheets: [{ sheet: 's', kind: 'entry' }],
        } as SourceFile,
      ],
      OPTIONS,
    );
    const sheets = buildMasterView({ consolidation: c, title: 't' }).sheets;
    const cells = sheets.flatMap((s) => s.cells);
    expect(cells.some((cell) => cell.value === '=HYPERLINK("http://x","y")')).toBe(true);
    expect(
      cells.filter((cell) => cell.formula !== undefined && /HYPERLINK|SUM\(A1\)/.test(cell.formula)),
    ).toEqual([]);
  });

  it('shows 提出状況 complete for every department and counts in 達成状況', () => {
    // 教育振興課 has 全課 items only, and no sheet of its file is among these sources.
    expect(submissions!.cells.filter((c) => c.column === 8 && c.row >= 3).map((c) => c.value)).toEqual(
      plan.departments.map((d) => (d === '教育振興課' ? '対象なし（提出なし）' : '完了')),
    );
    expect([2, 3, 4, 5, 6, 7].map((col) => valueAt(achievement!, 3, col))).toEqual([23, 13, 1, 0, 0, 37]);
    expect(achievement!.conditionalFormats.some((f) => f.kind === 'dataBar')).toBe(true);
  });

  it('lists every log record in 集約ログ', () => {
    expect(log!.name).toBe(LOG_SHEET_NAME);
    expect(log!.cells.filter((c) => c.column === 0 && c.row >= 3)).toHaveLength(
      consolidation.log.length + consolidation.findings.length,
    );
  });

  it('prints 集約ログ one page wide (a record never split across pages), without the screen-only last column', () => {
    expect(log!.print).toMatchObject({ fitToWidth: 1, area: { top: 0, left: 0, right: 6 } });
    expect(log!.print?.titleColumns).toBeUndefined();
    expect(valueAt(log!, 2, 0)).toBe('ファイル');
    expect(valueAt(log!, 2, 1)).toBe('シート');
    expect(valueAt(log!, 2, 6)).toBe('内容');
  });

  it('keeps 備考 across re-consolidation', () => {
    const typed = asSnapshot(master!);
    const remarkColumn = (typed.values[2] ?? []).indexOf('備考');
    (typed.values[5] as (string | number | boolean | null)[])[remarkColumn] = '議会報告済み';
    const remarks = readRemarks(typed);
    const key = rowKey(
      cellText(typed.values[5]![0] ?? null),
      cellText(typed.values[5]![4] ?? null),
      Number(typed.values[5]![5]),
    );
    expect([...remarks]).toEqual([[key, '議会報告済み']]);
    const again = buildMasterView({ consolidation, title: '町政運営推進プラン', remarks });
    expect(valueAt(again.sheets[0]!, 5, remarkColumn)).toBe('議会報告済み');
  });

  it('writes a 選択 as the choice it was read as (「一部 達成できた。」), an unreadable one as written', () => {
    const entry = (department: string, achievement: string): Entry => ({
      code: 'I-2-1-1',
      department,
      seq: 1,
      fiscalYear: 2020,
      fields: { ...emptyFields(), vision: '目指す姿', achievement },
    });
    const c = consolidateEntries(
      plan,
      [
        {
          ...sources[0]!,
          entries: [
            { entry: entry('町民生活課', ' 一部 達成できた。'), sheet: 's', cells: {} },
            { entry: entry('建設水道課', 'おおむね'), sheet: 't', cells: {} },
          ],
          sheets: [
            { sheet: 's', kind: 'entry' },
            { sheet: 't', kind: 'entry' },
          ],
        } as SourceFile,
      ],
      OPTIONS,
    );
    const sheets = buildMasterView({ consolidation: c, title: 't' }).sheets;
    const column = FIRST_FIELD_COLUMN + STANDARD_FORM.fields.findIndex((f) => f.key === 'achievement');
    const rowOf = (department: string) =>
      FIRST_DATA_ROW + c.rows.findIndex((r) => r.code === 'I-2-1-1' && r.department === department);
    expect(valueAt(sheets[0]!, rowOf('町民生活課'), column)).toBe('一部達成できた');
    expect(valueAt(sheets[0]!, rowOf('建設水道課'), column)).toBe('おおむね');
    const report = (department: string) =>
      sheets.find((s) => s.name === `${REPORT_SHEET_PREFIX}I-2-1-1 ${department}`)!.cells.map((x) => x.value);
    expect(report('町民生活課')).toContain('一部達成できた');
    expect(report('町民生活課')).not.toContain(' 一部 達成できた。');
    expect(report('建設水道課')).toContain('おおむね');
  });

  it("cuts text over Excel's cell limit with a finding", () => {
    const long: Entry = {
      code: 'I-2-1-3',
      department: '総務課',
      seq: 1,
      fiscalYear: 2020,
      fields: { ...emptyFields(), vision: 'あ'.repeat(40_000) },
    };
    const c = consolidateEntries(
      plan,
      [
        {
          ...sources[0]!,
          entries: [{ entry: long, sheet: 's', cells: {} }],
          sheets: [{ sheet: 's', kind: 'entry' }],
        } as SourceFile,
      ],
      OPTIONS,
    );
    const v = buildMasterView({ consolidation: c, title: 't' });
    expect(v.findings.map((f) => [f.code, f.place.sheet, f.place.cell, f.place.field])).toEqual([
      [
        'consolidate.cell-too-long',
        '全体計画',
        `H${c.rows.findIndex((r) => r.code === 'I-2-1-3' && r.department === '総務課') + 4}`,
        'vision',
      ],
      ['consolidate.cell-too-long', '報告 I-2-1-3 総務課', 'D3', 'vision'],
    ]);
    expect(v.findings[0]?.message).toMatch(
      /^I-2-1-3 総務課 の「目指す姿」が Excel の1セルの上限.*40,000文字/,
    );
    expect(
      v.sheets
        .flatMap((s) => s.cells)
        .every((cell) => typeof cell.value !== 'string' || cell.value.length <= 32_767),
    ).toBe(true);
  });
});
