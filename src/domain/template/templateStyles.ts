import type { CellRange, CellSpec, CellStyle } from './sheetSpec';

/**
 * The look shared by every sheet the add-in writes. Font size 10.5pt: the size of Japanese official
 * documents, and with it the 4-column form fits A4 portrait one page wide. The font face is left to the
 * workbook's default (游ゴシック in Japanese Excel); rowHeight.ts is tuned for it.
 */
export const FONT_SIZE = 10.5;
export const TITLE_FONT_SIZE = 14;
export const SMALL_FONT_SIZE = 9;

/** Labels: a calm light blue, as in the town's printed form. */
export const LABEL_FILL = '#DDEBF7';
/** Required inputs still empty: a light warm fill (conditional format). */
export const MISSING_FILL = '#FCE4D6';
export const MUTED_COLOR = '#808080';
/** 計算 cells: a light grey, the look of a cell nobody types in. */
export const COMPUTED_FILL = '#F2F2F2';

/** A label cell: bold, centred, shaded, bordered (locked on the sheets departments fill). */
const HEADING_CELL = {
  bold: true,
  fontSize: FONT_SIZE,
  fill: LABEL_FILL,
  horizontal: 'center',
  vertical: 'middle',
  wrap: true,
  border: true,
} as const;

export const STYLE = {
  title: { bold: true, fontSize: TITLE_FONT_SIZE, horizontal: 'left', vertical: 'middle', locked: true },
  /** The small heading above a form (基本項目　推進項目). */
  heading: { fontSize: SMALL_FONT_SIZE, horizontal: 'left', vertical: 'middle', locked: true },
  note: {
    fontSize: SMALL_FONT_SIZE,
    color: MUTED_COLOR,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    locked: true,
  },
  label: { ...HEADING_CELL, locked: true },
  /** Values the add-in writes and the department may not change (取組項目, 実践課). */
  fixed: {
    fontSize: FONT_SIZE,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    border: true,
    locked: true,
    numberFormat: '@',
  },
  /** What a department types: text format so `=…` stays text. */
  input: {
    fontSize: FONT_SIZE,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: false,
    numberFormat: '@',
  },
  /**
   * A 数値 input: a real number, right-aligned. `General` rather than `#,##0.##`, which shows a whole
   * number with a dangling point (`100.`); never `@`, which would keep a typed number as text.
   */
  numberInput: {
    fontSize: FONT_SIZE,
    horizontal: 'right',
    vertical: 'top',
    border: true,
    locked: false,
    numberFormat: 'General',
  },
  /** A 割合 input: a real number shown as a percentage (0.8 is 80.0%); Excel takes 80 typed here as 80%. */
  percentInput: {
    fontSize: FONT_SIZE,
    horizontal: 'right',
    vertical: 'top',
    border: true,
    locked: false,
    numberFormat: '0.0%',
  },
  /** A 金額 input: a real number shown with thousands separators (1,200,000). */
  amountInput: {
    fontSize: FONT_SIZE,
    horizontal: 'right',
    vertical: 'top',
    border: true,
    locked: false,
    numberFormat: '#,##0',
  },
  /** A 日付 input: a real date (a serial number) shown as 2021/4/1. */
  dateInput: {
    fontSize: FONT_SIZE,
    horizontal: 'right',
    vertical: 'top',
    border: true,
    locked: false,
    numberFormat: 'yyyy/m/d',
  },
  /** A 計算 cell: the form's formula, locked, grey, shown as a percentage. */
  computed: {
    fontSize: FONT_SIZE,
    fill: COMPUTED_FILL,
    horizontal: 'right',
    vertical: 'top',
    border: true,
    locked: true,
    numberFormat: '0.0%',
  },
  /** A table cell on an editable sheet (体系, 全体計画). */
  cell: {
    fontSize: FONT_SIZE,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    numberFormat: '@',
  },
  /** A column heading of a table sheet 総務課 may edit (全体計画's views, 推移): a label, not locked. */
  tableHeader: HEADING_CELL,
  /** A count in a table sheet: a whole number, right-aligned. */
  tableNumber: {
    fontSize: FONT_SIZE,
    horizontal: 'right',
    vertical: 'top',
    border: true,
    numberFormat: '0',
  },
  /** A table cell on a protected sheet (目次). */
  lockedCell: {
    fontSize: FONT_SIZE,
    horizontal: 'left',
    vertical: 'middle',
    wrap: true,
    border: true,
    locked: true,
  },
  link: {
    fontSize: FONT_SIZE,
    color: '#0563C1',
    underline: true,
    horizontal: 'left',
    vertical: 'middle',
    border: true,
    locked: true,
  },
  meta: { fontSize: 8, color: MUTED_COLOR, locked: true, numberFormat: '@' },
} as const satisfies Readonly<Record<string, CellStyle>>;

export type StyleName = keyof typeof STYLE;

/** The named styles a sheet uses, for SheetSpec.styles. */
export const pickStyles = (...names: readonly StyleName[]): Readonly<Record<string, CellStyle>> =>
  Object.fromEntries(names.map((n) => [n, STYLE[n]]));

/**
 * The cells of a (merged) region: the value in its top-left cell, the style on every cell so that
 * borders, fill and the locked flag hold across the whole merge in both adapters.
 */
export function region(
  r: CellRange,
  style: string,
  content: Omit<CellSpec, 'row' | 'column' | 'style'> = {},
): CellSpec[] {
  const cells: CellSpec[] = [];
  pushRegion(cells, r, style, content);
  return cells;
}

/** region's cells pushed onto `cells` (no array of its own): the top-left cell holds the content. */
export function pushRegion(
  cells: CellSpec[],
  r: CellRange,
  style: string,
  content: Omit<CellSpec, 'row' | 'column' | 'style'> = {},
): void {
  for (let row = r.top; row <= r.bottom; row++)
    for (let column = r.left; column <= r.right; column++)
      cells.push(
        row === r.top && column === r.left ? { row, column, style, ...content } : { row, column, style },
      );
}

export const isMerge = (r: CellRange): boolean => r.bottom > r.top || r.right > r.left;
