import { perObject } from '../memo';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { invariant } from '../result';
import type { EntryFields } from '../entry/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { basicLabel, fullItemLabel, isContributionOf, promotionLabel } from '../plan/planItems';
import type { PlanItem } from '../plan/types';
import { formatDepartmentCell } from './departmentCell';
import { inputContent, inputStyleNames, inputStyleOf, validationFor, widthOfRange } from './entryInputs';
import {
  entryLayout,
  inputAddress,
  labelText,
  requiredInputs,
  type EntryLayout,
  type LayoutInput,
} from './entryLayout';
import { a4Print, leftRightHeader } from './printSetup';
import { estimateRowHeight } from './rowHeight';
import {
  REFERENCE_COLUMN,
  REFERENCE_COLUMN_WIDTH,
  REFERENCE_STYLES,
  referenceCells,
  referenceRowHeights,
  type PreviousValues,
} from './referenceColumn';
import { formatSheetMeta } from './sheetMeta';
import { range, type CellRange, type CellSpec, type SheetSpec, type ValidationSpec } from './sheetSpec';
import { FONT_SIZE, MISSING_FILL, pickStyles, pushRegion, SMALL_FONT_SIZE } from './templateStyles';

/**
 * Column widths in characters, A–F. A–D total 94: A4 portrait at 100% with 0.5" margins holds about 95
 * (print also fits one page wide). D holds every value, one unmerged cell each, as wide as the labels
 * leave; C only the 前期/後期 sub-labels. E is a gutter, F the hidden metadata column.
 */
export const ENTRY_COLUMN_WIDTHS: readonly number[] = [10, 10, 14, 60, 2, 12];
/** An empty text input keeps room to write (about 2½ lines) until an application fits its row. */
export const MIN_TEXT_ROW_HEIGHT = 45;
export const MIN_ROW_HEIGHT = 24;

export interface EntrySheetInput {
  readonly item: PlanItem;
  readonly department: string;
  readonly seq: number;
  /** April-start year (令和2年度 → 2020). */
  readonly fiscalYear: number;
  /** Pre-filled text, written as literal values (never formulas); empty strings leave the cell empty. */
  readonly fields?: Partial<EntryFields>;
  readonly form?: FormDefinition;
  readonly sheetName: string;
  /** Last year's values of the form's carried and 参考 fields, shown read-only in column G (前年度). */
  readonly previous?: PreviousValues;
  /** Print column G (前年度) too (default: the form A:D only). */
  readonly printReference?: boolean;
  /** After the year in the page header (a master's 報告 sheet: 「前期の集約」, so October's page is told from March's). */
  readonly headerNote?: string;
}

/** `I 協働によるまちづくり　1 積極的な情報共有`: the 基本項目 and 推進項目 above the form. */
export const entryHeading = (item: PlanItem): string =>
  `${basicLabel(item.basic)}　${promotionLabel(item.promotion)}`;

/**
 * What every sheet of a form shares — layout, styles, dropdowns and checks — made once per form: a master
 * view holds one report sheet per entry (thousands in a large season), and they can share these objects.
 */
interface FormParts {
  readonly layout: EntryLayout;
  readonly styles: SheetSpec['styles'];
  readonly validations: readonly ValidationSpec[];
  readonly conditionalFormats: SheetSpec['conditionalFormats'];
  readonly hiddenColumns: readonly number[];
  readonly printArea: CellRange;
  /** The rows of the text inputs: each is one unmerged cell, so the application fits the row to its text. */
  readonly autoHeightRows: readonly number[];
  /** The heights the form's fixed label texts need (the same on every sheet), by row. */
  readonly labelHeights: Readonly<Record<number, number>>;
  /** Which input sits in which cell, for the sheet's metadata. */
  readonly fieldCells: readonly { readonly key: string; readonly cell: string }[];
  /** The form's cells (pushFormCells) in row order, as indices into the order they are pushed in. */
  readonly cellOrder: readonly number[];
  /**
   * The form's cells in row order as every sheet of the form has them: the cells a sheet fills with its own
   * text are `undefined` (see sheetCells), the others — a merge's covered cells, a fixed label — are shared
   * by every sheet.
   */
  readonly sharedCells: readonly (CellSpec | undefined)[];
  /** For each of the sheet's own cells in row order, its place in the order sheetCells makes them. */
  readonly ownOrder: readonly number[];
}
const partsOf = perObject(formPartsOf);

function formPartsOf(form: FormDefinition): FormParts {
  const layout = entryLayout(form);
  return {
    layout,
    styles: pickStyles('heading', 'label', 'fixed', ...inputStyleNames(form), 'meta'),
    validations: layout.inputs.map((i) => validationFor(form, i, ENTRY_COLUMN_WIDTHS)),
    conditionalFormats: requiredInputs(layout, 'year-end').map((i) => ({
      kind: 'blank',
      range: i.range,
      fill: MISSING_FILL,
    })),
    hiddenColumns: [layout.meta.column],
    printArea: range(0, 0, layout.lastRow, 3),
    autoHeightRows: layout.inputs.filter((i) => i.field.kind === 'text').map((i) => i.range.top),
    labelHeights: labelHeights(layout),
    fieldCells: layout.inputs.map((i) => ({ key: i.field.key, cell: inputAddress(i) })),
    cellOrder: cellOrder(layout),
    ...sharedCells(layout),
  };
}

/** The rows (0-based) of a form's text inputs, which grow with their text (SheetSpec.autoHeightRows). */
export const entryAutoHeightRows = (form: FormDefinition): readonly number[] => partsOf(form).autoHeightRows;

/** One department's 取組項目 sheet for one item: the seed's form, protected, with only the inputs open. */
export function buildEntrySheet(input: EntrySheetInput): SheetSpec {
  const { item, department, seq, fiscalYear, fields = {}, form = STANDARD_FORM, sheetName, previous } = input;
  const parts = partsOf(form);
  const { layout, styles, validations, conditionalFormats, hiddenColumns, printArea, autoHeightRows } = parts;
  const yearLabel = formatFiscalYear(fiscalYear);
  const heading = entryHeading(item);
  const itemText = fullItemLabel(item);
  const departmentText = formatDepartmentCell(item.item.assignment, department);
  const valueOf = (i: LayoutInput): string => fields[i.field.key] ?? '';

  const meta = formatSheetMeta({
    code: item.code,
    department,
    seq,
    fiscalYear,
    formId: form.id,
    formVersion: form.version,
    fieldCells: parts.fieldCells,
  });
  const texts = { heading, yearLabel, itemText, departmentText, valueOf, meta };
  // Every sheet of the form has its cells where the layout puts them: the row order is known beforehand.
  let cells: CellSpec[];
  const reference = previous ? referenceCells(layout, previous) : [];
  if (reference.length === 0) cells = sheetCells(parts, texts);
  else {
    cells = [];
    pushFormCells(cells, layout, texts);
    cells.push(...reference);
    cells.sort((a, b) => a.row - b.row || a.column - b.column);
  }
  const heights = rowHeights(layout, parts.labelHeights, heading, itemText, departmentText, valueOf);
  const printed = previous && input.printReference ? { ...printArea, right: REFERENCE_COLUMN } : printArea;

  return {
    name: sheetName,
    cells,
    styles: previous ? { ...styles, ...REFERENCE_STYLES } : styles,
    merges: layout.merges,
    columnWidths: previous ? [...ENTRY_COLUMN_WIDTHS, REFERENCE_COLUMN_WIDTH] : ENTRY_COLUMN_WIDTHS,
    rowHeights: previous ? referenceRowHeights(heights, reference) : heights,
    autoHeightRows,
    hiddenColumns,
    validations,
    // A department's part of a 全課 item may stay blank: its empty inputs are not painted as missing.
    conditionalFormats: isContributionOf(item.item.assignment, department) ? [] : conditionalFormats,
    protect: true,
    print: a4Print({
      orientation: printed === printArea ? 'portrait' : 'landscape',
      area: printed,
      header: leftRightHeader(
        `${item.code} ${department}${seq > 1 ? ` (${seq})` : ''}`,
        input.headerNote ? `${yearLabel}・${input.headerNote}` : yearLabel,
      ),
      // Last year's text (前年度) makes its rows taller wherever it is longer than this year's — Excel and
      // LibreOffice fit a row to every wrapped cell in it — and the sheet spilled its last rows onto a second
      // page (printed beside, on a landscape page, too): it is fitted to one page, as first-year sheets print.
      ...(previous && { pagesTall: 1 }),
    }),
  };
}

interface SheetTexts {
  readonly heading: string;
  readonly yearLabel: string;
  readonly itemText: string;
  readonly departmentText: string;
  readonly valueOf: (i: LayoutInput) => string;
  readonly meta: string;
}

/**
 * The form's cells region by region (the value in each region's top-left cell), not yet in row order;
 * without texts, only where they are.
 */
function pushFormCells(cells: CellSpec[], layout: EntryLayout, texts?: SheetTexts): void {
  pushRegion(cells, layout.heading, 'heading', texts && { value: texts.heading });
  for (const l of layout.labels)
    pushRegion(cells, l.range, 'label', texts && { value: labelText(l, texts.yearLabel) });
  pushRegion(cells, layout.item, 'fixed', texts && { value: texts.itemText });
  pushRegion(cells, layout.department, 'fixed', texts && { value: texts.departmentText });
  for (const i of layout.inputs)
    pushRegion(cells, i.range, inputStyleOf(i.field), texts && inputContent(layout, i, texts.valueOf(i)));
  cells.push({ row: layout.meta.row, column: layout.meta.column, style: 'meta', value: texts?.meta ?? '' });
}

/**
 * The cells pushFormCells pushes for these texts, in row order, made from the form's shared cells: only the
 * top-left cells of the regions holding the sheet's own texts are new objects (a master view holds one
 * report sheet per entry).
 */
function sheetCells(parts: FormParts, texts: SheetTexts): CellSpec[] {
  const { layout, sharedCells, ownOrder } = parts;
  const own: CellSpec[] = [];
  own.push(topLeft(layout.heading, 'heading', texts.heading));
  for (const l of layout.labels)
    if (l.kind === 'fiscalYear') own.push(topLeft(l.range, 'label', texts.yearLabel));
  own.push(topLeft(layout.item, 'fixed', texts.itemText));
  own.push(topLeft(layout.department, 'fixed', texts.departmentText));
  for (const i of layout.inputs) {
    const { kind } = i.field;
    const style = inputStyleOf(i.field);
    const { top: row, left: column } = i.range;
    // A 文章 or 選択 input holds its text as it is, nothing when empty (inputContent); the other kinds are
    // read by inputContent.
    if (kind === 'text' || kind === 'choice') {
      const text = texts.valueOf(i);
      own.push(text === '' ? { row, column, style } : { row, column, style, value: text });
    } else own.push({ row, column, style, ...inputContent(layout, i, texts.valueOf(i)) });
  }
  own.push({ row: layout.meta.row, column: layout.meta.column, style: 'meta', value: texts.meta });
  const cells = new Array<CellSpec>(sharedCells.length);
  let next = 0;
  for (let i = 0; i < sharedCells.length; i++)
    cells[i] = sharedCells[i] ?? (own[ownOrder[next++] as number] as CellSpec);
  return cells;
}

/** A region's top-left cell holding a value, as pushRegion pushes it. */
const topLeft = (r: CellRange, style: string, value: string): CellSpec => ({
  row: r.top,
  column: r.left,
  style,
  value,
});

/** The form's cells in row order, each sheet's own left undefined, and where sheetCells makes those. */
function sharedCells(layout: EntryLayout): Pick<FormParts, 'sharedCells' | 'ownOrder'> {
  // The sheet's own cells, in the order sheetCells makes them.
  const own = [
    layout.heading,
    ...layout.labels.flatMap((l) => (l.kind === 'fiscalYear' ? [l.range] : [])),
    layout.item,
    layout.department,
    ...layout.inputs.map((i) => i.range),
    { top: layout.meta.row, left: layout.meta.column },
  ].map((r) => `${r.top},${r.left}`);
  const cells: CellSpec[] = [];
  pushFormCells(cells, layout, {
    heading: '',
    yearLabel: '',
    itemText: '',
    departmentText: '',
    valueOf: () => '',
    meta: '',
  });
  const ordered = cellOrder(layout).map((i) => cells[i] as CellSpec);
  const shared = ordered.map((c) => (own.includes(`${c.row},${c.column}`) ? undefined : c));
  const ownOrder = ordered.flatMap((c) => {
    const at = own.indexOf(`${c.row},${c.column}`);
    return at < 0 ? [] : [at];
  });
  // Each sheet's own cells fill the open places one for one (regions of a layout never overlap).
  invariant(
    new Set(own).size === own.length &&
      ownOrder.length === own.length &&
      [...ownOrder].sort((a, b) => a - b).every((at, i) => at === i),
    `form ${layout.form.id}: the sheet's own cells and the shared ones overlap`,
  );
  return { sharedCells: shared, ownOrder };
}

/** The order (stable, by row then column) that sorts the cells pushFormCells pushes. */
function cellOrder(layout: EntryLayout): number[] {
  const at: CellSpec[] = [];
  pushFormCells(at, layout);
  return at
    .map((_, i) => i)
    .sort((a, b) => {
      const p = at[a] as CellSpec;
      const q = at[b] as CellSpec;
      return p.row - q.row || p.column - q.column || a - b;
    });
}

const widthOf = (r: CellRange): number => widthOfRange(ENTRY_COLUMN_WIDTHS, r);

/** Row by row, the height a cell's text needs (a label merged down rides on the rows it spans). */
const needHeight = (
  heights: Record<number, number>,
  r: CellRange,
  text: string,
  min: number,
  fontSize = FONT_SIZE,
): void => {
  if (r.bottom !== r.top) return;
  heights[r.top] = Math.max(
    heights[r.top] ?? 0,
    estimateRowHeight(text, { widthChars: widthOf(r), fontSize, min }),
  );
};

/** The heights of the form's fixed label texts: every sheet of the form starts from these. */
function labelHeights(layout: EntryLayout): Record<number, number> {
  const heights: Record<number, number> = {};
  for (const l of layout.labels) if (l.kind === 'text') needHeight(heights, l.range, l.text, MIN_ROW_HEIGHT);
  return heights;
}

function rowHeights(
  layout: EntryLayout,
  labels: Readonly<Record<number, number>>,
  heading: string,
  itemText: string,
  departmentText: string,
  valueOf: (i: LayoutInput) => string,
): Record<number, number> {
  // A row's height is the largest any of its cells needs, so the labels' heights can come first.
  const heights: Record<number, number> = { ...labels };
  needHeight(heights, layout.heading, heading, 18, SMALL_FONT_SIZE);
  needHeight(heights, layout.item, itemText, MIN_ROW_HEIGHT + 6);
  needHeight(heights, layout.department, departmentText, MIN_ROW_HEIGHT);
  for (const i of layout.inputs)
    needHeight(heights, i.range, valueOf(i), i.field.kind === 'text' ? MIN_TEXT_ROW_HEIGHT : MIN_ROW_HEIGHT);
  return heights;
}
