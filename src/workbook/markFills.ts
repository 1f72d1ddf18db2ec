import { cellAddress } from '../domain/cellAddress';
import type { Severity } from '../domain/finding';
import type { CellRange } from '../domain/template/sheetSpec';

/**
 * Fill colours that mark cells with findings, shared by every adapter so a marked cell looks the same in a
 * saved file and in Excel: Excel's own "light red / yellow / blue" conditional-format fills.
 */
export const MARK_FILLS: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The stronger of two severities: a cell with an error and a warning is marked as an error. */
export const strongerSeverity = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b);

/** Marks by sheet (lower-cased name), then by A1 address: the file writers hold them until they save. */
export type SheetMarks = Map<string, Map<string, Severity>>;

/**
 * Record a mark on a spec-built sheet: a cell inside a merged area marks the area's top-left cell (the one
 * that shows the fill); a cell marked twice keeps the stronger severity.
 */
export function addMark(
  marks: SheetMarks,
  spec: { readonly name: string; readonly merges: readonly CellRange[] },
  address: { readonly row: number; readonly column: number },
  severity: Severity,
): void {
  const merge = spec.merges.find(
    (m) =>
      address.row >= m.top &&
      address.row <= m.bottom &&
      address.column >= m.left &&
      address.column <= m.right,
  );
  const shown = merge ? cellAddress(merge.top, merge.left) : cellAddress(address.row, address.column);
  const key = spec.name.toLowerCase();
  let sheetMarks = marks.get(key);
  if (!sheetMarks) marks.set(key, (sheetMarks = new Map()));
  const before = sheetMarks.get(shown);
  sheetMarks.set(shown, before ? strongerSeverity(before, severity) : severity);
}
