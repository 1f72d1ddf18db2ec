import { describe, expect, it } from 'vitest';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { specToSnapshot } from '../template/specToSnapshot';
import {
  FORM_SHEET_HEADER as HEADER,
  KPI_FORM_ROWS as KPI_ROWS,
  kpiFormFromRows,
} from '../../../tests/helpers/formSheetRows';
import { buildFormSheet, FORM_HEADER_ROW } from './buildFormSheet';
import { formDigest } from './formDigest';
import { parseFormGrid } from './parseFormSheet';

/** The KPI rows with a 引継ぎ column holding `marks` row by row. */
const withCarry = (marks: readonly (string | null)[]) =>
  parseFormGrid(
    [['様式：指標シート'], [...HEADER, '引継ぎ'], ...KPI_ROWS.map((r, i) => [...r, marks[i] ?? null])],
    { file: '体系.xlsx' },
  );
const carries = (form: FormDefinition) => form.fields.map((f) => [f.key, f.carry ?? null] as const);

/** The R2 form's 様式 sheet with its 引継ぎ column rewritten (`marks` by field) or removed (`null`). */
function r2Sheet(marks: Readonly<Record<string, string | null>> | null) {
  const { values } = specToSnapshot(buildFormSheet(STANDARD_FORM));
  const column = values[FORM_HEADER_ROW]?.indexOf('引継ぎ') ?? -1;
  if (column < 0) throw new Error('no 引継ぎ column');
  return values.map((row, r) => {
    if (marks === null) return row.filter((_, c) => c !== column);
    const key = String(row[2] ?? '');
    return r > FORM_HEADER_ROW && key in marks ? row.map((v, c) => (c === column ? marks[key]! : v)) : row;
  });
}

describe('引継ぎ on the 様式 sheet', () => {
  it('gives the R2 form 目指す姿・目標・取組内容 carried and 進捗状況・目標の達成・評価・検証 as 参考', () => {
    expect(carries(STANDARD_FORM)).toEqual([
      ['vision', 'carry'],
      ['goal', 'carry'],
      ['actions', 'carry'],
      ['firstHalf', 'reference'],
      ['secondHalf', 'reference'],
      ['achievement', 'reference'],
      ['evaluation', 'reference'],
    ]);
  });

  it('reads ○ as carried, 参考 as reference and blank as nothing; a 判定理由 follows its choice as 参考', () => {
    // Rows: 成果指標, 目標値, 実績値, 達成率, 評価 (judged → 判定理由), 評価・検証.
    const { form, findings } = withCarry(['○', '〇', null, '参考', '参考', '参考']);
    expect(findings).toEqual([]);
    expect(carries(form)).toEqual([
      ['indicator', 'carry'],
      ['target', 'carry'],
      ['actual', null],
      ['rate', 'reference'],
      ['grade', 'reference'],
      ['gradeReason', 'reference'],
      ['evaluation', 'reference'],
    ]);
    // Not part of what a department's sheet depends on: the version stays the form's digest without it.
    expect(form.version).toBe(kpiFormFromRows().version);
    expect(form.version).toBe(formDigest(kpiFormFromRows()));
  });

  it('warns about a mark it does not know (read as blank) and about carrying a 計算 field (read as 参考)', () => {
    const { form, findings } = withCarry(['要検討', null, null, '○']);
    expect(carries(form).slice(0, 4)).toEqual([
      ['indicator', null],
      ['target', null],
      ['actual', null],
      ['rate', 'reference'],
    ]);
    expect(findings).toMatchObject([
      {
        code: 'form.carry-unknown',
        severity: 'warning',
        place: { sheet: '様式', cell: 'M3', file: '体系.xlsx' },
      },
      { code: 'form.carry-computed', severity: 'warning', place: { cell: 'M6' } },
    ]);
    expect(findings[0]?.message).toContain(
      '「成果指標」の「引継ぎ」「要検討」は○（翌年度のシートに引き継ぐ）か参考',
    );
  });

  it('writes ○ / 参考 and reads them back; another form without 引継ぎ round-trips without it', () => {
    const { values } = specToSnapshot(buildFormSheet(STANDARD_FORM));
    const column = values[FORM_HEADER_ROW]?.indexOf('引継ぎ') ?? -1;
    expect(values.slice(FORM_HEADER_ROW + 1, FORM_HEADER_ROW + 8).map((r) => r[column])).toEqual([
      '○',
      '○',
      '○',
      '参考',
      '参考',
      '参考',
      '参考',
    ]);
    const kpi = kpiFormFromRows();
    expect(parseFormGrid(specToSnapshot(buildFormSheet(kpi)).values).form).toEqual(kpi);
  });

  it('keeps the R2 form the built-in suishin-standard@1 with its own 引継ぎ, or the one the sheet says', () => {
    // As written, and without the column (a 様式 sheet written before 引継ぎ existed): the built-in form itself.
    expect(parseFormGrid(r2Sheet({})).form).toBe(STANDARD_FORM);
    expect(parseFormGrid(r2Sheet(null)).form).toBe(STANDARD_FORM);
    // 総務課 stops carrying 取組内容 and shows 目標 only as 参考: still the R2 form, with the sheet's 引継ぎ.
    const { form, findings } = parseFormGrid(r2Sheet({ actions: null, goal: '参考' }));
    expect(findings).toEqual([]);
    expect(form).not.toBe(STANDARD_FORM);
    expect([form.id, form.version, form.title]).toEqual(['suishin-standard', 1, STANDARD_FORM.title]);
    expect(carries(form).slice(0, 4)).toEqual([
      ['vision', 'carry'],
      ['goal', 'reference'],
      ['actions', null],
      ['firstHalf', 'reference'],
    ]);
    expect(form.fields.map(({ carry: _c, ...f }) => f)).toEqual(
      STANDARD_FORM.fields.map(({ carry: _c, ...f }) => f),
    );
  });
});
