import {
  cellsToRects,
  intersects,
  rectCells,
  rectColumns,
  rectRows,
  rectToA1,
  sameRect,
  sheetPrefix,
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
} from './a1';
import { writeInput } from './cellInput';
import {
  effectiveFormat,
  ensureCell,
  formulaRects,
  getCell,
  isLocked,
  shownValue,
  type FakeSheet,
  type Scalar,
} from './document';
import { FakeOfficeError } from './errors';
import { checkFormatAllowed, type RangeTarget } from './rangeStores';
import type { FakeLimits } from './runtime';

/** What a range holds: values, formulas and number formats read and written as Excel does, and merges. */

function checkCells(rect: Rect, limits: FakeLimits): void {
  if (rectCells(rect) > limits.rangeCells) throw new FakeOfficeError('RangeExceedsLimit');
}

function gridOf(value: unknown, rect: Rect): unknown[][] {
  const rows = rectRows(rect);
  const columns = rectColumns(rect);
  if (!Array.isArray(value)) {
    if (value === null || value === undefined)
      throw new FakeOfficeError('InvalidArgument', 'A range property cannot be set to null');
    return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
  }
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== columns))
    throw new FakeOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${columns}).`,
    );
  return value as unknown[][];
}

const displayText = (value: Scalar | null): string =>
  value === null ? '' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
const isErrorText = (value: unknown): boolean =>
  typeof value === 'string' && /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/.test(value);

export function readRange({ sheet, rect }: RangeTarget, name: string, limits: FakeLimits): unknown {
  const grid = (cell: (row: number, column: number) => unknown): unknown[][] | null => {
    // resource-limits doc: past the cell limit "the API doesn't always throw an error. In some cases,
    // Range.values returns null"; the fake does either, as `limits.pastCellLimit` says.
    if (limits.pastCellLimit === 'null' && rectCells(rect) > limits.rangeCells) return null;
    checkCells(rect, limits);
    return Array.from({ length: rectRows(rect) }, (_, i) =>
      Array.from({ length: rectColumns(rect) }, (_, j) => cell(rect.top + i, rect.left + j)),
    );
  };
  switch (name) {
    case 'address':
    case 'addressLocal':
      return `${sheetPrefix(sheet.name)}${rectToA1(rect)}`;
    case 'rowIndex':
      return rect.top;
    case 'columnIndex':
      return rect.left;
    case 'rowCount':
      return rectRows(rect);
    case 'columnCount':
      return rectColumns(rect);
    case 'cellCount':
      return rectCells(rect);
    case 'isEntireColumn':
      return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
    case 'isEntireRow':
      return rect.left === 0 && rect.right === MAX_COLUMNS - 1;
    case 'columnHidden':
      return Array.from({ length: rectColumns(rect) }, (_, i) =>
        sheet.hiddenColumns.has(rect.left + i),
      ).every(Boolean);
    case 'rowHidden':
      return Array.from({ length: Math.min(rectRows(rect), 100_000) }, (_, i) =>
        sheet.hiddenRows.has(rect.top + i),
      ).every(Boolean);
    case 'values':
      return grid((r, c) => shownValue(getCell(sheet, r, c)) ?? '');
    case 'text':
      return grid((r, c) => displayText(shownValue(getCell(sheet, r, c))));
    case 'formulas':
      return grid((r, c) => getCell(sheet, r, c)?.formula ?? getCell(sheet, r, c)?.value ?? '');
    case 'numberFormat':
      return grid((r, c) => effectiveFormat(sheet, r, c, 'numberFormat'));
    case 'valueTypes':
      return grid((r, c) => {
        const value = getCell(sheet, r, c)?.value ?? null;
        if (value === null || value === '') return 'Empty';
        if (isErrorText(value)) return 'Error';
        return typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : 'String';
      });
    default:
      throw new FakeOfficeError('ApiNotFound', `Range.${name} is not modelled by the fake`);
  }
}

export function writeRange(
  { sheet, rect }: RangeTarget,
  name: string,
  value: unknown,
  limits: FakeLimits,
): void {
  if (name === 'columnHidden' || name === 'rowHidden') {
    if (typeof value !== 'boolean') throw new FakeOfficeError('InvalidArgument', `${name} is a boolean`);
    checkFormatAllowed(sheet, name === 'columnHidden' ? 'columnWidth' : 'rowHeight');
    const [set, from, to] =
      name === 'columnHidden'
        ? [sheet.hiddenColumns, rect.left, rect.right]
        : [sheet.hiddenRows, rect.top, rect.bottom];
    for (let i = from; i <= to; i += 1) {
      if (value) set.add(i);
      else set.delete(i);
    }
    return;
  }
  checkCells(rect, limits);
  const grid = gridOf(value, rect);
  if (name === 'numberFormat') {
    checkFormatAllowed(sheet, 'numberFormat');
    grid.forEach((row, i) =>
      row.forEach((nf, j) => {
        if (nf === null || nf === undefined) return;
        if (typeof nf !== 'string') throw new FakeOfficeError('InvalidArgument', 'A number format is text');
        ensureCell(sheet, rect.top + i, rect.left + j).format.numberFormat = nf === '' ? 'General' : nf;
      }),
    );
    return;
  }
  if (name !== 'values' && name !== 'formulas')
    throw new FakeOfficeError('ApiNotFound', `Range.${name} is not modelled by the fake`);
  grid.forEach((row, i) =>
    row.forEach((input, j) => {
      if (input === null || input === undefined) return;
      const [r, c] = [rect.top + i, rect.left + j];
      if (sheet.protection.protected && isLocked(sheet, r, c)) throw new FakeOfficeError('AccessDenied');
      const textFormat = effectiveFormat(sheet, r, c, 'numberFormat') === '@';
      const cell = ensureCell(sheet, r, c);
      const applied = writeInput(cell, input, textFormat);
      if (applied && effectiveFormat(sheet, r, c, 'numberFormat') === 'General')
        cell.format.numberFormat = applied;
    }),
  );
}

/** `Range.merge`: values of covered cells are dropped, as Excel keeps only the top-left one. */
export function mergeRange({ sheet, rect }: RangeTarget, across: boolean): void {
  if (sheet.protection.protected) throw new FakeOfficeError('AccessDenied');
  const areas = across
    ? Array.from({ length: rectRows(rect) }, (_, i) => ({
        ...rect,
        top: rect.top + i,
        bottom: rect.top + i,
      }))
    : [rect];
  for (const area of areas) {
    if (rectCells(area) < 2 || sheet.merges.some((m) => sameRect(m, area))) continue;
    if (sheet.merges.some((m) => intersects(m, area)))
      throw new FakeOfficeError('InvalidOperation', 'The range overlaps a merged area');
    sheet.tables.forEach((t) => {
      if (intersects(t.rect, area))
        throw new FakeOfficeError('InvalidOperation', 'Cannot merge cells in a table');
    });
    for (let r = area.top; r <= area.bottom; r += 1)
      for (let c = area.left; c <= area.right; c += 1) {
        const cell = getCell(sheet, r, c);
        if (cell && (r !== area.top || c !== area.left)) {
          cell.value = null;
          delete cell.formula;
        }
      }
    sheet.merges.push(area);
  }
}

/** `Range.getSpecialCellsOrNullObject`: the formula or constant cells as areas (null when none). */
export function specialCells(
  { sheet, rect }: RangeTarget,
  cellType: string,
): { sheet: FakeSheet; rects: Rect[] } | null {
  if (cellType !== 'Formulas' && cellType !== 'Constants')
    throw new FakeOfficeError('InvalidArgument', `Special cell type not modelled: ${cellType}`);
  const rects =
    cellType === 'Formulas'
      ? formulaRects(sheet, rect)
      : cellsToRects(
          [...sheet.cells].flatMap(([key, cell]) => {
            const [row = 0, column = 0] = key.split(',').map(Number);
            return cell.value !== null &&
              cell.formula === undefined &&
              row >= rect.top &&
              row <= rect.bottom &&
              column >= rect.left &&
              column <= rect.right
              ? [{ row, column }]
              : [];
          }),
        );
  return rects.length === 0 ? null : { sheet, rects };
}
