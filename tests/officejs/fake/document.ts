import {
  cellsToRects,
  contains,
  intersects,
  isEntireColumns,
  isEntireRows,
  MAX_COLUMNS,
  rectCells,
  type Rect,
} from './a1';
import { FakeOfficeError } from './errors';

/**
 * The document behind the fake: what a workbook open in Excel holds, reduced to what Suishin reads and
 * writes. Format properties are stored by path (`fill.color`, `font.bold`, `borders.EdgeTop.style`,
 * `protection.locked`, `numberFormat`, …) at cell, row, column or sheet level; the most specific wins.
 */
export type Scalar = string | number | boolean;
export type FormatRecord = Record<string, unknown>;

export interface FakeCell {
  /** The literal value, or a formula's cached result. `null`: empty. */
  value: Scalar | null;
  /** `=…` when the cell holds a formula. */
  formula?: string;
  /**
   * Set when a formula was written while calculation was suspended: until a recalculation, the cell still
   * shows what it held before (`suspendApiCalculationUntilNextSync`: "it is the developer's responsibility to
   * re-calc the workbook").
   */
  stale?: { readonly before: Scalar | null; pending: boolean };
  format: FormatRecord;
}

export interface FakeValidation {
  readonly rect: Rect;
  props: FormatRecord;
}

export interface FakeConditionalFormat {
  readonly id: number;
  readonly rect: Rect;
  readonly type: string;
  props: FormatRecord;
}

export interface FakeTable {
  readonly id: number;
  name: string;
  readonly rect: Rect;
  props: FormatRecord;
}

export interface FakeChart {
  readonly id: number;
  readonly type: string;
  readonly rect: Rect;
  readonly seriesBy: string;
  title: string;
  position: { readonly start: string; readonly end?: string } | null;
}

export type FakeVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheet {
  readonly id: string;
  name: string;
  visibility: FakeVisibility;
  tabColor: string;
  readonly cells: Map<string, FakeCell>;
  readonly rowFormats: Map<number, FormatRecord>;
  readonly columnFormats: Map<number, FormatRecord>;
  sheetFormat: FormatRecord;
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  readonly hiddenColumns: Set<number>;
  readonly hiddenRows: Set<number>;
  merges: Rect[];
  protection: { protected: boolean; password?: string; options: FormatRecord };
  freeze: { rows: number; columns: number } | null;
  /** Page layout properties by path (`orientation`, `headersFooters.defaultForAllPages.leftHeader`, `printArea`…). */
  readonly pageLayout: FormatRecord;
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  tables: FakeTable[];
  charts: FakeChart[];
  selection: Rect | null;
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  activeSheetId: string | null;
  /** `workbook.protection` (ExcelApi 1.7): a protected structure refuses sheet add/delete/rename/move/hide. */
  structureProtection: { protected: boolean; password?: string };
  /** Another workbook has the focus (one the add-in opened): activate, select and freeze panes fail. */
  focusElsewhere: boolean;
  /** Base64 workbooks passed to `Excel.createWorkbook`, in call order. */
  readonly createdWorkbooks: string[];
  nextId: number;
}

/** What a cell reads as when nothing was set (a Japanese Excel's default workbook). */
export const FORMAT_DEFAULTS: Readonly<FormatRecord> = {
  numberFormat: 'General',
  'font.name': '游ゴシック',
  'font.size': 11,
  'font.bold': false,
  'font.italic': false,
  'font.color': '#000000',
  'font.underline': 'None',
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  'protection.locked': true,
  'protection.formulaHidden': false,
};
export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters
export const DEFAULT_ROW_HEIGHT = 18.75; // points: 游ゴシック 11

export const cellKey = (row: number, column: number): string => `${row},${column}`;
export const keyToCell = (key: string): { row: number; column: number } => {
  const [row = 0, column = 0] = key.split(',').map(Number);
  return { row, column };
};

export function newSheet(state: FakeWorkbookState, name: string): FakeSheet {
  state.nextId += 1;
  return {
    id: `{00000000-0001-0000-0000-${String(state.nextId).padStart(12, '0')}}`,
    name,
    visibility: 'Visible',
    tabColor: '',
    cells: new Map(),
    rowFormats: new Map(),
    columnFormats: new Map(),
    sheetFormat: {},
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenColumns: new Set(),
    hiddenRows: new Set(),
    merges: [],
    protection: { protected: false, options: {} },
    freeze: null,
    pageLayout: {},
    validations: [],
    conditionalFormats: [],
    tables: [],
    charts: [],
    selection: null,
  };
}

/** What a cell shows: a formula written while calculation was suspended still shows its previous value. */
export const shownValue = (cell: FakeCell | undefined): Scalar | null =>
  cell === undefined ? null : cell.stale ? cell.stale.before : cell.value;

/** A recalculation (`application.calculate`): every stale formula shows its result. */
export function recalculate(state: FakeWorkbookState): void {
  for (const sheet of state.sheets) for (const cell of sheet.cells.values()) delete cell.stale;
}

/**
 * The end of a sync: formulas written in it are calculated, as Excel calculates automatically, unless the
 * batch suspended calculation; then they stay stale until a recalculation.
 */
export function settleWrittenFormulas(state: FakeWorkbookState, suspended: boolean): void {
  for (const sheet of state.sheets)
    for (const cell of sheet.cells.values()) {
      if (!cell.stale?.pending) continue;
      if (suspended) cell.stale.pending = false;
      else delete cell.stale;
    }
}

/** Structure changes (add, delete, rename, move, hide a sheet) need an unprotected workbook structure. */
export function checkStructure(state: FakeWorkbookState): void {
  if (state.structureProtection.protected)
    throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected');
}

/**
 * While another workbook has the focus (one the add-in just opened with `Excel.createWorkbook`), operations
 * on the window of this one fail with GeneralException (office-js#771; freeze panes acts on the window,
 * office-js#3148).
 */
export function checkFocus(state: FakeWorkbookState, what: string): void {
  if (state.focusElsewhere)
    throw new FakeOfficeError('GeneralException', `${what} failed: another workbook has the focus`);
}

export function getCell(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
  return sheet.cells.get(cellKey(row, column));
}

export function ensureCell(sheet: FakeSheet, row: number, column: number): FakeCell {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) sheet.cells.set(key, (cell = { value: null, format: {} }));
  return cell;
}

/** A format property of one cell: cell, then row, then column, then sheet level, then Excel's default. */
export function effectiveFormat(sheet: FakeSheet, row: number, column: number, path: string): unknown {
  const levels = [
    getCell(sheet, row, column)?.format,
    sheet.rowFormats.get(row),
    sheet.columnFormats.get(column),
    sheet.sheetFormat,
  ];
  for (const level of levels) if (level && path in level) return level[path];
  return FORMAT_DEFAULTS[path];
}

/** Largest rectangle the fake writes cell by cell; whole rows/columns are stored at row/column level. */
const MAX_CELL_WRITES = 5_000_000;

/** Set a format property on a range: at sheet, column or row level for whole ones, else on each cell. */
export function setFormat(sheet: FakeSheet, rect: Rect, path: string, value: unknown): void {
  const apply = (record: FormatRecord): void => {
    if (value === undefined) delete record[path];
    else record[path] = value;
  };
  const columns = isEntireColumns(rect);
  const rows = isEntireRows(rect);
  if (columns && rows) {
    apply(sheet.sheetFormat);
    for (const record of [...sheet.rowFormats.values(), ...sheet.columnFormats.values()]) apply(record);
    for (const cell of sheet.cells.values()) apply(cell.format);
    return;
  }
  if (columns || rows) {
    const levels = columns ? sheet.columnFormats : sheet.rowFormats;
    const [from, to] = columns ? [rect.left, rect.right] : [rect.top, rect.bottom];
    for (let i = from; i <= to; i += 1) {
      let record = levels.get(i);
      if (!record) levels.set(i, (record = {}));
      apply(record);
    }
    for (const [key, cell] of sheet.cells) {
      const { row, column } = keyToCell(key);
      if (contains(rect, row, column)) apply(cell.format);
    }
    return;
  }
  if (rectCells(rect) > MAX_CELL_WRITES) throw new FakeOfficeError('RangeExceedsLimit');
  for (let r = rect.top; r <= rect.bottom; r += 1)
    for (let c = rect.left; c <= rect.right; c += 1) apply(ensureCell(sheet, r, c).format);
}

/** A format property of a range: the common value, or `null` when the cells differ (as Excel reports it). */
export function readFormat(sheet: FakeSheet, rect: Rect, path: string): unknown {
  const values = new Set<unknown>();
  const probe = (row: number, column: number): void => {
    values.add(effectiveFormat(sheet, row, column, path));
  };
  if (rectCells(rect) <= 100_000) {
    for (let r = rect.top; r <= rect.bottom; r += 1)
      for (let c = rect.left; c <= rect.right; c += 1) probe(r, c);
  } else {
    // A huge range: the stored cells in it, plus one cell that nothing was written to.
    for (const key of sheet.cells.keys()) {
      const { row, column } = keyToCell(key);
      if (contains(rect, row, column)) probe(row, column);
    }
    probe(rect.bottom, Math.min(rect.right, MAX_COLUMNS - 1));
  }
  return values.size === 1 ? [...values][0] : null;
}

export const isLocked = (sheet: FakeSheet, row: number, column: number): boolean =>
  effectiveFormat(sheet, row, column, 'protection.locked') !== false;

/** The smallest rectangle holding every cell with a value (or, when `valuesOnly` is false, with a format). */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    const used =
      cell.value !== null ||
      cell.formula !== undefined ||
      (!valuesOnly && Object.keys(cell.format).length > 0);
    if (!used) continue;
    const { row, column } = keyToCell(key);
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

export const mergesIn = (sheet: FakeSheet, rect: Rect): Rect[] =>
  sheet.merges.filter((m) => intersects(m, rect));

/** Cells of a range that hold formulas, as rectangles. */
export function formulaRects(sheet: FakeSheet, rect: Rect): Rect[] {
  const cells: { row: number; column: number }[] = [];
  for (const [key, cell] of sheet.cells) {
    if (cell.formula === undefined) continue;
    const at = keyToCell(key);
    if (contains(rect, at.row, at.column)) cells.push(at);
  }
  return cellsToRects(cells);
}
