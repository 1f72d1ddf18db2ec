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
  /**
   * Hidden columns as 0-based spans, in order and merged (Suishin's metadata column, a user's own): file mode's
   * preview leaves them out, as Excel does. Given by the file readers; absent when there are none.
   */
  readonly hiddenColumns?: readonly ColumnSpan[];
}

/** Columns `left`…`right`, 0-based, both included. */
export interface ColumnSpan {
  readonly left: number;
  readonly right: number;
}

/** Spans sorted and merged where they touch or overlap: one form, however the file listed its columns. */
export function mergeColumnSpans(spans: readonly ColumnSpan[]): ColumnSpan[] {
  const merged: { left: number; right: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.left - b.left)) {
    const last = merged[merged.length - 1];
    if (last && span.left <= last.right + 1) last.right = Math.max(last.right, span.right);
    else merged.push({ left: span.left, right: span.right });
  }
  return merged;
}

/** Whether a sheet's column (0-based) is hidden. */
export const isColumnHidden = (sheet: SheetSnapshot, column: number): boolean =>
  sheet.hiddenColumns?.some((s) => column >= s.left && column <= s.right) ?? false;

export interface WorkbookSnapshot {
  /** The file name as the user gave it (for findings), when the workbook came from a file. */
  readonly file?: string;
  readonly sheets: readonly SheetSnapshot[];
}

export const cellText = (value: CellValue | undefined): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
