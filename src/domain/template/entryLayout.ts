import { cellAddress } from '../cellAddress';
import {
  requiredFields,
  STANDARD_FORM,
  type FieldDef,
  type FieldKey,
  type FormDefinition,
  type Stage,
} from '../entry/formDefinition';
import { invariant } from '../result';
import { META_COLUMN, META_ROW } from './sheetMeta';
import { range, type CellRange } from './sheetSpec';

/**
 * The 取組項目 form as data, derived from a FormDefinition: the seed's 4-column layout (A–D) its readers
 * know. The heading row, then 取組項目, then the fields in the form's order; the fields of the fiscal year
 * (目標, 取組内容, 進捗状況, 目標の達成) form a block under one `令和2年度` label in column A, with the
 * 実践課 row before 進捗状況. A form with other fields is a new definition, not a new layout.
 */

/**
 * Where a field goes: a label across A:C (`wide`), a row of the fiscal-year band (年度欄), or a row under a
 * 見出し inside the band (R2: 前期 and 後期 under 進捗状況).
 */
type FieldPlacement = 'wide' | 'year' | 'heading';

const placementOf = (f: FieldDef): FieldPlacement =>
  !f.inYearBand ? 'wide' : f.heading ? 'heading' : 'year';

export const ITEM_LABEL = '取組項目';
export const DEPARTMENT_LABEL = '実践課';
/** The form spans columns A–D. */
export const ENTRY_COLUMN_COUNT = 4;
export const HEADING_ROW = 0;

export type LayoutLabel =
  | { readonly kind: 'text'; readonly text: string; readonly range: CellRange; readonly field?: FieldKey }
  /** `令和2年度`: its text depends on the sheet's year (labelText). */
  | { readonly kind: 'fiscalYear'; readonly range: CellRange };

export interface LayoutInput {
  readonly field: FieldDef;
  /** The input region (merged when wider than one cell); its top-left cell holds the value. */
  readonly range: CellRange;
}

export interface EntryLayout {
  readonly form: FormDefinition;
  /** `I 協働によるまちづくり　1 積極的な情報共有`: a small heading across A:D. */
  readonly heading: CellRange;
  /** The 取組項目 value (pre-filled, locked). */
  readonly item: CellRange;
  /** The 実践課 value (pre-filled, locked). */
  readonly department: CellRange;
  /** Every label, in row order. */
  readonly labels: readonly LayoutLabel[];
  /** One input per form field, in the form's order. */
  readonly inputs: readonly LayoutInput[];
  readonly merges: readonly CellRange[];
  /** The last row of the form (0-based). */
  readonly lastRow: number;
  /** The hidden metadata cell (sheetMeta.ts). */
  readonly meta: { readonly row: number; readonly column: number };
}

const A = 0;
const B = 1;
const C = 2;
const D = 3;

export function entryLayout(form: FormDefinition = STANDARD_FORM): EntryLayout {
  const inBlock = form.fields.map((f) => placementOf(f) !== 'wide');
  const first = inBlock.indexOf(true);
  const last = inBlock.lastIndexOf(true);
  invariant(
    first < 0 || inBlock.slice(first, last + 1).every(Boolean),
    `form ${form.id}: the fiscal-year fields must be consecutive`,
  );
  const headingOf = (i: number): string | undefined => {
    const f = form.fields[i];
    return f && placementOf(f) === 'heading' ? f.heading : undefined;
  };
  const headings = form.fields.map((_, i) => headingOf(i));
  const firstProgress = headings.findIndex((h) => h !== undefined);
  headings.forEach((h, i) =>
    invariant(
      h === undefined || headings.indexOf(h) === i || headings[i - 1] === h,
      `form ${form.id}: the fields under 見出し ${h} must be consecutive`,
    ),
  );

  const labels: LayoutLabel[] = [];
  const inputs: LayoutInput[] = [];
  const merges: CellRange[] = [range(HEADING_ROW, A, HEADING_ROW, D)];
  const wide = (row: number, text: string, field?: FieldKey): CellRange => {
    labels.push({ kind: 'text', text, range: range(row, A, row, C), ...(field && { field }) });
    merges.push(range(row, A, row, C));
    return range(row, D);
  };
  const inYear = (row: number, text: string, field?: FieldKey): CellRange => {
    labels.push({ kind: 'text', text, range: range(row, B, row, C), ...(field && { field }) });
    merges.push(range(row, B, row, C));
    return range(row, D);
  };

  let row = HEADING_ROW + 1;
  const item = wide(row++, ITEM_LABEL);
  let department: CellRange | undefined = first < 0 ? wide(row++, DEPARTMENT_LABEL) : undefined;
  let blockTop = -1;
  form.fields.forEach((field, i) => {
    const placement = placementOf(field);
    if (i === first) {
      blockTop = row;
      labels.push({ kind: 'fiscalYear', range: range(blockTop, A) }); // its bottom is set below
    }
    if (i === firstProgress && !department) department = inYear(row++, DEPARTMENT_LABEL);
    if (placement === 'wide') inputs.push({ field, range: wide(row++, field.label, field.key) });
    else if (placement === 'year') inputs.push({ field, range: inYear(row++, field.label, field.key) });
    else {
      const heading = headings[i];
      if (heading !== undefined && headings[i - 1] !== heading) {
        let bottom = row;
        while (headings[i + bottom - row + 1] === heading) bottom++;
        labels.push({ kind: 'text', text: heading, range: range(row, B, bottom, B) });
        if (bottom > row) merges.push(range(row, B, bottom, B));
      }
      labels.push({ kind: 'text', text: field.label, range: range(row, C), field: field.key });
      inputs.push({ field, range: range(row, D) });
      row++;
    }
    if (i === last) {
      if (!department) department = inYear(row++, DEPARTMENT_LABEL);
      const yearRange = range(blockTop, A, row - 1, A);
      const at = labels.findIndex((l) => l.kind === 'fiscalYear');
      labels[at] = { kind: 'fiscalYear', range: yearRange };
      if (row - 1 > blockTop) merges.push(yearRange);
    }
  });
  invariant(department, 'the layout places 実践課');

  const byRow = (a: { range: CellRange }, b: { range: CellRange }) =>
    a.range.top - b.range.top || a.range.left - b.range.left;
  return {
    form,
    heading: range(HEADING_ROW, A, HEADING_ROW, D),
    item,
    department,
    labels: [...labels].sort(byRow),
    inputs,
    merges: [...merges].sort((a, b) => a.top - b.top || a.left - b.left),
    lastRow: row - 1,
    meta: { row: META_ROW, column: META_COLUMN },
  };
}

/** The printed text of a label on a sheet of the given fiscal year. */
export const labelText = (label: LayoutLabel, fiscalYearLabel: string): string =>
  label.kind === 'fiscalYear' ? fiscalYearLabel : label.text;

export function inputFor(layout: EntryLayout, key: FieldKey): LayoutInput {
  const input = layout.inputs.find((i) => i.field.key === key);
  invariant(input, `form ${layout.form.id} has no field ${key}`);
  return input;
}

/** The inputs that must be filled at a stage (year-end: all required fields). */
export function requiredInputs(layout: EntryLayout, stage: Stage = 'year-end'): readonly LayoutInput[] {
  const keys = new Set(requiredFields(layout.form, stage).map((f) => f.key));
  return layout.inputs.filter((i) => keys.has(i.field.key));
}

/** The A1 address of an input's value cell (the top-left of its region). */
export const inputAddress = (input: LayoutInput): string => cellAddress(input.range.top, input.range.left);
