import { boundedMemo, perObject } from '../memo';
import { cellAddress, parseCellAddress } from '../cellAddress';
import { dateCellText, fieldNumbers, plainNumberText, serialToIsoDate } from '../entry/fieldValue';
import type { FieldDef, FieldKey, FormDefinition } from '../entry/formDefinition';
import { emptyFields, type EntryFields } from '../entry/types';
import type { Severity } from '../finding';
import type { Plan } from '../plan/types';
import type { MetaFieldCell } from '../template/sheetMeta';
import type { FormBlock } from './findFormBlocks';
import { roleLabel, roleName, type LabelRole } from './formLabels';
import { readCellText, type LabelCell, type LabelIndex, type ValueCell } from './labelIndex';
import type { PreviousColumn } from './previousColumn';
import { cellKey, type SheetGrid } from './sheetGrid';
import type { PreviousValues, RetiredField } from './types';
import { unreadText } from './unreadText';

/** A problem with the form's layout, at a cell; the reader turns it into a finding. */
export interface BlockProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly cell: string;
  readonly field?: FieldKey;
  /** Japanese, without the sheet and cell: the finding's place carries them, and every list shows it. */
  readonly message: string;
}

/** The values of one form and the cells they came from (see EntrySource for the empty-field rule). */
export interface BlockValues {
  readonly itemText: string;
  readonly itemCell: string;
  readonly departmentText: string;
  readonly departmentCell?: string;
  readonly yearLabel?: number;
  readonly yearCell?: string;
  readonly fields: EntryFields;
  readonly cells: Readonly<Record<FieldKey, string>>;
  /** Fields of the form the sheet was built without (Entry.notOnSheet). */
  readonly notOnSheet?: readonly FieldKey[];
  readonly problems: readonly BlockProblem[];
  /** Fields of an older 様式 version with text, found through the metadata's cell map. */
  readonly retired: readonly RetiredField[];
  /** Last year's values from a 前年度 column beside the form (a rollover's sheet). */
  readonly previous?: PreviousValues;
}

/**
 * The order labels are printed in, to say where a missing one belongs: 取組項目, the first field (目指す姿),
 * the year, the plan-stage fields, 実践課, then the rest (前期, 後期, 目標の達成, 評価・検証).
 */
function printedOrder(form: FormDefinition): readonly LabelRole[] {
  const fields = form.fields.map((f): LabelRole => ({ kind: 'field', key: f.key }));
  const firstLater = form.fields.findIndex((f, i) => i > 0 && f.requiredFrom !== 'plan');
  const split = firstLater < 0 ? fields.length : firstLater;
  return [
    { kind: 'item' },
    ...fields.slice(0, 1),
    { kind: 'year', fiscalYear: 0 },
    ...fields.slice(1, split),
    { kind: 'department' },
    ...fields.slice(split),
  ];
}

const mode = (values: readonly number[]): number | undefined => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts)
    if (best === undefined || n > (counts.get(best) ?? 0) || (n === counts.get(best) && v < best)) best = v;
  return best;
};

const address = (c: { readonly row: number; readonly column: number }): string =>
  cellAddress(c.row, c.column);

// The helpers below are module functions, not closures of readFormBlock: a form creates none of them (under
// tsx, the CLI's runtime, each closure is also named at creation).

/** A value read from a formula's cached result: said so (info). */
function formula(
  problems: BlockProblem[],
  grid: SheetGrid,
  value: { readonly row: number; readonly column: number } | undefined,
  field?: FieldKey,
): void {
  if (value && grid.isFormula(value.row, value.column))
    problems.push({
      code: 'extract.formula-value',
      severity: 'info',
      cell: address(value),
      ...(field && { field }),
      message:
        '数式の結果の値を読みました（数式は計算し直していません）。値が正しいか確認し、できれば数式をやめて文字で入力してください。',
    });
}

/** A 計算 cell holding a typed value instead of the form's formula: the value is recomputed, and said so. */
function typedComputed(
  problems: BlockProblem[],
  grid: SheetGrid,
  def: FieldDef,
  value: { row: number; column: number },
): void {
  problems.push({
    code: 'entry.computed-typed',
    severity: 'warning',
    cell: address(value),
    field: def.key,
    message: `計算欄は自動で計算されます。「${def.label}」のセルに数式ではなく値（${readCellText(grid.text(value.row, value.column))}）が入力されているため、${def.formula ? `「${def.formula.text}」から` : ''}計算し直した値を読みました。計算に使う欄を確かめ、数式を戻すには Suishin でシートを作り直してください。`,
  });
}

/** A formula whose cached result is empty (or was never saved): the field reads as empty, and says why. */
function emptyFormula(problems: BlockProblem[], grid: SheetGrid, label: LabelCell, field: FieldKey): void {
  for (let column = label.right + 1; column <= label.right + 3; column++) {
    if (grid.isCovered(label.row, column)) continue;
    if (!grid.isFormula(label.row, column)) continue;
    problems.push({
      code: 'extract.formula-no-value',
      severity: 'warning',
      cell: cellAddress(label.row, column),
      field,
      message:
        'この欄は数式で、保存された結果が空のため、空欄として読みました（数式は計算し直していません）。数式をやめて文字で入力してください。',
    });
    return;
  }
}

/** The first text left of a cell in its row (a renamed field's label), skipping covered cells. */
function labelLeftOf(
  grid: SheetGrid,
  row: number,
  column: number,
): { column: number; text: string } | undefined {
  for (let c = column - 1; c >= 0; c--) {
    if (grid.isCovered(row, c)) continue;
    const text = readCellText(grid.text(row, c));
    if (text !== '') return { column: c, text };
  }
  return undefined;
}

/**
 * A cell's text as the entry keeps it: a number as plain decimal text, a date serial as its ISO date, and a
 * date cell in a 文章 field as the date is written here (2020/9/30: dateCellText), not the readers' ISO.
 */
function textAt(grid: SheetGrid, def: FieldDef | undefined, row: number, column: number): string {
  const raw = grid.value(row, column);
  if (typeof raw !== 'number') {
    const text = readCellText(grid.text(row, column));
    return def?.kind === 'text' ? (dateCellText(text) ?? text) : text;
  }
  if (def?.kind === 'date') return serialToIsoDate(raw) ?? plainNumberText(raw);
  return def === undefined || def.kind === 'number' || def.kind === 'computed'
    ? plainNumberText(raw)
    : readCellText(grid.text(row, column));
}

/** A role's label chosen for a form, and its value. */
interface Chosen {
  readonly label: LabelCell;
  readonly value?: ValueCell;
}

/** What a form's reading needs of the form besides its fields, made once per form. */
interface FormReading {
  /** printedOrder(form), each role with its roleName. */
  readonly order: readonly { readonly role: LabelRole; readonly name: string }[];
  /** roleName of each field's role, by key. */
  readonly fieldNames: ReadonlyMap<FieldKey, string>;
  readonly known: ReadonlySet<FieldKey>;
  /** emptyFields(form), copied for each form read. */
  readonly empty: EntryFields;
}
const formReading = perObject((form: FormDefinition): FormReading => ({
  order: printedOrder(form).map((role) => ({ role, name: roleName(role) })),
  fieldNames: new Map(form.fields.map((f) => [f.key, roleName({ kind: 'field', key: f.key })])),
  known: new Set(form.fields.map((f) => f.key)),
  empty: emptyFields(form),
}));

/** The label's value cell, or (no value) the cell right of it in the form's value column. */
const valueCellOf = (label: LabelCell, value: ValueCell | undefined, valueColumn: number): string =>
  value ? address(value) : cellAddress(label.row, Math.max(label.right + 1, valueColumn));

/** Where a missing label belongs: the row below the nearest earlier label that is there. */
function expectedAt(
  role: LabelRole,
  form: FormDefinition,
  chosen: ReadonlyMap<string, Chosen>,
  valueColumn: number,
  block: FormBlock,
): { row: number; column: number; after?: string } {
  const { order } = formReading(form);
  const name = roleName(role);
  const at = order.findIndex((r) => r.name === name);
  for (let i = at - 1; i >= 0; i--) {
    const prev = chosen.get(order[i]?.name ?? name);
    if (prev)
      return {
        row: prev.label.row + 1,
        column: Math.max(0, Math.min(prev.label.column, valueColumn - 1)),
        after: roleLabel(prev.label.role, form),
      };
  }
  return { row: block.top + 1, column: Math.max(0, Math.min(block.item.column, valueColumn - 1)) };
}

/** Report a missing label; the field's cell is then the value column of the row where it was expected. */
function missing(
  problems: BlockProblem[],
  role: LabelRole,
  field: FieldKey | undefined,
  form: FormDefinition,
  chosen: ReadonlyMap<string, Chosen>,
  valueColumn: number,
  block: FormBlock,
): string {
  const { row, column, after } = expectedAt(role, form, chosen, valueColumn, block);
  const label = roleLabel(role, form);
  problems.push({
    code: 'extract.missing-label',
    severity: 'warning',
    cell: cellAddress(row, column),
    ...(field && { field }),
    message: `「${label}」の見出しが見つかりません${after ? `（「${after}」の下にあるはずです）` : ''}。様式どおり「${label}」の行を戻してください。`,
  });
  return cellAddress(row, Math.max(column + 1, valueColumn));
}

/** The field's cell by the metadata, when its label there is one this form does not know (renamed). */
function metaValueCell(
  grid: SheetGrid,
  index: LabelIndex,
  metaCells: ReadonlyMap<FieldKey, string>,
  key: FieldKey,
  alsoRead: number[],
): { row: number; column: number } | undefined {
  const cell = metaCells.get(key);
  if (cell === undefined) return undefined;
  const at = cellAt(cell);
  const label = at && labelLeftOf(grid, at.row, at.column);
  if (!at || !label || index.at(at.row, label.column)) return undefined;
  alsoRead.push(cellKey(at.row, at.column), cellKey(at.row, label.column));
  return at;
}

/**
 * parseCellAddress of the metadata's cells, remembered: every sheet a form was built from lists the same
 * cells (D3, D4 …). The memo is bounded; its addresses are never changed.
 */
const cellAt = boundedMemo(parseCellAddress, 10_000);

/** The metadata's cells by field key, made once per list (the sheets of one form share theirs). */
const cellsByKey = perObject(
  (fieldCells: readonly MetaFieldCell[]): ReadonlyMap<FieldKey, string> =>
    new Map(fieldCells.map((c) => [c.key, c.cell] as const)),
);

const NO_META_CELLS: ReadonlyMap<FieldKey, string> = new Map();

/** One form being read: what its steps share (one object per form, no closures). */
interface Reading {
  readonly grid: SheetGrid;
  readonly index: LabelIndex;
  readonly block: FormBlock;
  readonly form: FormDefinition;
  readonly fieldNames: ReadonlyMap<FieldKey, string>;
  readonly problems: BlockProblem[];
  /** Cells read besides the labels' values (unreadText leaves them alone), as cellKey. */
  readonly alsoRead: number[];
}

const chosenField = (r: Reading, chosen: ReadonlyMap<string, Chosen>, key: FieldKey): Chosen | undefined =>
  chosen.get(r.fieldNames.get(key) ?? '');

/** One label per role: the first occurrence with a value, else the first; another occurrence is a duplicate. */
function chooseLabels(r: Reading): Map<string, Chosen> {
  const chosen = new Map<string, Chosen>();
  const byRole = new Map<string, LabelCell[]>();
  for (const l of r.block.labels) {
    const name = l.role.kind === 'field' ? (r.fieldNames.get(l.role.key) ?? roleName(l.role)) : l.role.kind;
    const list = byRole.get(name);
    if (list) list.push(l);
    else byRole.set(name, [l]);
  }
  for (const [name, all] of byRole) {
    let pick: LabelCell | undefined;
    let value: ValueCell | undefined;
    for (const label of all) {
      value = r.index.valueOf(label);
      if (value !== undefined) {
        pick = label;
        break;
      }
    }
    pick ??= all[0];
    if (!pick) continue;
    chosen.set(name, value ? { label: pick, value } : { label: pick });
    if (all.length > 1 && pick.role.kind !== 'progress') {
      const where = all.map(address).join('、');
      const other = all.find((l) => l !== pick) ?? pick;
      r.problems.push({
        code: 'extract.duplicate-label',
        severity: 'warning',
        cell: address(other),
        ...(pick.role.kind === 'field' && { field: pick.role.key }),
        message: `「${roleLabel(pick.role, r.form)}」の見出しが${all.length}か所（${where}）にあります。${address(pick)}の行を読みました。不要な行を削除してください。`,
      });
    }
  }
  return chosen;
}

/** The column the form's values sit in: 取組項目's, else the one most fields use, else right of the labels. */
function valueColumnOf(r: Reading, chosen: ReadonlyMap<string, Chosen>): number {
  const itemColumn = chosen.get('item')?.value?.column;
  if (itemColumn !== undefined) return itemColumn;
  const filled: number[] = [];
  for (const f of r.form.fields) {
    const column = chosenField(r, chosen, f.key)?.value?.column;
    if (column !== undefined) filled.push(column);
  }
  return mode(filled) ?? (mode(r.block.labels.map((l) => l.right)) ?? r.block.item.right) + 1;
}

/**
 * A sheet the builder wrote lists which field sat in which cell: a field whose label is not found (an older
 * 様式 version named it otherwise) is read there, and a field the form no longer has is kept as retired.
 * The map is trusted only while every field found by its label sits in the row the map says: a row
 * inserted or deleted since the sheet was built moves the cells, and the map no longer tells.
 */
function trustedFieldCells(r: Reading, chosen: ReadonlyMap<string, Chosen>): readonly MetaFieldCell[] {
  const fieldCells = r.block.meta?.fieldCells ?? [];
  if (fieldCells.length === 0) return fieldCells;
  const mapped = cellsByKey(fieldCells);
  const holds = r.form.fields.every((f) => {
    const hit = chosenField(r, chosen, f.key);
    const at = cellAt(mapped.get(f.key) ?? '');
    return !hit || !at || at.row === hit.label.row;
  });
  return holds ? fieldCells : [];
}

/** Every field's text and cell; a missing label is reported, its cell the one where the label belongs. */
function readFields(
  r: Reading,
  chosen: ReadonlyMap<string, Chosen>,
  valueColumn: number,
  metaCells: ReadonlyMap<FieldKey, string>,
  empty: EntryFields,
): { fields: Record<FieldKey, string>; cells: Record<FieldKey, string>; notOnSheet: FieldDef[] } {
  const { grid, problems } = r;
  const fields: Record<FieldKey, string> = { ...empty };
  const cells: Record<FieldKey, string> = { ...empty };
  const notOnSheet: FieldDef[] = [];
  // The fields the sheet was built with, when its metadata lists them (every sheet Suishin writes).
  const builtWith = r.block.meta?.fieldCells?.length ? cellsByKey(r.block.meta.fieldCells) : undefined;
  for (const def of r.form.fields) {
    const hit = chosenField(r, chosen, def.key);
    const value = hit ? hit.value : metaValueCell(grid, r.index, metaCells, def.key, r.alsoRead);
    if (!hit && !value && builtWith && !builtWith.has(def.key)) {
      // Added to the 様式 after the sheet was built: there was never a row for it, nothing is missing.
      notOnSheet.push(def);
      continue;
    }
    if (!hit && !value) {
      const role: LabelRole = { kind: 'field', key: def.key };
      cells[def.key] = missing(problems, role, def.key, r.form, chosen, valueColumn, r.block);
      continue;
    }
    fields[def.key] = value ? textAt(grid, def, value.row, value.column) : '';
    cells[def.key] = hit
      ? valueCellOf(hit.label, hit.value, valueColumn)
      : address(value ?? { row: 0, column: 0 });
    if (def.kind === 'computed') {
      if (value && !grid.isFormula(value.row, value.column)) typedComputed(problems, grid, def, value);
      continue;
    }
    if (value) formula(problems, grid, value, def.key);
    if (hit && !hit.value) emptyFormula(problems, grid, hit.label, def.key);
  }
  // A 計算 field is never the department's input: it is recomputed from the fields it reads.
  if (r.form.fields.some((def) => def.kind === 'computed')) {
    const numbers = fieldNumbers(r.form, fields);
    for (const def of r.form.fields)
      if (def.kind === 'computed') {
        const n = numbers(def.key);
        fields[def.key] = n === undefined ? '' : plainNumberText(n);
      }
  }
  return { fields, cells, notOnSheet };
}

/** The metadata's fields the form no longer has, with their text (a label the form knows there moved in). */
function retiredFields(
  r: Reading,
  fieldCells: readonly MetaFieldCell[],
  known: ReadonlySet<FieldKey>,
): RetiredField[] {
  return fieldCells.flatMap((c): RetiredField[] => {
    const at = cellAt(c.cell);
    if (known.has(c.key) || !at) return [];
    const label = labelLeftOf(r.grid, at.row, at.column);
    // A label the form knows sits there now (rows moved): the cell is that field's, not the retired one's.
    if (label && r.index.at(at.row, label.column)) return [];
    r.alsoRead.push(cellKey(at.row, at.column), ...(label ? [cellKey(at.row, label.column)] : []));
    const text = textAt(r.grid, undefined, at.row, at.column);
    return text === '' ? [] : [{ key: c.key, label: label?.text ?? '', cell: c.cell, text }];
  });
}

/** 前年度: last year's value on each field's label row; every cell of the column is read (never unread text). */
function previousValues(
  r: Reading,
  chosen: ReadonlyMap<string, Chosen>,
  previousColumns: readonly PreviousColumn[],
): PreviousValues | undefined {
  const { grid, block } = r;
  const column = previousColumns.find((c) => c.row < block.end);
  if (!column) return undefined;
  for (let row = Math.max(column.row, block.start); row < Math.min(block.end, grid.rowCount); row++)
    r.alsoRead.push(cellKey(row, column.column));
  r.alsoRead.push(cellKey(column.row, column.column));
  const values: Record<FieldKey, string> = {};
  const at: Record<FieldKey, string> = {};
  for (const def of r.form.fields) {
    const hit = chosenField(r, chosen, def.key);
    if (!hit) continue;
    const text = textAt(grid, def, hit.label.row, column.column);
    if (text === '') continue;
    values[def.key] = text;
    at[def.key] = cellAddress(hit.label.row, column.column);
  }
  return { fiscalYear: column.fiscalYear, fields: values, cells: at };
}

/**
 * One form's values, read in steps: a label chosen per role, the value column, the fields (by label, else by
 * the metadata's cell map while it holds), retired fields, 取組項目 / 実践課 / 年度, 前年度, and the text left
 * unread around them.
 */
export function readFormBlock(
  grid: SheetGrid,
  index: LabelIndex,
  block: FormBlock,
  form: FormDefinition,
  /** Tells the 基本項目 / 推進項目 headings printed outside the form from text typed there. */
  plan?: Plan,
  /** The sheet's 前年度 columns (findFormBlocks). */
  previousColumns: readonly PreviousColumn[] = [],
): BlockValues {
  const { fieldNames, known, empty } = formReading(form);
  const r: Reading = { grid, index, block, form, fieldNames, problems: [], alsoRead: [] };
  const { problems } = r;
  const chosen = chooseLabels(r);
  const valueColumn = valueColumnOf(r, chosen);
  const fieldCells = trustedFieldCells(r, chosen);
  const metaCells = fieldCells.length > 0 ? cellsByKey(fieldCells) : NO_META_CELLS;
  const { fields, cells, notOnSheet } = readFields(r, chosen, valueColumn, metaCells, empty);
  const retired = retiredFields(r, fieldCells, known);

  const item = chosen.get('item');
  formula(problems, grid, item?.value);
  const department = chosen.get('department');
  if (!department) missing(problems, { kind: 'department' }, undefined, form, chosen, valueColumn, block);
  formula(problems, grid, department?.value);
  const year = chosen.get('year');
  if (!year) missing(problems, { kind: 'year', fiscalYear: 0 }, undefined, form, chosen, valueColumn, block);
  const previous = previousValues(r, chosen, previousColumns);
  // The form's metadata cell is not text to read (unreadText would parse it again to know).
  if (block.meta) r.alsoRead.push(cellKey(block.meta.row, block.meta.column));
  problems.push(...unreadText(grid, index, block, plan, r.alsoRead));

  const itemCell = valueCellOf(item?.label ?? block.item, item?.value, valueColumn);
  // Said on a sheet the department wrote in; a blank one is not consolidated and needs no word.
  if (notOnSheet.length > 0 && Object.values(fields).some((t) => t.trim() !== ''))
    problems.push({
      code: 'extract.field-not-on-sheet',
      severity: 'info',
      cell: itemCell,
      message: `このシートには${notOnSheet.map((d) => `「${d.label}」`).join('')}の欄がありません（シートを作った後に様式に加わった項目です）。空欄として読みました。書いてもらうときは、今の様式でシートを作り直して配ってください。`,
    });
  return {
    itemText: item?.value?.text ?? '',
    itemCell,
    departmentText: department?.value?.text ?? '',
    ...(department && { departmentCell: valueCellOf(department.label, department.value, valueColumn) }),
    ...(year?.label.role.kind === 'year' && {
      yearLabel: year.label.role.fiscalYear,
      yearCell: address(year.label),
    }),
    fields,
    cells,
    ...(notOnSheet.length > 0 && { notOnSheet: notOnSheet.map((d) => d.key) }),
    problems,
    retired,
    ...(previous && { previous }),
  };
}
