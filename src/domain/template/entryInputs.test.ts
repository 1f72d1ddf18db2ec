import { describe, expect, it } from 'vitest';
import { KPI_FILLED, KPI_FORM, kpiSheet } from '../../../tests/helpers/kpiForm';
import { parseCellAddress } from '../cellAddress';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { buildEntrySheet } from './buildEntrySheet';
import { REASON_GUIDANCE } from './entryInputs';
import { entryLayout, inputAddress, inputFor } from './entryLayout';
import { parseMetaFieldCells, parseSheetMeta } from './sheetMeta';
import type { SheetSpec, ValidationSpec } from './sheetSpec';
import { specCell } from './specToSnapshot';

const item = planItems(r2Sample().plan)[0]!;
const build = (fields: Parameters<typeof kpiSheet>[0] = {}) => kpiSheet(fields);
const layout = entryLayout(KPI_FORM);
const address = (key: string) => inputAddress(inputFor(layout, key));
const cellAt = (sheet: SheetSpec, key: string) => {
  const p = parseCellAddress(address(key))!;
  return specCell(sheet, p.row, p.column);
};
const styleOf = (sheet: SheetSpec, key: string) => sheet.styles[cellAt(sheet, key)?.style ?? ''];
const validationOf = (sheet: SheetSpec, key: string): ValidationSpec | undefined => {
  const { range } = inputFor(layout, key);
  return sheet.validations.find((v) => v.range.top === range.top && v.range.left === range.left);
};

describe('entry sheet inputs by field kind', () => {
  const blank = build();

  it('gives a 数値 cell a real-number format, right-aligned, unlocked, with a decimal rule that refuses text', () => {
    expect(styleOf(blank, 'target')).toMatchObject({
      numberFormat: 'General',
      horizontal: 'right',
      locked: false,
    });
    expect(validationOf(blank, 'target')).toMatchObject({
      kind: 'decimal',
      error: { style: 'stop', message: expect.stringContaining('数値だけ') },
      prompt: { title: '目標値' },
    });
  });

  it('gives a 日付 cell a date format and a date rule', () => {
    expect(styleOf(blank, 'checked')).toMatchObject({ numberFormat: 'yyyy/m/d', locked: false });
    expect(validationOf(blank, 'checked')).toMatchObject({
      kind: 'date',
      min: '1901-01-01',
      error: { style: 'stop' },
    });
  });

  it('writes a 計算 cell as a locked, grey, percentage formula over the input cells, saying it is computed', () => {
    const cell = cellAt(blank, 'rate');
    const [actual, target] = [address('actual'), address('target')];
    expect(cell?.formula).toBe(`IFERROR(IF(OR(${actual}="",${target}=""),"",${actual}/${target}),"")`);
    expect(cell?.value).toBeUndefined();
    expect(styleOf(blank, 'rate')).toMatchObject({ locked: true, numberFormat: '0.0%', fill: '#F2F2F2' });
    expect(validationOf(blank, 'rate')).toEqual({
      kind: 'prompt',
      range: inputFor(layout, 'rate').range,
      prompt: { title: '達成率', message: 'この欄は自動で計算されます（実績値 / 目標値）。入力は不要です。' },
    });
  });

  it('states the 判定 rule in the choice’s input message and asks for the reason beside it', () => {
    const v = validationOf(blank, 'rating');
    expect(v).toMatchObject({ kind: 'list', values: ['S', 'A', 'B', 'C'] });
    expect(v?.prompt?.message).toContain(`判定の目安: ${KPI_FORM.fields[5]!.judge!.text}`);
    expect(v?.prompt?.message).toContain('「判定理由」に理由');
    expect(validationOf(blank, 'ratingReason')).toMatchObject({
      kind: 'textLength',
      prompt: { message: REASON_GUIDANCE },
    });
  });

  it('marks only required input kinds as missing: never the 計算 cell', () => {
    const marked = blank.conditionalFormats.map((c) => c.range.top);
    expect(marked).toContain(inputFor(layout, 'actual').range.top);
    expect(marked).toContain(inputFor(layout, 'rating').range.top);
    expect(marked).not.toContain(inputFor(layout, 'rate').range.top);
    expect(marked).not.toContain(inputFor(layout, 'ratingReason').range.top);
  });

  it('writes pre-filled numbers and dates as real values, other text as text, and never a 計算 value', () => {
    const filled = build({ ...KPI_FILLED, target: '１，０００', actual: '約900', rate: '0.9' });
    expect(cellAt(filled, 'target')?.value).toBe(1000);
    expect(cellAt(filled, 'baseline')?.value).toBe(80);
    expect(cellAt(filled, 'actual')?.value).toBe('約900');
    expect(cellAt(filled, 'checked')?.value).toBe(44286);
    expect(cellAt(filled, 'rate')?.value).toBeUndefined();
    expect(cellAt(filled, 'rate')?.formula).toBeDefined();
    expect(cellAt(filled, 'rating')?.value).toBe('A');
  });

  it('records in its metadata which field sits in which cell', () => {
    const meta = String(specCell(blank, 0, 5)?.value);
    expect(parseSheetMeta(meta)).toMatchObject({ formId: 'kpi-test', formVersion: 'v1' });
    expect(parseMetaFieldCells(meta)).toEqual(
      KPI_FORM.fields.map((f) => ({ key: f.key, cell: address(f.key) })),
    );
  });

  it('uses only the styles its fields need (the R2 form: text inputs only)', () => {
    expect(Object.keys(blank.styles)).toEqual(
      expect.arrayContaining(['input', 'numberInput', 'dateInput', 'computed']),
    );
    const r2 = buildEntrySheet({ item, department: '総務課', seq: 1, fiscalYear: 2020, sheetName: 'R2' });
    expect(Object.keys(r2.styles)).toEqual(['heading', 'label', 'fixed', 'input', 'meta']);
    expect(new Set(r2.validations.map((v) => v.kind))).toEqual(new Set(['list', 'textLength']));
  });
});
