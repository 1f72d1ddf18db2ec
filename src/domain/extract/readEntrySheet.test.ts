import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import type { CellRange } from '../template/sheetSpec';
import { readEntrySheet } from './readEntrySheet';
import {
  insertColumn,
  insertRows,
  MERGED_LAYOUT_MERGES,
  type Rows,
  seedLayout,
  setCell,
  sheetFromRows,
} from '../../../tests/helpers/sheetFromRows';
import type { ExtractedEntry } from './types';

const plan = r2Sample().plan;
const options = { file: 'somu.xlsx', plan, fiscalYear: 2020 };
const FORM = {
  item: '① 地域支えあいの仕組みづくり (3) 自主防災組織への活動支援による地域防災力の向上',
  vision: '地域防災力の向上を図る。',
  goal: '・防災体制の充実\n・訓練の実施',
  actions: '・備蓄品の整備',
  department: '総務課',
  firstHalf: '・7/19 研修',
  secondHalf: '・3/21 出前講座',
  achievement: '達成できた',
  evaluation: '計画どおり整備した。',
};
const { item: _item, department: _department, ...FIELDS } = FORM;
const ROWS = seedLayout(FORM);
const SEED_CELLS = {
  vision: 'C2',
  goal: 'C3',
  actions: 'C4',
  firstHalf: 'D6',
  secondHalf: 'D7',
  achievement: 'C8',
  evaluation: 'C9',
};

const read = (
  rows: Rows,
  extras: Parameters<typeof sheetFromRows>[2] = {},
  opts: Parameters<typeof readEntrySheet>[1] = options,
) => readEntrySheet(sheetFromRows('防災', rows, extras), opts);
const only = (rows: Rows, extras: Parameters<typeof sheetFromRows>[2] = {}): ExtractedEntry => {
  const reading = read(rows, extras);
  expect(reading.entries.flatMap((e) => e.findings).map((f) => f.code)).toEqual([]);
  expect(reading.entries).toHaveLength(1);
  return reading.entries[0]!.extracted;
};
/** Shift A1 addresses by rows and columns. */
const shift = (cell: string, rows: number, columns = 0): string => {
  const m = /^([A-Z])(\d+)$/.exec(cell)!;
  return `${String.fromCharCode(m[1]!.charCodeAt(0) + columns)}${Number(m[2]) + rows}`;
};
const shiftAll = (cells: Record<string, string>, rows: number, columns = 0) =>
  Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, shift(v, rows, columns)]));
/** Repeat each merge's value into its covered cells, as some adapters return merged cells. */
const fillMerges = (rows: Rows, merges: readonly CellRange[]): Rows =>
  rows.map((row, r) =>
    row.map((v, c) => {
      const m = merges.find((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right);
      return m ? (rows[m.top]?.[m.left] ?? v) : v;
    }),
  );

describe('readEntrySheet: label-anchored reading tolerates layout changes', () => {
  const REPEATED = fillMerges(ROWS, MERGED_LAYOUT_MERGES);
  it.each<
    [
      string,
      Rows,
      Parameters<typeof sheetFromRows>[2],
      { item: string; department: string; year: string; cells: Record<string, string> },
    ]
  >([
    [
      'the seed layout typed by hand, unmerged',
      ROWS,
      {},
      { item: 'C1', department: 'C5', year: 'A3', cells: SEED_CELLS },
    ],
    [
      'two title rows inserted above',
      insertRows(ROWS, 0, 2),
      {},
      { item: 'C3', department: 'C7', year: 'A5', cells: shiftAll(SEED_CELLS, 2) },
    ],
    [
      'a row inserted inside the form',
      insertRows(ROWS, 4),
      {},
      {
        item: 'C1',
        department: 'C6',
        year: 'A3',
        cells: { ...SEED_CELLS, firstHalf: 'D7', secondHalf: 'D8', achievement: 'C9', evaluation: 'C10' },
      },
    ],
    [
      'a column inserted before A',
      insertColumn(ROWS, 0),
      {},
      { item: 'D1', department: 'D5', year: 'B3', cells: shiftAll(SEED_CELLS, 0, 1) },
    ],
    [
      'a column inserted between labels and values',
      insertColumn(ROWS, 2),
      {},
      { item: 'D1', department: 'D5', year: 'A3', cells: { ...shiftAll(SEED_CELLS, 0, 1) } },
    ],
    [
      'merged label and value cells (builder layout)',
      ROWS,
      { merges: MERGED_LAYOUT_MERGES },
      { item: 'C1', department: 'C5', year: 'A3', cells: SEED_CELLS },
    ],
    [
      'merged cells whose value the adapter repeated',
      REPEATED,
      { merges: MERGED_LAYOUT_MERGES },
      { item: 'C1', department: 'C5', year: 'A3', cells: SEED_CELLS },
    ],
    [
      'labels and values repeated by merges the snapshot did not record',
      REPEATED,
      {},
      { item: 'C1', department: 'C5', year: 'A3', cells: SEED_CELLS },
    ],
    [
      'labels written 目 標, 実践　課, 前期（４～９月）, 後期 (10~3月), with full-width spaces',
      [
        [0, 0, '\u3000取組項目'],
        [2, 1, '目 標'],
        [4, 1, '実践\u3000課'],
        [5, 2, '前期（４～９月）'],
        [6, 2, '後期 (10~3月)'],
        [8, 0, '評価　・検証'],
      ].reduce<Rows>((rows, [r, c, v]) => setCell(rows, r as number, c as number, v as string), ROWS),
      {},
      { item: 'C1', department: 'C5', year: 'A3', cells: SEED_CELLS },
    ],
  ])('%s', (_name, rows, extras, where) => {
    const x = only(rows, extras);
    expect(x.entry).toEqual({
      code: 'I-2-1-3',
      department: '総務課',
      seq: 1,
      fiscalYear: 2020,
      fields: FIELDS,
    });
    expect(x.source).toEqual({
      file: 'somu.xlsx',
      sheet: '防災',
      cells: where.cells,
      itemCell: where.item,
      departmentCell: where.department,
      fiscalYearCell: where.year,
    });
    expect(x.identifiedBy).toBe('labels');
  });
});

describe('readEntrySheet: values', () => {
  it('keeps line breaks, folds \\r\\n to \\n, trims, and never alters the words', () => {
    const x = only(
      setCell(setCell(ROWS, 2, 2, '  ・防災体制の充実\r\n・訓練の　実施 \r\n'), 3, 2, 'K P I\r・備蓄'),
    );
    expect([x.entry.fields.goal, x.entry.fields.actions]).toEqual([
      '・防災体制の充実\n・訓練の　実施',
      'K P I\n・備蓄',
    ]);
  });

  it('reads numbers and booleans as their text', () => {
    const x = only(setCell(setCell(ROWS, 2, 2, 100), 3, 2, true));
    expect([x.entry.fields.goal, x.entry.fields.actions]).toEqual(['100', 'true']);
  });

  it('points empty fields at the cell a person would type in (the value column), not at the label', () => {
    const x = only(seedLayout({ ...FORM, goal: '', firstHalf: '', evaluation: '' }));
    expect(x.entry.fields).toEqual({ ...FIELDS, goal: '', firstHalf: '', evaluation: '' });
    expect(x.source.cells).toEqual(SEED_CELLS);
  });

  it('works out the value column from the 取組項目 value when it sits in B (seed #17)', () => {
    const rows = seedLayout({ ...FORM, evaluation: '' }).map((row, r) =>
      r < 2 ? [row[0] ?? '', row[2] ?? '', '', ''] : row,
    );
    const x = only(rows);
    expect([x.source.itemCell, x.source.cells.vision, x.source.cells.evaluation]).toEqual(['B1', 'B2', 'B9']);
  });

  it('works out the value column from the other fields when 取組項目 is empty too', () => {
    const reading = read(seedLayout({ ...FORM, item: '', evaluation: '' }));
    expect(reading.kind).toBe('unreadable');
    expect(reading.findings.map((f) => [f.code, f.place.cell])).toEqual([['extract.unknown-item', 'C1']]);
  });

  it('reads a formula cell by its cached value and says so', () => {
    const reading = read(ROWS, { formulaCells: ['C8'] });
    const [entry] = reading.entries;
    expect(entry?.extracted.entry.fields.achievement).toBe('達成できた');
    expect(entry?.findings.map((f) => [f.code, f.severity, f.place.cell, f.place.field])).toEqual([
      ['extract.formula-value', 'info', 'C8', 'achievement'],
    ]);
    expect(entry?.findings[0]?.message).toContain('数式の結果の値を読みました');
  });

  it('reads a formula whose saved result is empty as an empty field, and says so at its cell', () => {
    const reading = read(setCell(ROWS, 7, 2, ''), { formulaCells: ['C8'] });
    const [entry] = reading.entries;
    expect(entry?.extracted.entry.fields.achievement).toBe('');
    expect(entry?.findings.map((f) => [f.code, f.severity, f.place.cell, f.place.field])).toEqual([
      ['extract.formula-no-value', 'warning', 'C8', 'achievement'],
    ]);
    expect(entry?.findings[0]?.message).toContain('この欄は数式で、保存された結果が空');
  });
});
