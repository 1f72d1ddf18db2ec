import { fitCellText } from '../template/buildTableSheet';
import { range, type CellSpec, type SheetSpec } from '../template/sheetSpec';
import { a4Print } from '../template/printSetup';
import { estimateRowHeight } from '../template/rowHeight';
import { FONT_SIZE } from '../template/templateStyles';
import type { OpenDataTable } from './openDataTable';

export const OPEN_DATA_SHEET_NAME = 'オープンデータ';
export const OPEN_DATA_TABLE_NAME = 'OpenData';

const chars = (s: string): number => [...s].length;

/** A column as wide as its header and its longest line, between 6 and 60 characters. */
function width(table: OpenDataTable, column: number): number {
  const longest = Math.max(
    chars(table.header[column] ?? ''),
    ...table.rows.map((r) => {
      const v = r[column];
      return typeof v === 'number' ? String(v).length / 2 : Math.max(0, ...v!.split('\n').map(chars));
    }),
  );
  return Math.min(60, Math.max(6, Math.ceil(longest * 2) + 2));
}

/**
 * The open data as a plain sheet: the header in row 1 and one row per entry under it, as one Excel table
 * (filterable, named OpenData), nothing above or beside it, no merged cells. Text is written as text, never
 * as a formula; a cell past Excel's limit is cut with a marker (the CSV keeps the whole text).
 */
export function openDataSheet(table: OpenDataTable): SheetSpec {
  const cells: CellSpec[] = [
    ...table.header.map((value, column) => ({ row: 0, column, value, style: 'header' })),
    ...table.rows.flatMap((values, i) =>
      values.map((value, column) => ({
        row: i + 1,
        column,
        value: typeof value === 'number' ? value : fitCellText(value).text,
        style: typeof value === 'number' ? 'number' : 'text',
      })),
    ),
  ];
  const last = table.header.length - 1;
  const widths = table.header.map((_, c) => width(table, c));
  const code = table.header.indexOf('取組項目コード');
  // Each row as tall as its longest wrapped text, as the other sheets are: LibreOffice showed one line of
  // each cell (the rest cut) in a file without heights.
  const rowHeights: Record<number, number> = {};
  table.rows.forEach((values, i) => {
    const tallest = Math.max(
      0,
      ...values.map((v, c) =>
        typeof v === 'string' && v !== ''
          ? estimateRowHeight(fitCellText(v).text, { widthChars: widths[c] ?? 8, fontSize: FONT_SIZE })
          : 0,
      ),
    );
    if (tallest > 0) rowHeights[i + 1] = tallest;
  });
  return {
    name: OPEN_DATA_SHEET_NAME,
    cells,
    styles: {
      header: { bold: true, fontSize: FONT_SIZE, vertical: 'top', wrap: true },
      text: { fontSize: FONT_SIZE, vertical: 'top', wrap: true, numberFormat: '@' },
      number: { fontSize: FONT_SIZE, vertical: 'top', numberFormat: 'General' },
    },
    merges: [],
    columnWidths: widths,
    rowHeights,
    validations: [],
    conditionalFormats: [],
    protect: false,
    frozen: { rows: 1, columns: 0 },
    // Printed as a wide table is: landscape at 100 %, the header row and 取組項目コード on every page.
    print: a4Print({
      orientation: 'landscape',
      pagesWide: 0,
      titleRows: { from: 0, to: 0 },
      ...(code >= 0 && { titleColumns: { from: code, to: code } }),
    }),
    tables: [
      {
        name: OPEN_DATA_TABLE_NAME,
        range: range(0, 0, Math.max(table.rows.length, 1), last),
        style: 'TableStyleLight9',
      },
    ],
  };
}
