import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { mergeColumnSpans, type ColumnSpan, type SheetSnapshot } from '../../domain/extract/snapshot';
import type { CellRange, CellValue } from '../../domain/template/sheetSpec';
import { internals } from './internals';
import { cellValueOf } from './snapshotValue';

export const visibilityOf = (ws: Worksheet): SheetSnapshot['visibility'] =>
  ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';

/** Merged ranges, 0-based, in reading order. */
export function mergesOf(ws: Worksheet): CellRange[] {
  return Object.values(internals(ws)._merges)
    .flatMap((m) =>
      m ? [{ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }] : [],
    )
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The hidden columns, as spans (ExcelJS keeps one Column per index of every `<col>` range). */
function hiddenColumnsOf(ws: Worksheet): ColumnSpan[] {
  const spans: ColumnSpan[] = [];
  (ws.columns ?? []).forEach((column, i) => {
    if (column?.hidden) spans.push({ left: i, right: i });
  });
  return mergeColumnSpans(spans);
}

/**
 * A sheet's values, 0-based, each row up to its last non-empty cell. Cells covered by a merge (other than
 * its top-left) read as `null`, as in Excel. Walks only the stored rows and cells, so it stays fast.
 */
export function readSheetSnapshot(ws: Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulaCells: string[] = [];
  ws.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell((cell, columnNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      if (cell.type === ExcelJS.ValueType.Formula) formulaCells.push(cell.address);
      const value = cellValueOf(cell.value);
      if (value !== null) cells[columnNumber - 1] = value;
    });
    if (cells.length > 0) values[rowNumber - 1] = Array.from(cells, (v) => v ?? null);
  });
  const hiddenColumns = hiddenColumnsOf(ws);
  return {
    name: ws.name,
    visibility: visibilityOf(ws),
    values: Array.from(values, (row) => row ?? []),
    merges: mergesOf(ws),
    formulaCells,
    ...(hiddenColumns.length > 0 && { hiddenColumns }),
  };
}
