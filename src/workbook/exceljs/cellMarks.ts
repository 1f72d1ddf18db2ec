import type { Style, Worksheet } from 'exceljs';
import type { Severity } from '../../domain/finding';
import { MARK_FILLS, strongerSeverity } from '../markFills';
import { solidFill } from './excelStyle';

interface Marked {
  /** The cell's style object before it was marked, restored as is (style objects are never mutated). */
  readonly previous: Partial<Style>;
  severity: Severity;
}

/**
 * Marks on cells of a file: a fill per severity, remembering each cell's previous style to restore it. Kept
 * per worksheet object, so marks on a sheet that was since replaced or deleted are simply forgotten.
 */
export class CellMarks {
  private readonly sheets = new Map<Worksheet, Map<string, Marked>>();

  mark(ws: Worksheet, address: string, severity: Severity): void {
    const cell = ws.getCell(address).master; // a merged area shows its top-left cell's fill
    let marks = this.sheets.get(ws);
    if (!marks) this.sheets.set(ws, (marks = new Map()));
    let marked = marks.get(cell.address);
    if (marked) marked.severity = strongerSeverity(marked.severity, severity);
    else marks.set(cell.address, (marked = { previous: cell.style, severity }));
    cell.style = { ...marked.previous, fill: solidFill(MARK_FILLS[marked.severity]) };
  }

  /** Restore every marked cell of the given (still present) worksheets, and forget all marks. */
  clear(liveSheets: readonly Worksheet[]): void {
    for (const ws of liveSheets) {
      for (const [address, { previous }] of this.sheets.get(ws) ?? []) ws.getCell(address).style = previous;
    }
    this.sheets.clear();
  }
}
