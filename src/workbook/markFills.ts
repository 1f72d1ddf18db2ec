import { cellAddress } from '../domain/cellAddress';
import type { Severity } from '../domain/finding';
import type { CellRange } from '../domain/template/sheetSpec';

/**
 * Fill colours that mark cells with findings, shared by every adapter so a marked cell looks the same in a
 * saved file and in Excel: Excel's own "light red / yellow" conditional-format fills, and a light purple for
 * information — not the light blue of the sheets' own headings (LABEL_FILL), which an info mark used to be
 * mistaken for.
 */
export const MARK_FILLS: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#E4DFEC',
};

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The stronger of two severities: a cell with an error and a warning is marked as an error. */
export const strongerSeverity = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b);

/**
 * The marks a file writer holds until it saves (the spec writer, and the package port for the sheets it
 * writes and the sheets it keeps), by sheet (lower-cased name), then by A1 address of the cell that shows
 * the fill.
 */
export class CellMarks {
  private readonly bySheet = new Map<string, Map<string, Severity>>();

  /**
   * Record a mark: a cell inside a merged area marks the area's top-left cell (the one that shows the fill);
   * a cell marked twice keeps the stronger severity.
   */
  add(
    sheet: { readonly name: string; readonly merges: readonly CellRange[] },
    address: { readonly row: number; readonly column: number },
    severity: Severity,
  ): void {
    const merge = sheet.merges.find(
      (m) =>
        address.row >= m.top &&
        address.row <= m.bottom &&
        address.column >= m.left &&
        address.column <= m.right,
    );
    const shown = merge ? cellAddress(merge.top, merge.left) : cellAddress(address.row, address.column);
    const key = sheet.name.toLowerCase();
    let marks = this.bySheet.get(key);
    if (!marks) this.bySheet.set(key, (marks = new Map()));
    const before = marks.get(shown);
    marks.set(shown, before ? strongerSeverity(before, severity) : severity);
  }

  /** The marks of a sheet written again or deleted are gone with it. */
  forget(sheet: string): void {
    this.bySheet.delete(sheet.toLowerCase());
  }

  clear(): void {
    this.bySheet.clear();
  }

  /** Whether a sheet has marks to show. */
  has(sheet: string): boolean {
    return (this.bySheet.get(sheet.toLowerCase())?.size ?? 0) > 0;
  }

  /**
   * The fills a sheet is saved with: `under` (A1 address → `#RRGGBB`, fills carried from an older sheet) with
   * the mark fills laid over it. What both file writers write a marked sheet with.
   */
  fills(sheet: string, under?: ReadonlyMap<string, string>): Map<string, string> {
    const fills = new Map(under ?? []);
    for (const [address, severity] of this.bySheet.get(sheet.toLowerCase()) ?? [])
      fills.set(address, MARK_FILLS[severity]);
    return fills;
  }
}
