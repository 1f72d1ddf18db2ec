import type { Finding } from '../domain/finding';
import type { CellMark } from '../workbook/port';

/**
 * The cells 検証's「セルに色を付ける」colours: each finding's cell, except an information about an entry as a
 * whole (no field: placed at the locked 取組項目 cell only so a click finds the sheet). Such a note asks
 * nothing of a cell — a 全課 sheet a department leaves blank is fine (entry.contribution-blank) — and
 * colouring it would paint the title of every such sheet. Errors and warnings about a whole entry keep their
 * mark: there the title is where to look.
 */
export function cellMarks(findings: readonly Finding[]): CellMark[] {
  return findings.flatMap((f) =>
    f.place.sheet && f.place.cell && !(f.severity === 'info' && f.place.code && !f.place.field)
      ? [{ sheet: f.place.sheet, cell: f.place.cell, severity: f.severity }]
      : [],
  );
}
