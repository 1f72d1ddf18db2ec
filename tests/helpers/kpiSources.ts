import type { ReceivedEntry, RetiredField, SourceFile } from '../../src/domain/consolidation/types';
import type { FormDefinition } from '../../src/domain/entry/formDefinition';
import type { Entry } from '../../src/domain/entry/types';
import { FIRST_DATA_ROW, HEADER_ROW } from '../../src/domain/template/buildTableSheet';
import { entryLayout, inputAddress } from '../../src/domain/template/entryLayout';
import type { SheetSpec } from '../../src/domain/template/sheetSpec';
import { KPI_FORM } from './kpiForm';

/** Consolidation inputs for a 指標 form (KPI_FORM by default), as read from department files. */

export const CONSOLIDATE_OPTIONS = {
  stamp: '2021-04-20T09:00:00+09:00',
  fiscalYear: 2020,
  stage: 'year-end' as const,
};

/** An entry of the form: every field present, the ones not given empty. */
export const formEntry = (
  code: string,
  department: string,
  fields: Partial<Record<string, string>>,
  { fiscalYear = 2020, form = KPI_FORM }: { fiscalYear?: number; form?: FormDefinition } = {},
): Entry => ({
  code,
  department,
  seq: 1,
  fiscalYear,
  fields: Object.fromEntries(form.fields.map((f) => [f.key, fields[f.key] ?? ''])),
});

/** The entry as read from its sheet, each field at its cell in the form's layout. */
export const receivedEntry = (
  e: Entry,
  retired?: readonly RetiredField[],
  form: FormDefinition = KPI_FORM,
): ReceivedEntry => ({
  entry: e,
  sheet: `${e.code} ${e.department}`,
  cells: Object.fromEntries(entryLayout(form).inputs.map((i) => [i.field.key, inputAddress(i)])),
  ...(retired && { retired }),
});

export const readSource = (file: string, list: readonly ReceivedEntry[], modified = 1000): SourceFile => ({
  kind: 'read',
  file,
  modified,
  entries: list,
  sheets: list.map((r) => ({ sheet: r.sheet, kind: 'entry' as const })),
  findings: [],
});

export const valueAt = (spec: SheetSpec, row: number, column: number) =>
  spec.cells.find((c) => c.row === row && c.column === column)?.value;

export const headerRow = (spec: SheetSpec): unknown[] =>
  spec.cells.filter((c) => c.row === HEADER_ROW).map((c) => c.value);

/** The 全体計画 row (0-based) of an item × department. */
export const masterRowOf = (spec: SheetSpec, code: string, department: string): number => {
  const cell = spec.cells.find(
    (c) =>
      c.row >= FIRST_DATA_ROW && c.column === 0 && c.value === code && valueAt(spec, c.row, 4) === department,
  );
  if (!cell) throw new Error(`no row for ${code} ${department}`);
  return cell.row;
};
