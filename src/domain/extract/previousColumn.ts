import { parseFiscalYear } from '../fiscal/fiscalYear';
import type { SheetGrid } from './sheetGrid';

/**
 * The 前年度 column a rollover writes beside next year's sheet (template/referenceColumn.ts): a heading
 * 「前年度（令和2年度）」 above the form, and last year's values below it on the fields' rows. Its cells are
 * never labels nor this year's values, and never unread text; the reader gives them back as `previous`.
 */
export interface PreviousColumn {
  readonly row: number;
  readonly column: number;
  /** The year the values are from (April-start). */
  readonly fiscalYear: number;
}

const HEADING = /^前年度[(（]\s*(.+年度)\s*[)）]$/u;

/** Cells reading 「前年度（令和2年度）」 (full- or half-width brackets), anywhere in the sheet. */
export function findPreviousHeadings(grid: SheetGrid): PreviousColumn[] {
  const out: PreviousColumn[] = [];
  for (let row = 0; row < grid.rowCount; row++)
    for (let column = 0; column < grid.columnCount(row); column++) {
      const text = grid.text(row, column).trim();
      if (!text.startsWith('前年度')) continue;
      const year = HEADING.exec(text.normalize('NFKC').replace(/\s+/gu, ''))?.[1];
      const fiscalYear = year !== undefined ? parseFiscalYear(year) : undefined;
      if (fiscalYear !== undefined) out.push({ row, column, fiscalYear });
    }
  return out;
}

/** Is the cell in a 前年度 column (at or below its heading)? */
export const inPreviousColumn =
  (columns: readonly PreviousColumn[]) =>
  (row: number, column: number): boolean =>
    columns.some((c) => c.column === column && row >= c.row);
