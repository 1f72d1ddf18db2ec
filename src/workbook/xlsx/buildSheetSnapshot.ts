import { columnLetters, MAX_COLUMNS } from '../../domain/cellAddress';
import type { SheetSnapshot } from '../../domain/extract/snapshot';
import type { CellRange, CellValue } from '../../domain/template/sheetSpec';
import { resolveCell, type CellContext, type SharedFormulas } from './cellValue';
import type { RawWorksheet } from './parseWorksheet';
import { corrupt } from './xmlScan';

interface Slot {
  readonly value: CellValue;
  readonly formula: boolean;
  readonly address: string;
}

/**
 * ExcelJS's colCache.decodeAddress: upper-case column letters and row digits, `$` ignored; 1-based column. Not
 * domain/cellAddress's strict parser on purpose: the reader must place a hostile `r` exactly where ExcelJS does.
 */
export function decodeAddress(ref: string): {
  readonly column: number;
  readonly row: number;
  readonly address: string;
} {
  let letters = '';
  let digits = '';
  let column = 0;
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (digits === '' && c >= 65 && c <= 90) {
      letters += ref[i];
      column = column * 26 + c - 64;
    } else if (c >= 48 && c <= 57) {
      digits += ref[i];
      row = row * 10 + c - 48;
    } else if (digits !== '' && letters !== '' && c !== 36) break;
  }
  if (letters === '' || digits === '' || column > MAX_COLUMNS) return corrupt(`not a cell address: ${ref}`);
  return { column, row, address: letters + digits };
}

/** A `<mergeCell ref>` as a 1-based range (`B2:A1` is `A1:B2`; a single cell is a one-cell merge). */
function mergeRange(ref: string): CellRange {
  const [first = '', second] = ref.split(':');
  const a = decodeAddress(first);
  const b = second === undefined ? a : decodeAddress(second);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

const intersects = (a: CellRange, b: CellRange): boolean =>
  !(b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right);

/** Merges in file order; ExcelJS refuses a merge that overlaps an earlier one ("Cannot merge already merged cells"). */
function mergesOf(refs: readonly string[]): CellRange[] {
  const merges: CellRange[] = [];
  for (const ref of refs) {
    const range = mergeRange(ref);
    if (merges.some((m) => intersects(m, range))) corrupt(`overlapping merges at ${ref}`);
    merges.push(range);
  }
  return merges;
}

/**
 * Rows of cells keyed by 1-based row and column, as ExcelJS lays them out: a later `<row>` with the same
 * number replaces the earlier one, a later cell in the same column replaces the earlier one. A row or cell
 * without `r` takes the next position (ExcelJS refuses a row without `r`, and a row whose first cell has
 * none: this reader places them; a cell ExcelJS drops does not take a column).
 */
function layOut(sheet: RawWorksheet, context: CellContext): Map<number, Map<number, Slot>> {
  const rows = new Map<number, Map<number, Slot>>();
  const shared: SharedFormulas = new Map();
  let previousRow = 0;
  for (const row of sheet.rows) {
    const number = row.r === undefined ? previousRow + 1 : parseInt(row.r, 10);
    if (Number.isNaN(number)) corrupt(`a row numbered ${row.r}`);
    previousRow = number;
    const rowStyle = row.s ? parseInt(row.s, 10) : undefined;
    if (rowStyle && !context.styles?.hasCellXfs)
      corrupt(`row ${number} has style ${rowStyle} and there is no <cellXfs>`);
    const cells = new Map<number, Slot>();
    let previousColumn = 0;
    for (const cell of row.cells) {
      const resolved = resolveCell(cell, context, shared);
      if (!resolved.kept) continue;
      const at = cell.r ? decodeAddress(cell.r) : undefined;
      const column = at ? at.column : previousColumn + 1;
      previousColumn = column;
      const address = cells.get(column)?.address ?? at?.address ?? `${columnLetters(column - 1)}${number}`;
      cells.set(column, { value: resolved.value, formula: resolved.formula, address });
    }
    // Row 0 (or below) is stored by ExcelJS where no row iteration finds it.
    if (number >= 1) rows.set(number, cells);
  }
  return rows;
}

/**
 * A sheet's snapshot exactly as readSheetSnapshot takes it from ExcelJS: values 0-based, each row up to its
 * last non-empty cell, rows after the last non-empty one dropped; cells covered by a merge (all but its
 * top-left) empty and not listed as formula cells; merges sorted by top, then left.
 */
export function buildSheetSnapshot(
  name: string,
  visibility: SheetSnapshot['visibility'],
  sheet: RawWorksheet,
  context: CellContext,
): SheetSnapshot {
  const rows = layOut(sheet, context);
  const merges = mergesOf(sheet.merges);
  for (const m of merges) {
    const height = m.bottom - m.top + 1;
    const covered =
      height < rows.size ? Array.from({ length: height }, (_, i) => m.top + i) : [...rows.keys()];
    for (const number of covered) {
      const cells = number >= m.top && number <= m.bottom ? rows.get(number) : undefined;
      for (const column of cells?.keys() ?? [])
        if (column >= m.left && column <= m.right && (number !== m.top || column !== m.left))
          cells?.delete(column);
    }
  }

  const values: CellValue[][] = [];
  const formulaCells: string[] = [];
  for (const number of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(number) ?? new Map<number, Slot>();
    const row: CellValue[] = [];
    for (const column of [...cells.keys()].sort((a, b) => a - b)) {
      const slot = cells.get(column);
      if (!slot) continue;
      if (slot.formula) formulaCells.push(slot.address);
      if (slot.value !== null) row[column - 1] = slot.value;
    }
    if (row.length > 0) values[number - 1] = Array.from(row, (v) => v ?? null);
  }
  return {
    name,
    visibility,
    values: Array.from(values, (row) => row ?? []),
    merges: merges
      .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }))
      .sort((a, b) => a.top - b.top || a.left - b.left),
    formulaCells,
    ...(sheet.hiddenColumns.length > 0 && { hiddenColumns: sheet.hiddenColumns }),
  };
}
