import { cellAddress } from '../cellAddress';
import type { CellValue } from '../template/sheetSpec';
import { cellText, type SheetSnapshot } from './snapshot';

/**
 * A snapshot's values seen the way a person sees the sheet: a cell covered by a merge (not its top-left)
 * reads as empty even when the adapter repeated the merge's value into it, and each top-left cell knows
 * how far right its merge reaches.
 */
export interface SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  /** Number of columns in a row (rows may be ragged). */
  columnCount(row: number): number;
  /** The value as stored, or null when covered by a merge or absent. */
  value(row: number, column: number): CellValue;
  /** The value as text (numbers and booleans as their text), '' when covered or absent. */
  text(row: number, column: number): string;
  /** The right-most column of the merge whose top-left is this cell (the cell's own column when unmerged). */
  mergeRight(row: number, column: number): number;
  isCovered(row: number, column: number): boolean;
  /** Did the cell hold a formula (its value is the cached result)? */
  isFormula(row: number, column: number): boolean;
}

/** One number per cell (columns stop at XFD, far below 2²⁰), so that no lookup builds a string. */
export const cellKey = (row: number, column: number): number => row * 1_048_576 + column;
const key = cellKey;

export function sheetGrid(sheet: SheetSnapshot): SheetGrid {
  const rights = new Map<number, number>();
  const covered = new Set<number>();
  for (const m of sheet.merges) {
    rights.set(key(m.top, m.left), m.right);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(key(r, c));
  }
  const formulas = new Set((sheet.formulaCells ?? []).map((a) => a.toUpperCase().replace(/\$/g, '')));
  const value = (row: number, column: number): CellValue =>
    covered.has(key(row, column)) ? null : (sheet.values[row]?.[column] ?? null);
  return {
    name: sheet.name,
    rowCount: sheet.values.length,
    columnCount: (row) => sheet.values[row]?.length ?? 0,
    value,
    text: (row, column) => cellText(value(row, column)),
    mergeRight: (row, column) => rights.get(key(row, column)) ?? column,
    isCovered: (row, column) => covered.has(key(row, column)),
    isFormula: (row, column) => formulas.size > 0 && formulas.has(cellAddress(row, column)),
  };
}
