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
const NO_FORMULAS: ReadonlySet<string> = new Set();

export function sheetGrid(sheet: SheetSnapshot): SheetGrid {
  return new SnapshotGrid(sheet);
}

/** A class, not an object of closures: every sheet of every file gets one, and its methods are shared. */
class SnapshotGrid implements SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  private readonly values: SheetSnapshot['values'];
  private readonly rights = new Map<number, number>();
  private readonly covered = new Set<number>();
  private readonly formulas: ReadonlySet<string>;

  constructor(sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.rowCount = sheet.values.length;
    this.values = sheet.values;
    for (const m of sheet.merges) {
      this.rights.set(key(m.top, m.left), m.right);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.covered.add(key(r, c));
    }
    const formulas = sheet.formulaCells ?? [];
    this.formulas =
      formulas.length === 0 ? NO_FORMULAS : new Set(formulas.map((a) => a.toUpperCase().replace(/\$/g, '')));
  }

  columnCount(row: number): number {
    return this.values[row]?.length ?? 0;
  }

  value(row: number, column: number): CellValue {
    return this.covered.has(key(row, column)) ? null : (this.values[row]?.[column] ?? null);
  }

  text(row: number, column: number): string {
    return cellText(this.value(row, column));
  }

  mergeRight(row: number, column: number): number {
    return this.rights.get(key(row, column)) ?? column;
  }

  isCovered(row: number, column: number): boolean {
    return this.covered.has(key(row, column));
  }

  isFormula(row: number, column: number): boolean {
    return this.formulas.size > 0 && this.formulas.has(cellAddress(row, column));
  }
}
