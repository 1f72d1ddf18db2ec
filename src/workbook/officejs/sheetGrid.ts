import type { CellRange, CellSpec, CellValue, SheetSpec } from '../../domain/template/sheetSpec';
import { linkFormula, normaliseLineBreaks } from '../excelConventions';
import { estimateBytes } from './payload';
import { headerNames } from '../sheetRules';

/** What one cell becomes in the `formulas` / `numberFormat` arrays written to Excel (`null` = leave as is). */
type Written = string | number | boolean | null;

/** A block of rows of a sheet's values and number formats, written in one go (number formats first). */
export interface GridBlock {
  readonly top: number;
  readonly rows: number;
  readonly columns: number;
  readonly formulas: readonly (readonly Written[])[] | null;
  readonly numberFormats: readonly (readonly (string | null)[])[] | null;
  readonly bytes: number;
}

/** Rows per block are chosen so that a block stays well under one request. */
const BLOCK_BYTES = 1024 * 1024;

const isCovered = (merges: readonly CellRange[], row: number, column: number): boolean =>
  merges.some(
    (m) =>
      row >= m.top &&
      row <= m.bottom &&
      column >= m.left &&
      column <= m.right &&
      (row !== m.top || column !== m.left),
  );

/**
 * A cell's input and number format. Text is written with the text format `@` set first, so Excel stores it
 * as typed (`=SUM(…)`, `0012`, `-（なし）` stay text: Excel reads `=`, `+`, `-` as formulas and numeric text as
 * numbers); a formula (or a link, a HYPERLINK formula) and a number never get `@`, which would make them text.
 * Source: Microsoft support's "Format numbers as text" (a cell formatted as Text keeps what is entered
 * as text; the API's `numberFormat` sets that format); the API reference itself does not say it. Text
 * starting with `'` is the one case no document settles for the API (in the UI a leading `'` is a prefix,
 * not part of the text): the contract case "' で始まる文字" checks it, and 自己診断 reports what the user's
 * Excel does.
 */
function cellInput(
  cell: CellSpec,
  numberFormat: string | undefined,
): { input: Written; numberFormat: string | null } {
  const notText = numberFormat === '@' ? 'General' : (numberFormat ?? null);
  if (cell.formula !== undefined)
    return { input: `=${cell.formula.replace(/^=/, '')}`, numberFormat: notText };
  if (cell.link) {
    const text = cell.value === null || cell.value === undefined ? cell.link.cell : String(cell.value);
    return { input: `=${linkFormula(cell.link.sheet, cell.link.cell, text)}`, numberFormat: notText };
  }
  const value: CellValue = cell.value ?? null;
  if (typeof value === 'string') {
    const text = normaliseLineBreaks(value);
    return text === ''
      ? { input: null, numberFormat: numberFormat ?? null }
      : { input: text, numberFormat: '@' };
  }
  if (value === null) return { input: null, numberFormat: numberFormat ?? null };
  return { input: value, numberFormat: notText };
}

/** Table header cells hold the names Excel will keep (unique, non-blank), as the ExcelJS adapter writes them. */
function withTableHeaders(spec: SheetSpec): CellSpec[] {
  const cells = [...spec.cells];
  for (const table of spec.tables ?? []) {
    const { top, left, right } = table.range;
    const at = (c: number) => cells.findIndex((cell) => cell.row === top && cell.column === c);
    const columns = Array.from({ length: right - left + 1 }, (_, i) => left + i);
    const texts = columns.map((c) => {
      const cell = cells[at(c)];
      return cell?.value === null || cell?.value === undefined ? '' : String(cell.value);
    });
    headerNames(texts).forEach((name, i) => {
      const column = columns[i] ?? left;
      const index = at(column);
      if (index < 0) cells.push({ row: top, column, value: name });
      else cells[index] = { ...cells[index], row: top, column, value: name };
    });
  }
  return cells;
}

export function gridBlocks(spec: SheetSpec): GridBlock[] {
  const cells = withTableHeaders(spec);
  if (cells.length === 0) return [];
  const rows = cells.reduce((n, c) => Math.max(n, c.row + 1), 0);
  const columns = cells.reduce((n, c) => Math.max(n, c.column + 1), 0);
  const formulas: Written[][] = Array.from({ length: rows }, () => Array<Written>(columns).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(columns).fill(null),
  );
  for (const cell of cells) {
    const style = cell.style === undefined ? undefined : spec.styles[cell.style];
    const { input, numberFormat } = cellInput(cell, style?.numberFormat);
    const row = formulas[cell.row];
    const formats = numberFormats[cell.row];
    if (!row || !formats) continue;
    row[cell.column] = isCovered(spec.merges, cell.row, cell.column) ? null : input; // Excel keeps only the top-left value
    formats[cell.column] = numberFormat;
  }
  const blocks: GridBlock[] = [];
  let top = 0;
  let size = 0;
  const flush = (end: number): void => {
    if (end <= top) return;
    const f = formulas.slice(top, end);
    const n = numberFormats.slice(top, end);
    const anyF = f.some((r) => r.some((v) => v !== null));
    const anyN = n.some((r) => r.some((v) => v !== null));
    if (anyF || anyN)
      blocks.push({
        top,
        rows: end - top,
        columns,
        formulas: anyF ? f : null,
        numberFormats: anyN ? n : null,
        bytes: estimateBytes(3, anyF ? f : undefined, anyN ? n : undefined),
      });
    top = end;
    size = 0;
  };
  for (let r = 0; r < rows; r += 1) {
    const rowBytes = estimateBytes(0, formulas[r], numberFormats[r]);
    if (size > 0 && size + rowBytes > BLOCK_BYTES) flush(r);
    size += rowBytes;
  }
  flush(rows);
  return blocks;
}

export function writeGridBlock(ws: Excel.Worksheet, block: GridBlock): void {
  const range = ws.getRangeByIndexes(block.top, 0, block.rows, block.columns);
  if (block.numberFormats) range.numberFormat = block.numberFormats as string[][];
  if (block.formulas) range.formulas = block.formulas as Written[][];
}
