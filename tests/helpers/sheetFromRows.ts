import type { CellRange, CellValue } from '../../src/domain/template/sheetSpec';
import { range } from '../../src/domain/template/sheetSpec';
import type { SheetSnapshot } from '../../src/domain/extract/snapshot';

/** Test helper: rows of cells as a snapshot grid ('' stays '', as an adapter may return it). */
export type Rows = readonly (readonly CellValue[])[];

export const gridFromRows = (rows: Rows): CellValue[][] => rows.map((row) => [...row]);

export interface SheetExtras {
  readonly merges?: readonly CellRange[];
  readonly formulaCells?: readonly string[];
  readonly visibility?: SheetSnapshot['visibility'];
}

export const sheetFromRows = (name: string, rows: Rows, extras: SheetExtras = {}): SheetSnapshot => ({
  name,
  visibility: extras.visibility ?? 'visible',
  values: gridFromRows(rows),
  merges: extras.merges ?? [],
  ...(extras.formulaCells && { formulaCells: extras.formulaCells }),
});

/** Rows of tab-separated text, as the seed's extraction prints them (the tabs are the cell boundaries). */
export const rowsFromTsv = (text: string): string[][] => text.split('\n').map((line) => line.split('\t'));

/** Rows with `count` empty rows inserted before row `at`. */
export const insertRows = (rows: Rows, at: number, count = 1): CellValue[][] => [
  ...gridFromRows(rows.slice(0, at)),
  ...Array.from({ length: count }, () => []),
  ...gridFromRows(rows.slice(at)),
];

/** Rows with an empty column inserted before column `at`. */
export const insertColumn = (rows: Rows, at: number): CellValue[][] =>
  rows.map((row) => (row.length > at ? [...row.slice(0, at), '', ...row.slice(at)] : [...row]));

/** Rows with one cell replaced. */
export const setCell = (rows: Rows, row: number, column: number, value: CellValue): CellValue[][] =>
  gridFromRows(rows).map((cells, r) => {
    if (r !== row) return cells;
    const out = [...cells];
    while (out.length <= column) out.push('');
    out[column] = value;
    return out;
  });

export interface SeedLayout {
  readonly item: string;
  readonly vision?: string;
  readonly year?: string;
  readonly goal?: string;
  readonly actions?: string;
  readonly department: string;
  readonly firstHalf?: string;
  readonly secondHalf?: string;
  readonly achievement?: string;
  readonly evaluation?: string;
}

/** A hand-typed form in the seed's unmerged A–D layout (README of the seed). */
export const seedLayout = (f: SeedLayout): string[][] => [
  ['取組項目', '', f.item, ''],
  ['目指す姿', '', f.vision ?? '', ''],
  [f.year ?? '令和2年度', '目標', f.goal ?? '', ''],
  ['', '取組内容', f.actions ?? '', ''],
  ['', '実践課', f.department, ''],
  ['', '進捗状況', '前期 (4～9月)', f.firstHalf ?? ''],
  ['', '', '後期 (10～3月)', f.secondHalf ?? ''],
  ['', '目標の達成', f.achievement ?? '', ''],
  ['評価・検証', '', f.evaluation ?? '', ''],
];

/** The builder-like layout: labels merged A:B (or B alone), values merged C:D, 前期/後期 labels in C. */
export const MERGED_LAYOUT_MERGES: readonly CellRange[] = [
  range(0, 0, 0, 1),
  range(0, 2, 0, 3),
  range(1, 0, 1, 1),
  range(1, 2, 1, 3),
  range(2, 0, 7, 0),
  range(2, 2, 2, 3),
  range(3, 2, 3, 3),
  range(4, 2, 4, 3),
  range(5, 1, 6, 1),
  range(7, 2, 7, 3),
  range(8, 0, 8, 1),
  range(8, 2, 8, 3),
];
