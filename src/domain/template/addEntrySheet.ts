import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { finding, type Finding } from '../finding';
import { planItems } from '../plan/planItems';
import type { Plan } from '../plan/types';
import { err, ok, type Result } from '../result';
import { buildEntrySheet } from './buildEntrySheet';
import { tocRowFor, type TocRow } from './buildTocSheet';
import { entrySheetName } from './sheetName';
import type { SheetSpec } from './sheetSpec';

export interface AddEntrySheetInput {
  readonly plan: Plan;
  readonly code: string;
  readonly department: string;
  readonly fiscalYear: number;
  /** The seqs the workbook already has for this item and department. */
  readonly existingSeqs: readonly number[];
  /** Every sheet name in the workbook, so the new one is unique. */
  readonly existingSheetNames: readonly string[];
  readonly form?: FormDefinition;
}

export interface AddedEntrySheet {
  readonly seq: number;
  readonly sheet: SheetSpec;
  /** Its row for the rebuilt 目次. */
  readonly tocRow: TocRow;
}

/** "Add a sheet for the same item": an empty entry sheet with the next seq (`II-1-3-2 町民生活課 (3)`). */
export function addEntrySheet(input: AddEntrySheetInput): Result<AddedEntrySheet, Finding> {
  const {
    plan,
    code,
    department,
    fiscalYear,
    existingSeqs,
    existingSheetNames,
    form = STANDARD_FORM,
  } = input;
  const item = planItems(plan).find((p) => p.code === code);
  if (!item)
    return err(
      finding(
        'template.unknown-item',
        'error',
        `取組項目コード「${code}」は体系にありません。体系シートを確認してください。`,
        {
          code,
          department,
        },
      ),
    );
  const seq = Math.max(0, ...existingSeqs) + 1;
  const sheetName = entrySheetName({ code, department, seq }, existingSheetNames);
  return ok({
    seq,
    sheet: buildEntrySheet({ item, department, seq, fiscalYear, form, sheetName }),
    tocRow: tocRowFor(item, seq, sheetName, department, form),
  });
}
