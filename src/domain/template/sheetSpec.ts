/**
 * A sheet described as data. Adapters (ExcelJS, Office.js) only render specs; they never decide layout.
 * All row/column indices are 0-based; the ExcelJS adapter alone converts to 1-based.
 */

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

/** A named cell style; specs refer to styles by name so adapters can batch formats per style. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  /** Font colour, `#RRGGBB`. */
  readonly color?: string;
  /** Fill colour, `#RRGGBB`. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: HorizontalAlign;
  readonly vertical?: VerticalAlign;
  /** Thin borders on all four sides. */
  readonly border?: boolean;
  /** Locked cells cannot be edited once the sheet is protected (Excel's default is locked). */
  readonly locked?: boolean;
  /** `@` for text, so that `=…` typed by a department stays text. */
  readonly numberFormat?: string;
  readonly underline?: boolean;
}

export type CellValue = string | number | boolean | null;

export interface CellSpec {
  readonly row: number;
  readonly column: number;
  /** Written as a literal value, never as a formula, even when it starts with `=`. */
  readonly value?: CellValue;
  /** A formula without the leading `=` (e.g. `IF(A1="","未記入","")`). Only the templates write formulas. */
  readonly formula?: string;
  readonly style?: string;
  /** An internal hyperlink to another sheet's cell. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

/** What Excel does when the rule is broken: `stop` refuses the value, `warning` asks, `information` tells. */
export interface ValidationError {
  readonly style: 'stop' | 'warning' | 'information';
  readonly title: string;
  readonly message: string;
}

export type ValidationSpec =
  | {
      readonly kind: 'list';
      readonly range: CellRange;
      readonly values: readonly string[];
      readonly prompt?: { readonly title: string; readonly message: string };
      readonly error: ValidationError;
      readonly allowBlank: boolean;
    }
  | {
      readonly kind: 'textLength';
      readonly range: CellRange;
      readonly max: number;
      readonly prompt?: { readonly title: string; readonly message: string };
      readonly error: ValidationError;
    }
  /** A number (Excel's 小数点数) between min and max; blank allowed. */
  | {
      readonly kind: 'decimal';
      readonly range: CellRange;
      readonly min: number;
      readonly max: number;
      readonly prompt?: { readonly title: string; readonly message: string };
      readonly error: ValidationError;
    }
  /**
   * No rule, only an input message shown when the cell is selected (Excel's 「すべての値」 with 入力時メッセージ):
   * a 計算 cell says it is computed.
   */
  | {
      readonly kind: 'prompt';
      readonly range: CellRange;
      readonly prompt: { readonly title: string; readonly message: string };
    }
  /** A date (Excel's 日付) between min and max, ISO `2000-01-01`; blank allowed. */
  | {
      readonly kind: 'date';
      readonly range: CellRange;
      readonly min: string;
      readonly max: string;
      readonly prompt?: { readonly title: string; readonly message: string };
      readonly error: ValidationError;
    };

/** Conditional formats: `blank` marks empty cells of a range (required inputs still missing). */
export type ConditionalFormatSpec =
  | { readonly kind: 'blank'; readonly range: CellRange; readonly fill: string }
  | { readonly kind: 'dataBar'; readonly range: CellRange; readonly color: string };

export interface PrintSpec {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide (0 = not constrained). */
  readonly fitToWidth: number;
  /** With fitToWidth, fit to this many pages tall too (absent or 0: height not constrained). */
  readonly fitToHeight?: number;
  readonly area?: CellRange;
  /** Rows repeated at the top of every printed page. */
  readonly titleRows?: { readonly from: number; readonly to: number };
  /** Columns repeated at the left of every printed page (a table several pages wide). */
  readonly titleColumns?: { readonly from: number; readonly to: number };
  /** Pages of a table several pages wide: across a band of rows first (`overThenDown`), or down first. */
  readonly pageOrder?: 'downThenOver' | 'overThenDown';
  /** Header and footer texts in Excel's codes: `&L…&C…&R…`, `&P` page, `&N` pages. */
  readonly header?: string;
  readonly footer?: string;
  /** Margins in inches. */
  readonly margins?: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly centerHorizontally?: boolean;
}

/** An Excel table (ListObject) over a range whose first row is the header. */
export interface TableSpec {
  readonly name: string;
  readonly range: CellRange;
  readonly style: string;
}

/**
 * An Excel chart over a range of the sheet. Only the Office.js adapter draws charts (ExcelJS cannot write
 * them); the ExcelJS adapter leaves them out, and the data they show stays in the table beside.
 */
export interface ChartSpec {
  readonly kind: 'stackedBar';
  readonly title: string;
  /** Labels in the first column, one series per further column, header row first. */
  readonly data: CellRange;
  /** Where the chart is placed: from the top-left to the bottom-right cell. */
  readonly anchor: CellRange;
}

export interface SheetSpec {
  readonly name: string;
  readonly cells: readonly CellSpec[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly merges: readonly CellRange[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Row heights in points by 0-based row; missing rows keep the default. */
  readonly rowHeights: Readonly<Record<number, number>>;
  /**
   * Rows that grow with their text (0-based): their rowHeights entry is only the height shown until an
   * application fits the row, and is written without Excel's customHeight, so Excel fits the row when it
   * opens the file and whenever its text changes (a row with a set height never grows, and what it cuts
   * off prints cut off). Only an unmerged cell can grow a row.
   */
  readonly autoHeightRows?: readonly number[];
  readonly hiddenColumns?: readonly number[];
  readonly validations: readonly ValidationSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  /** Protected without a password: structure locked, unlocked cells editable. */
  readonly protect: boolean;
  readonly print?: PrintSpec;
  readonly frozen?: { readonly rows: number; readonly columns: number };
  readonly tables?: readonly TableSpec[];
  readonly charts?: readonly ChartSpec[];
  readonly tabColor?: string;
  readonly visibility?: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly properties: {
    readonly title: string;
    readonly subject?: string;
    readonly creator?: string;
    readonly company?: string;
  };
}

export const range = (top: number, left: number, bottom = top, right = left): CellRange => ({
  top,
  left,
  bottom,
  right,
});
