import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { itemsForDepartment } from '../plan/planItems';
import type { Plan } from '../plan/types';
import { buildFormSheet } from '../form/buildFormSheet';
import { FORM_SHEET_NAME } from '../form/formColumns';
import { buildEntrySheet } from './buildEntrySheet';
import { buildTocSheet, tocRowFor, type TocRow } from './buildTocSheet';
import { entrySheetName, TOC_SHEET_NAME } from './sheetName';
import type { SheetSpec, WorkbookSpec } from './sheetSpec';

export const DEFAULT_PLAN_TITLE = '町政運営推進プラン';

export interface DepartmentWorkbookInput {
  readonly plan: Plan;
  readonly department: string;
  readonly fiscalYear: number;
  /** The plan's name in titles; default 町政運営推進プラン. */
  readonly title?: string;
  /**
   * Entries to pre-fill from (e.g. last returned sheets). Those of this department for an item it owes
   * are used, one sheet per seq; others are ignored here (the validation rules report them).
   */
  readonly entries?: readonly Entry[];
  readonly form?: FormDefinition;
  /**
   * Last year's values (rollover, issue 17), keyed by this year's code, department and seq: shown in the
   * 前年度 column of the matching sheet; an entry here without a starting entry still makes its seq's sheet.
   */
  readonly previous?: readonly Entry[];
  /** Print the 前年度 column too. */
  readonly printReference?: boolean;
}

/** `令和2年度 町政運営推進プラン 取組項目シート（総務課）`. */
export const departmentWorkbookTitle = (
  fiscalYear: number,
  department: string,
  title = DEFAULT_PLAN_TITLE,
): string => `${formatFiscalYear(fiscalYear)} ${title} 取組項目シート（${department}）`;

/**
 * The workbook a department fills: the 目次 first, then one entry sheet per item it owes (its own items
 * and every 全課 item) in 体系 order — one per seq when the entries hold several sheets for an item.
 */
export function buildDepartmentWorkbook(input: DepartmentWorkbookInput): WorkbookSpec {
  const {
    plan,
    department,
    fiscalYear,
    title = DEFAULT_PLAN_TITLE,
    entries = [],
    form = STANDARD_FORM,
    previous = [],
  } = input;
  const taken: string[] = [TOC_SHEET_NAME];
  const sheets: SheetSpec[] = [];
  const rows: TocRow[] = [];
  for (const item of itemsForDepartment(plan, department)) {
    const own = entries.filter((e) => e.code === item.code && e.department === department);
    const last = previous.filter((e) => e.code === item.code && e.department === department);
    const seqs =
      own.length + last.length === 0
        ? [1]
        : [...new Set([...own, ...last].map((e) => e.seq))].sort((a, b) => a - b);
    for (const seq of seqs) {
      const sheetName = entrySheetName({ code: item.code, department, seq }, taken);
      taken.push(sheetName);
      const entry = own.find((e) => e.seq === seq);
      const before = last.find((e) => e.seq === seq);
      sheets.push(
        buildEntrySheet({
          item,
          department,
          seq,
          fiscalYear,
          form,
          sheetName,
          ...(entry && { fields: entry.fields }),
          ...(before && {
            previous: { fiscalYear: before.fiscalYear, fields: before.fields },
            printReference: input.printReference === true,
          }),
        }),
      );
      rows.push(tocRowFor(item, seq, sheetName, department, form));
    }
  }
  // A form of the 様式 sheet travels with the workbook (hidden, protected), so that validating the returned
  // file alone reads it by the form it was built from. The built-in R2 form needs no sheet. No print setup:
  // LibreOffice prints a hidden sheet that has a print area (a department's print ended on the 様式).
  const formSheet: SheetSpec[] = [];
  if (form.id !== STANDARD_FORM.id) {
    const { print: _print, ...sheet } = buildFormSheet(form);
    formSheet.push({ ...sheet, name: FORM_SHEET_NAME, visibility: 'hidden', protect: true });
  }
  return {
    sheets: [buildTocSheet({ department, fiscalYear, rows }), ...sheets, ...formSheet],
    properties: { title: departmentWorkbookTitle(fiscalYear, department, title), subject: department },
  };
}
