import { describe, expect, it } from 'vitest';
import { cellAddress } from '../cellAddress';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import type { CellRange } from './sheetSpec';
import { entryLayout, inputAddress, inputFor, labelText, requiredInputs } from './entryLayout';

const a1 = (r: CellRange): string =>
  r.top === r.bottom && r.left === r.right
    ? cellAddress(r.top, r.left)
    : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
const overlaps = (a: CellRange, b: CellRange): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

describe('entryLayout (the seed’s form)', () => {
  const layout = entryLayout();

  it.each([
    ['A2:C2', '取組項目'],
    ['A3:C3', '目指す姿'],
    ['A4:A9', '令和2年度'],
    ['B4:C4', '目標'],
    ['B5:C5', '取組内容'],
    ['B6:C6', '実践課'],
    ['B7:B8', '進捗状況'],
    ['C7', '前期 (4～9月)'],
    ['C8', '後期 (10～3月)'],
    ['B9:C9', '目標の達成'],
    ['A10:C10', '評価・検証'],
  ])('labels %s %s', (address, text) => {
    const label = layout.labels.find((l) => a1(l.range) === address);
    expect(label && labelText(label, '令和2年度')).toBe(text);
  });

  it('has exactly those labels, in row order', () => {
    expect(layout.labels.map((l) => labelText(l, '令和2年度'))).toEqual([
      '取組項目',
      '目指す姿',
      '令和2年度',
      '目標',
      '取組内容',
      '実践課',
      '進捗状況',
      '前期 (4～9月)',
      '後期 (10～3月)',
      '目標の達成',
      '評価・検証',
    ]);
  });

  it.each([
    ['vision', 'D3'],
    ['goal', 'D4'],
    ['actions', 'D5'],
    ['firstHalf', 'D7'],
    ['secondHalf', 'D8'],
    ['achievement', 'D9'],
    ['evaluation', 'D10'],
  ] as const)('puts the %s input at %s', (key, address) =>
    expect(a1(inputFor(layout, key).range)).toBe(address),
  );

  it('places the heading, 取組項目 and 実践課 values, metadata and the last row', () => {
    expect([
      a1(layout.heading),
      a1(layout.item),
      a1(layout.department),
      cellAddress(layout.meta.row, layout.meta.column),
      layout.lastRow,
    ]).toEqual(['A1:D1', 'D2', 'D6', 'F1', 9]);
  });

  it('gives every input one unmerged cell of column D (Excel grows only such a row with its text)', () => {
    for (const input of layout.inputs) {
      expect(a1(input.range)).toBe(cellAddress(input.range.top, 3));
      expect(layout.merges.filter((m) => overlaps(m, input.range))).toEqual([]);
    }
  });

  it('takes each field label from the form definition', () => {
    for (const f of STANDARD_FORM.fields)
      expect(layout.labels.some((l) => l.kind === 'text' && l.field === f.key && l.text === f.label)).toBe(
        true,
      );
  });

  it('merges without overlaps, inside A:D', () => {
    layout.merges.forEach((m, i) => {
      expect(m.right).toBeLessThanOrEqual(3);
      for (const other of layout.merges.slice(i + 1))
        expect(overlaps(m, other), `${a1(m)} / ${a1(other)}`).toBe(false);
    });
  });

  it('gives every label and input cell to exactly one region', () => {
    const regions = [
      layout.heading,
      layout.item,
      layout.department,
      ...layout.labels.map((l) => l.range),
      ...layout.inputs.map((i) => i.range),
    ];
    for (let row = 0; row <= layout.lastRow; row++)
      for (let column = 0; column <= 3; column++)
        expect(
          regions.filter((r) => overlaps(r, { top: row, left: column, bottom: row, right: column })).length,
          cellAddress(row, column),
        ).toBe(1);
  });

  it.each([
    ['plan', ['D3', 'D4', 'D5']],
    ['first-half', ['D3', 'D4', 'D5', 'D7']],
    ['year-end', ['D3', 'D4', 'D5', 'D7', 'D8', 'D9', 'D10']],
  ] as const)('lists the inputs required at %s', (stage, cells) =>
    expect(requiredInputs(layout, stage).map(inputAddress)).toEqual(cells),
  );
});

describe('entryLayout (other forms)', () => {
  const without = (...keys: string[]): FormDefinition => ({
    ...STANDARD_FORM,
    id: 'test',
    fields: STANDARD_FORM.fields.filter((f) => !keys.includes(f.key)),
  });

  it('a form without 進捗状況 puts 実践課 at the end of the fiscal-year block', () => {
    const layout = entryLayout(without('firstHalf', 'secondHalf'));
    expect(layout.labels.map((l) => `${a1(l.range)} ${labelText(l, 'R')}`)).toEqual([
      'A2:C2 取組項目',
      'A3:C3 目指す姿',
      'A4:A7 R',
      'B4:C4 目標',
      'B5:C5 取組内容',
      'B6:C6 目標の達成',
      'B7:C7 実践課',
      'A8:C8 評価・検証',
    ]);
    expect(layout.lastRow).toBe(7);
  });

  it('a form with only wide fields puts 実践課 under 取組項目', () => {
    const layout = entryLayout(without('goal', 'actions', 'firstHalf', 'secondHalf', 'achievement'));
    expect(layout.labels.map((l) => `${a1(l.range)} ${labelText(l, 'R')}`)).toEqual([
      'A2:C2 取組項目',
      'A3:C3 実践課',
      'A4:C4 目指す姿',
      'A5:C5 評価・検証',
    ]);
  });

  it('refuses a fiscal-year block split by a wide field (a programmer error in the form)', () => {
    const split = {
      ...STANDARD_FORM,
      fields: STANDARD_FORM.fields.map((f) => (f.key === 'actions' ? { ...f, inYearBand: false } : f)),
    };
    expect(() => entryLayout(split)).toThrow(/consecutive/);
  });

  it('refuses fields under one 見出し that are not consecutive', () => {
    const apart = {
      ...STANDARD_FORM,
      fields: STANDARD_FORM.fields.map((f) => (f.key === 'goal' ? { ...f, heading: '進捗状況' } : f)),
    };
    expect(() => entryLayout(apart)).toThrow(/見出し/);
  });
});
