/** ARGB colours as every adapter writes them into a workbook (A1 addresses: domain/cellAddress). */
import { invariant } from '../domain/result';

/** `#RRGGBB` → `FFRRGGBB` (ARGB, as SpreadsheetML and ExcelJS write colours). A malformed colour is a bug in the spec builder. */
export function argb(hex: string): string {
  invariant(/^#[0-9a-fA-F]{6}$/.test(hex), `colour must be #RRGGBB, got ${hex}`);
  return `FF${hex.slice(1).toUpperCase()}`;
}
