import { columnLetters } from '../cellAddress';
import { a4Print, headerText, leftRightHeader } from './printSetup';
import { estimateRowHeight, type RowHeightOptions } from './rowHeight';
import type { CellSpec, CellValue, ConditionalFormatSpec, SheetSpec } from './sheetSpec';
import { range } from './sheetSpec';
import { FONT_SIZE, pickStyles, STYLE } from './templateStyles';

/** Excel refuses more than 32,767 characters in a cell. */
export const EXCEL_CELL_LIMIT = 32_767;

export interface TableColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /**
   * Numbers right-aligned without the text format; text columns get the `@` format. `decimal` shows a
   * number as it is (General: 12.5, 1000), `date` a date serial as 2021/4/1.
   */
  readonly kind?: 'text' | 'number' | 'percent' | 'decimal' | 'amount' | 'date';
  /** A data bar over the column's values. */
  readonly dataBar?: string;
}

export interface TableSheetInput {
  readonly name: string;
  readonly title: string;
  /** A line under the title: the run stamp, the fiscal year. */
  readonly subtitle?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  /** An Excel table name (letters, digits, _): the rows become a filterable table. */
  readonly tableName?: string;
  readonly orientation?: 'portrait' | 'landscape';
  readonly tabColor?: string;
  /** Rows to emphasise (0-based data row index → style name `warn`/`muted`). */
  readonly rowStyles?: Readonly<Record<number, 'warn' | 'muted'>>;
  /**
   * Pages wide when printed (default 1: shrunk to one page). 0 for a table too wide to shrink legibly:
   * printed at 100 % over several pages, each band of rows across before going down.
   */
  readonly pagesWide?: number;
  /** Leading columns repeated on every printed page (the row's key, for a table several pages wide). */
  readonly repeatColumns?: number;
  /** Leading columns printed (default all): the ones after are for the screen only. */
  readonly printColumns?: number;
}

export const TITLE_ROW = 0;
export const SUBTITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

/**
 * A report table: a title, a subtitle, a header row frozen on screen and repeated on every printed page,
 * and data rows (as an Excel table when `tableName` is given). Text is written as values, never formulas.
 */
export function buildTableSheet(input: TableSheetInput): SheetSpec {
  const last = input.columns.length - 1;
  // Title and subtitle span the table, so they neither wrap in column A nor spill unevenly.
  const titleMerges = [
    range(TITLE_ROW, 0, TITLE_ROW, last),
    ...(input.subtitle ? [range(SUBTITLE_ROW, 0, SUBTITLE_ROW, last)] : []),
  ].filter((r) => r.right > r.left);
  const cells: CellSpec[] = [
    { row: TITLE_ROW, column: 0, value: input.title, style: 'title' },
    ...(input.subtitle ? [{ row: SUBTITLE_ROW, column: 0, value: input.subtitle, style: 'note' }] : []),
    ...input.columns.map((c, column) => ({ row: HEADER_ROW, column, value: c.header, style: 'header' })),
  ];
  // Headers wrap in narrow columns (取組項目コード): the header row is as tall as its tallest header.
  const headerHeight = Math.max(
    18,
    ...input.columns.map((c) => estimateRowHeight(c.header, { widthChars: c.width, fontSize: FONT_SIZE })),
  );
  const rowHeights: Record<number, number> = {
    [TITLE_ROW]: 24,
    [SUBTITLE_ROW]: 18,
    [HEADER_ROW]: headerHeight,
  };
  // Each column's style name, plain and in each tone, named once for the table (not for every cell).
  const styleNames = input.columns.map((c) => {
    const base = c.kind === undefined || c.kind === 'text' ? 'cell' : c.kind;
    return { base, warn: `${base}_warn`, muted: `${base}_muted` };
  });
  // Each column's height estimate options, made once for the table (not for every cell).
  const heightOptions = input.columns.map((c) => ({ widthChars: c.width, fontSize: FONT_SIZE, min: 18 }));
  const { columns, rows } = input;
  // A row is as tall as its printed cells: a long text in a screen-only column (集約ログ's 保存テキスト) would
  // otherwise print a page of empty space under a one-line record.
  const measured = input.printColumns ?? columns.length;
  for (let i = 0; i < rows.length; i++) {
    const values = rows[i] as readonly CellValue[];
    const row = FIRST_DATA_ROW + i;
    const tone = input.rowStyles?.[i];
    let height = 0;
    for (let column = 0; column < columns.length; column++) {
      const names = styleNames[column] as { base: string; warn: string; muted: string };
      const value = values[column] ?? null;
      cells.push({ row, column, value, style: tone ? names[tone] : names.base });
      if (column < measured && typeof value === 'string' && value.length > 0)
        height = Math.max(height, estimateRowHeight(value, heightOptions[column] as RowHeightOptions));
    }
    if (height > 0) rowHeights[row] = height;
  }
  const lastRow = FIRST_DATA_ROW + Math.max(input.rows.length, 1) - 1;
  const conditionalFormats: ConditionalFormatSpec[] = input.columns.flatMap((c, column) =>
    c.dataBar && input.rows.length > 0
      ? [
          {
            kind: 'dataBar' as const,
            range: range(FIRST_DATA_ROW, column, lastRow, column),
            color: c.dataBar,
          },
        ]
      : [],
  );
  const base = pickStyles('title', 'note');
  const header = STYLE.tableHeader;
  const cell = STYLE.cell;
  const number = STYLE.tableNumber;
  const percent = { ...number, numberFormat: '0.0%' } as const;
  const warn = { fill: '#FCE4D6' } as const;
  const muted = { color: '#808080' } as const;
  // Styles for the columns of a form's 数値 and 日付 fields, only on the sheets that have them.
  const formats = { decimal: 'General', amount: '#,##0', date: 'yyyy/m/d' } as const;
  const extra = (['decimal', 'amount', 'date'] as const)
    .filter((kind) => input.columns.some((c) => c.kind === kind))
    .flatMap((kind) => {
      const style = { ...number, numberFormat: formats[kind] };
      return [
        [kind, style],
        [`${kind}_warn`, { ...style, ...warn }],
        [`${kind}_muted`, { ...style, ...muted }],
      ] as const;
    });
  return {
    name: input.name,
    cells,
    styles: {
      ...base,
      header,
      cell,
      number,
      percent,
      cell_warn: { ...cell, ...warn },
      number_warn: { ...number, ...warn },
      percent_warn: { ...percent, ...warn },
      cell_muted: { ...cell, ...muted },
      number_muted: { ...number, ...muted },
      percent_muted: { ...percent, ...muted },
      ...Object.fromEntries(extra),
    },
    merges: titleMerges,
    columnWidths: input.columns.map((c) => c.width),
    rowHeights,
    validations: [],
    conditionalFormats,
    protect: false,
    frozen: { rows: FIRST_DATA_ROW, columns: 0 },
    ...(input.tableName &&
      input.rows.length > 0 && {
        tables: [
          { name: input.tableName, range: range(HEADER_ROW, 0, lastRow, last), style: 'TableStyleLight9' },
        ],
      }),
    // Several pages wide, the title and subtitle print in every page's header instead of above the
    // table: on the first page only, and cut to column A on the others where that column repeats.
    print: a4Print({
      orientation: input.orientation ?? 'landscape',
      area: range(
        input.pagesWide === 0 ? HEADER_ROW : 0,
        0,
        lastRow,
        Math.min(last, (input.printColumns ?? input.columns.length) - 1),
      ),
      titleRows: { from: HEADER_ROW, to: HEADER_ROW },
      header:
        input.pagesWide === 0
          ? leftRightHeader(input.title, input.subtitle ?? '')
          : `&L${headerText(input.title)}`,
      ...(input.pagesWide !== undefined && { pagesWide: input.pagesWide }),
      ...(input.repeatColumns && { titleColumns: { from: 0, to: input.repeatColumns - 1 } }),
    }),
    ...(input.tabColor && { tabColor: input.tabColor }),
  };
}

/** `A3:D40` for a table sheet's data, for formulas and tests. */
export const tableRangeAddress = (columns: number, rows: number): string =>
  `A${HEADER_ROW + 1}:${columnLetters(columns - 1)}${FIRST_DATA_ROW + Math.max(rows, 1)}`;

/** Text for one cell: cut at Excel's limit with a marker, so the write never fails. */
export function fitCellText(text: string): { readonly text: string; readonly truncated: boolean } {
  if (text.length <= EXCEL_CELL_LIMIT) return { text, truncated: false };
  const marker = '…（Excel の1セルの上限 32,767 文字を超えたため以下省略）';
  return { text: text.slice(0, EXCEL_CELL_LIMIT - marker.length) + marker, truncated: true };
}
