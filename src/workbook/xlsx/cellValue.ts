import type { CellValue } from '../../domain/template/sheetSpec';
import { normaliseLineBreaks } from '../excelConventions';
import { isoDate } from '../exceljs/snapshotValue';
import type { RawCell, RawFormula } from './parseWorksheet';
import type { StyleTable } from './parseStyles';
import { corrupt, excelJsXmlDecode } from './xmlScan';

/** What the cells of one workbook are read against. */
export interface CellContext {
  /** Undefined when the package has no shared-strings part. */
  readonly sharedStrings: readonly CellValue[] | undefined;
  /** Undefined when the package has no styles part. */
  readonly styles: StyleTable | undefined;
  readonly date1904: boolean;
  /** `r` of the cells under an external hyperlink of this sheet. */
  readonly hyperlinks: ReadonlySet<string>;
}

/**
 * A cell as ExcelJS 4.4.0 loads it and readSheetSnapshot reads it: `kept` false for a cell ExcelJS drops (no
 * value, no formula, no style: it does not even take a column for the next cell without `r`), else its
 * snapshot value and whether readSheetSnapshot lists it among the formula cells.
 */
export type ResolvedCell =
  { readonly kept: false } | { readonly kept: true; readonly value: CellValue; readonly formula: boolean };

const DROPPED: ResolvedCell = { kept: false };
const EMPTY: ResolvedCell = { kept: true, value: null, formula: false };

/** A value a cell may hold before it becomes a snapshot value (ExcelJS's intermediate model). */
type Loaded = string | number | boolean | Date | { readonly error: unknown } | undefined;

/** ExcelJS's `utils.excelToDate`, with its arithmetic coercion of a non-number (`true` is day 1). */
const excelToDate = (v: Loaded, date1904: boolean): Date =>
  new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** snapshotValue.cellValueOf on the values a cell can load as. */
function snapshotOf(value: Loaded): CellValue {
  if (value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : normaliseLineBreaks(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  return typeof value.error === 'string' ? value.error : null;
}

const richText = (runs: readonly string[]): CellValue => snapshotOf(runs.join(''));

/** A formula's cached result (cell-xform.js parseClose): typed by `t`, parsed only when there is text. */
function formulaResult(cell: RawCell): Loaded {
  if (cell.runs) {
    // Rich runs in a formula cell: ExcelJS's value is then an object, and it reads that object as below.
    if (cell.t === 'str') return corrupt('a formula cell with rich text and t="str"');
    return cell.t === 'b' ? true : undefined;
  }
  if (!cell.text) return undefined;
  if (cell.t === 'str') return excelJsXmlDecode(cell.text);
  if (cell.t === 'b') return parseInt(cell.text, 10) !== 0;
  if (cell.t === 'e') return { error: cell.text };
  return parseFloat(cell.text);
}

/** A value cell by its `t` (cell-xform.js parseClose, then reconcile): shared string, text, boolean, error, number. */
function valueOf(cell: RawCell, text: string | undefined, context: CellContext, isDate: boolean): CellValue {
  switch (cell.t) {
    case 's': {
      const index = text === undefined ? NaN : parseInt(text, 10);
      const { sharedStrings } = context;
      if (!sharedStrings) return snapshotOf(index); // no shared-strings part: ExcelJS keeps the index
      return index >= 0 && index < sharedStrings.length
        ? (sharedStrings[index] ?? null)
        : corrupt(`shared string ${index} does not exist`);
    }
    case 'str':
      return text === undefined
        ? corrupt('a t="str" cell with rich text')
        : snapshotOf(excelJsXmlDecode(text));
    case 'inlineStr':
      return cell.runs ? richText(cell.runs) : snapshotOf(text);
    case 'b':
      return text === undefined ? true : parseInt(text, 10) !== 0;
    case 'e':
      return text === undefined ? null : text;
    default: {
      const n = text === undefined ? NaN : parseFloat(text);
      return isDate ? snapshotOf(excelToDate(n, context.date1904)) : snapshotOf(n);
    }
  }
}

/**
 * Shared formulas of one sheet, in document order: `si` → the `r` of the cell holding the formula text (the
 * one with `ref`). ExcelJS keeps a formula cell's value only when it has formula text or finds its master
 * here; otherwise (an orphan shared cell, an array formula's empty `<f/>`) the cell reads as empty.
 */
export type SharedFormulas = Map<string, string | undefined>;

function hasFormula(formula: RawFormula, r: string | undefined, shared: SharedFormulas): boolean {
  if (formula.t !== 'shared') return formula.text;
  if (formula.ref) {
    shared.set(String(formula.si), r);
    return formula.text;
  }
  return formula.text || !!shared.get(String(formula.si));
}

export function resolveCell(cell: RawCell, context: CellContext, shared: SharedFormulas): ResolvedCell {
  const styleId = cell.s ? parseInt(cell.s, 10) : undefined;
  // ExcelJS looks a non-zero style up in <cellXfs>, and fails when the styles part has none.
  if (styleId && context.styles && !context.styles.hasCellXfs) corrupt(`style ${styleId} with no <cellXfs>`);
  const isDate = !!styleId && !!context.styles?.isDate(styleId);
  const hyperlink = cell.r !== undefined && context.hyperlinks.has(cell.r);
  const { formula } = cell;
  if (formula && (formula.text || formula.t)) {
    const loaded = formulaResult(cell);
    const result = loaded !== undefined && isDate ? excelToDate(loaded, context.date1904) : loaded;
    const valued = hasFormula(formula, cell.r, shared);
    // A hyperlink cell reads as its text, the result (not a formula any more); a formula's value keeps only a
    // truthy result (FormulaValue._copyModel): a cached 0, false or NaN reads as empty.
    if (hyperlink) return { kept: true, value: snapshotOf(result), formula: false };
    return { kept: true, value: valued && result ? snapshotOf(result) : null, formula: true };
  }
  if (cell.text !== undefined || cell.runs !== undefined)
    return {
      kept: true,
      value: valueOf(cell, cell.runs ? undefined : cell.text, context, isDate),
      formula: false,
    };
  return hyperlink || styleId ? EMPTY : DROPPED;
}
