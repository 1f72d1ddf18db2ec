/**
 * A1 addresses, the one module for them: column letters ↔ index, address ↔ (row, column), range ↔ corners.
 * Everything here is 0-based; the A1 text is 1-based as Excel writes it.
 */
import { invariant } from './result';
import type { CellRange } from './template/sheetSpec';

/** Rows and columns of an Excel sheet (1,048,576 rows; columns A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0-based column index → letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  // The message is made only for a bad column: every address of every sheet passes here.
  if (!(Number.isInteger(column) && column >= 0))
    invariant(false, `column must be a non-negative integer, got ${column}`);
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters → 0-based column index: "A" → 0, "aa" → 26 (either case). No limit: "ZZZ" → 18277. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The addresses of a sheet's top-left corner, made once each: every entry of a run keeps its fields' cells
 * (D3, D4 …), and every sheet read or written names them.
 */
const CACHED_ROWS = 1_024;
const CACHED_COLUMNS = 64;
const addresses: (string | undefined)[][] = [];

/** 0-based (row, column) → "C5". */
export function cellAddress(row: number, column: number): string {
  if (!(row >= 0 && row < CACHED_ROWS && column >= 0 && column < CACHED_COLUMNS))
    return addressOf(row, column);
  if (!Number.isInteger(row) || !Number.isInteger(column)) return addressOf(row, column);
  const line = (addresses[row] ??= []);
  return (line[column] ??= addressOf(row, column));
}

const addressOf = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** 0-based (row, column) → "$C$5", as defined names and print titles write it. */
export const absoluteCellAddress = (row: number, column: number): string =>
  `$${columnLetters(column)}$${row + 1}`;

/**
 * "C5" → { row: 4, column: 2 }; undefined for anything that is not a plain A1 address. Either case, `$`
 * before the letters and the digits, surrounding spaces ignored; 1–3 letters and 1–7 digits, not checked
 * against the sheet's size (ZZZ1 parses).
 */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const [, letters = '', digits = ''] = m;
  const row = Number(digits);
  if (row < 1) return undefined;
  return { row: row - 1, column: columnIndex(letters) };
}

/** A 0-based range → `C3:D10` (or `C3` for a single cell). */
export function rangeAddress(r: CellRange): string {
  const topLeft = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? topLeft : `${topLeft}:${cellAddress(r.bottom, r.right)}`;
}

/** One end of a range: a cell, or with `wholeLines` a bare column (`C`) or row (`5`). */
function rangeEnd(text: string, wholeLines: boolean): { row?: number; column?: number } | undefined {
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (cell) return { column: columnIndex(cell[1] ?? ''), row: Number(cell[2]) - 1 };
  if (!wholeLines) return undefined;
  const column = /^\$?([A-Za-z]{1,3})$/.exec(text);
  if (column) return { column: columnIndex(column[1] ?? '') };
  const row = /^\$?(\d{1,7})$/.exec(text);
  if (row) return { row: Number(row[1]) - 1 };
  return undefined;
}

/**
 * `A1`, `A1:B2`, `B2:A1` (corners in either order), `$A$1:$B$2` → the range's corners; undefined for anything
 * else, or past row 1,048,576 or column XFD. With `wholeLines`, also whole columns (`A:C`) and whole rows
 * (`3:5`), which span the sheet; a column paired with a row (`A:3`) or with a cell is not a range.
 * Spaces around the whole text are ignored, spaces inside it are not.
 */
export function parseRangeAddress(
  text: string,
  { wholeLines = false }: { readonly wholeLines?: boolean } = {},
): CellRange | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 2) return undefined;
  const [a, b = a] = parts.map((part) => rangeEnd(part, wholeLines));
  if (!a || !b) return undefined;
  if (
    (a.row === undefined) !== (b.row === undefined) ||
    (a.column === undefined) !== (b.column === undefined)
  )
    return undefined;
  const range: CellRange = {
    top: Math.min(a.row ?? 0, b.row ?? 0),
    left: Math.min(a.column ?? 0, b.column ?? 0),
    bottom: a.row === undefined || b.row === undefined ? MAX_ROWS - 1 : Math.max(a.row, b.row),
    right: a.column === undefined || b.column === undefined ? MAX_COLUMNS - 1 : Math.max(a.column, b.column),
  };
  const inSheet = range.top >= 0 && range.left >= 0 && range.bottom < MAX_ROWS && range.right < MAX_COLUMNS;
  return inSheet ? range : undefined;
}
