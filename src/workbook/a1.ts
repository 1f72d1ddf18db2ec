/** A1 addresses and ARGB colours as every adapter writes them into a workbook. */
import { cellAddress } from '../domain/cellAddress';
import { invariant } from '../domain/result';
import type { CellRange } from '../domain/template/sheetSpec';

/** A 0-based range → `C3:D10` (or `C3` for a single cell). */
export function a1Range(r: CellRange): string {
  const topLeft = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? topLeft : `${topLeft}:${cellAddress(r.bottom, r.right)}`;
}

/** `#RRGGBB` → `FFRRGGBB` (ARGB, as SpreadsheetML and ExcelJS write colours). A malformed colour is a bug in the spec builder. */
export function argb(hex: string): string {
  invariant(/^#[0-9a-fA-F]{6}$/.test(hex), `colour must be #RRGGBB, got ${hex}`);
  return `FF${hex.slice(1).toUpperCase()}`;
}
