import { describe, expect, it } from 'vitest';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { specToSnapshot } from '../template/specToSnapshot';
import {
  FORM_SHEET_HEADER as HEADER,
  KPI_FORM_ROWS as KPI_ROWS,
  kpiFormFromRows,
} from '../../../tests/helpers/formSheetRows';
import { buildFormSheet, FORM_HEADER_ROW } from './buildFormSheet';
import { parseFormGrid } from './parseFormSheet';

/** The KPI rows with a 公表 column holding `marks` row by row. */
const withPublished = (marks: readonly (string | null)[]) =>
  parseFormGrid(
    [['様式：指標シート'], [...HEADER, '公表'], ...KPI_ROWS.map((r, i) => [...r, marks[i] ?? null])],
    { file: '体系.xlsx' },
  );
const published = (form: FormDefinition) => form.fields.map((f) => [f.key, f.published !== false] as const);

describe('公表 on the 様式 sheet', () => {
  it('publishes every field when the sheet has no 公表 column', () => {
    const { form, findings } = parseFormGrid([['様式：指標シート'], HEADER, ...KPI_ROWS]);
    expect(findings).toEqual([]);
    expect(form.fields.every((f) => f.published === undefined)).toBe(true);
  });

  it('○ and blank publish, × and 非公表 do not; the 判定理由 follows its choice', () => {
    // Rows: 成果指標, 目標値, 実績値, 達成率, 評価 (judged → 判定理由), 評価・検証.
    const { form, findings } = withPublished(['○', null, '×', '○', '非公表', '✕']);
    expect(findings).toEqual([]);
    expect(published(form)).toEqual([
      ['indicator', true],
      ['target', true],
      ['actual', false],
      ['rate', true],
      ['grade', false],
      ['gradeReason', false],
      ['evaluation', false],
    ]);
  });

  it('reads a 公表 it does not know as not published, with a warning naming the cell', () => {
    const { form, findings } = withPublished(['要検討']);
    expect(form.fields[0]?.published).toBe(false);
    expect(findings).toMatchObject([
      {
        code: 'form.published-unknown',
        severity: 'warning',
        place: { sheet: '様式', cell: 'M3', file: '体系.xlsx' },
      },
    ]);
    expect(findings[0]?.message).toContain('「成果指標」の「公表」「要検討」は○（公表する）か×');
  });

  it('is written as ○ / × and read back; the R2 form stays the built-in form', () => {
    const kpi = kpiFormFromRows();
    const hidden: FormDefinition = {
      ...kpi,
      fields: kpi.fields.map((f) =>
        f.key === 'actual' || f.key === 'grade' || f.key === 'gradeReason' ? { ...f, published: false } : f,
      ),
    };
    const spec = buildFormSheet(hidden);
    const { values } = specToSnapshot(spec);
    const column = values[FORM_HEADER_ROW]?.indexOf('公表') ?? -1;
    expect(column).toBeGreaterThan(0);
    expect(values.slice(FORM_HEADER_ROW + 1).map((r) => r[column])).toEqual(['○', '○', '×', '○', '×', '○']);
    const back = parseFormGrid(values);
    expect(back.findings).toEqual([]);
    expect(back.form).toEqual(hidden);
    expect(back.form.version).toBe(kpi.version);
    expect(parseFormGrid(specToSnapshot(buildFormSheet(STANDARD_FORM)).values).form).toEqual(STANDARD_FORM);
  });
});
