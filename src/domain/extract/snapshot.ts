import type { CellRange, CellValue } from '../template/sheetSpec';

/**
 * A sheet as read back: a grid of values plus merges. Formulas are represented by their cached result
 * (we never evaluate a formula); `formulas` marks which cells held one, so a reader can tell.
 */
export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
  /** values[row][column], 0-based; rows may be ragged; rich text is flattened to its plain text. */
  readonly values: readonly (readonly CellValue[])[];
  readonly merges: readonly CellRange[];
  /** A1 addresses of cells that held a formula. */
  readonly formulaCells?: readonly string[];
}

export interface WorkbookSnapshot {
  /** The file name as the user gave it (for findings), when the workbook came from a file. */
  readonly file?: string;
  readonly sheets: readonly SheetSnapshot[];
}

export const cellText = (value: CellValue | undefined): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
