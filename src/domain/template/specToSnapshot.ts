import { cellAddress } from '../cellAddress';
import type { SheetSnapshot } from '../extract/snapshot';
import type { CellSpec, CellValue, SheetSpec } from './sheetSpec';

/**
 * The snapshot an adapter would take of a freshly rendered spec, without Excel: values in a grid, merges
 * as written, formula cells marked with no cached value (we never evaluate formulas). Lets the reader's
 * tests and the template's own tests read a spec the way they read a workbook.
 */
export function specToSnapshot(spec: SheetSpec): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulaCells: string[] = [];
  for (const cell of spec.cells) {
    const row = (values[cell.row] ??= []);
    while (row.length < cell.column) row.push(null);
    row[cell.column] = cell.formula !== undefined ? null : (cell.value ?? null);
    if (cell.formula !== undefined) formulaCells.push(cellAddress(cell.row, cell.column));
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return {
    name: spec.name,
    visibility: spec.visibility ?? 'visible',
    values,
    merges: spec.merges,
    formulaCells,
  };
}

/** The cell spec at a 0-based position, if the spec writes one. */
export function specCell(spec: SheetSpec, row: number, column: number): CellSpec | undefined {
  return spec.cells.find((c) => c.row === row && c.column === column);
}
