import { REPORT_SHEET_PREFIX } from '../domain/consolidation/buildMasterView';
import { findPlanInWorkbook } from '../domain/extract/readPlanSheet';
import type { WorkbookSnapshot } from '../domain/extract/snapshot';
import { STANDARD_FORM, type FormDefinition } from '../domain/entry/formDefinition';
import type { Finding } from '../domain/finding';
import { FORM_SHEET_NAME } from '../domain/form/formColumns';
import { parseFormGrid } from '../domain/form/parseFormSheet';
import { planSheetTitle } from '../domain/plan/planTitle';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import { normalizeKey } from '../domain/text/normalizeKey';
import type { OpenError, WorkbookPort } from '../workbook/port';
import { MASTER_READ_LIMITS, READ_LIMITS } from '../workbook/readLimits';
import { readXlsxSheetList, readXlsxSnapshot } from '../workbook/xlsx/readXlsxSnapshot';

/**
 * The 体系 found in a workbook: the sheet it was read from, and the year and plan title of its title row;
 * with the 取組項目 form of its 様式 sheet when the workbook has one.
 */
export interface WorkbookPlan {
  readonly sheet: string;
  readonly plan: Plan;
  readonly findings: readonly Finding[];
  /** From the sheet's title row (`令和2年度 町政運営推進プラン 計画の体系`), when it has one. */
  readonly fiscalYear?: number;
  readonly title?: string;
  /** The form read from the 様式 sheet; absent when the workbook has none (the built-in R2 form applies). */
  readonly form?: FormDefinition;
  readonly formSheet?: string;
  /** Problems of the 様式 sheet, with row and column (empty without one). */
  readonly formFindings: readonly Finding[];
}

/** The form a 体系 workbook asks for: its 様式's, else the built-in R2 form. */
export const formOf = (plan?: Pick<WorkbookPlan, 'form'>): FormDefinition => plan?.form ?? STANDARD_FORM;

/**
 * The 様式 sheet among a workbook's sheets: one named 様式, else the first whose name contains 様式 (not a
 * report sheet, nor one whose name says 体系).
 */
export function findFormSheet(names: readonly string[]): string | undefined {
  const candidates = names.filter((n) => {
    const key = normalizeKey(n);
    return !n.startsWith(REPORT_SHEET_PREFIX) && key.includes('様式') && !key.includes('体系');
  });
  return candidates.find((n) => normalizeKey(n) === FORM_SHEET_NAME) ?? candidates[0];
}

/** The form of a read workbook's 様式 sheet, when the snapshot holds it. */
export function readFormSheet(
  snapshot: WorkbookSnapshot,
  sheet: string,
): Pick<WorkbookPlan, 'form' | 'formSheet' | 'formFindings'> {
  const found = snapshot.sheets.find((s) => s.name === sheet);
  if (!found) return { formFindings: [] };
  const parsed = parseFormGrid(found.values, {
    sheet: found.name,
    merges: found.merges,
    ...(snapshot.file !== undefined && { file: snapshot.file }),
  });
  return { form: parsed.form, formSheet: found.name, formFindings: parsed.findings };
}

/** A workbook's sheets, listed without reading them, and read by name. */
export interface PlanSheets {
  readonly names: readonly string[];
  read(names: readonly string[]): Promise<Result<WorkbookSnapshot, OpenError>>;
}

/**
 * Open a 体系 from a workbook, the one way for the CLI and the pane. A master's report sheets never hold the
 * 体系 table and are not read. Sheets whose name mentions 体系 are read first (a big workbook is not read
 * whole), then every other sheet when none of those holds the table; findPlanInWorkbook picks the sheet.
 * Year and title come from the sheet's title row (planSheetTitle). The 様式 sheet (findFormSheet) is read
 * in the same read as the 体系. Undefined when there is no 体系.
 */
export async function openPlan(sheets: PlanSheets): Promise<Result<WorkbookPlan | undefined, OpenError>> {
  const formSheet = findFormSheet(sheets.names);
  const candidates = sheets.names.filter((n) => !n.startsWith(REPORT_SHEET_PREFIX) && n !== formSheet);
  const likely = candidates.filter((n) => normalizeKey(n).includes('体系'));
  const passes = likely.length > 0 && likely.length < candidates.length ? [likely, candidates] : [candidates];
  for (const names of candidates.length > 0 ? passes : []) {
    const read = await sheets.read(formSheet !== undefined ? [...names, formSheet] : names);
    if (!read.ok) return read;
    const found = findPlanInWorkbook(read.value);
    if (found)
      return ok({
        sheet: found.sheet,
        plan: found.parsed.plan,
        findings: found.parsed.findings,
        ...planSheetTitle(read.value.sheets.find((s) => s.name === found.sheet)),
        ...(formSheet !== undefined ? readFormSheet(read.value, formSheet) : { formFindings: [] }),
      });
  }
  return ok(undefined);
}

/** The 体系 of an open workbook (the pane: the workbook in Excel, or a file open in the worker). */
export async function openPlanInWorkbook(port: WorkbookPort): Promise<WorkbookPlan | undefined> {
  const names = (await port.listSheets()).map((s) => s.name);
  const found = await openPlan({ names, read: async (wanted) => ok(await port.readSnapshot(wanted)) });
  return found.ok ? found.value : undefined;
}

/**
 * The form of an open workbook's own 様式 sheet (a department workbook carries the one it was built from,
 * hidden), the form its sheets are validated by (validateSnapshot); undefined without one.
 */
export async function openFormInWorkbook(port: WorkbookPort): Promise<FormDefinition | undefined> {
  const sheet = findFormSheet((await port.listSheets()).map((s) => s.name));
  return sheet === undefined ? undefined : readFormSheet(await port.readSnapshot([sheet]), sheet).form;
}

/**
 * The 体系 of a workbook's bytes (a 体系.xlsx, or a master), with the one reader. A master holds a report sheet
 * per entry, thousands of them past a department file's read limits: it is read under the master's limits.
 */
export async function openPlanFile(
  bytes: Uint8Array,
  file: string,
): Promise<Result<WorkbookPlan | undefined, OpenError>> {
  const list = readXlsxSheetList(bytes, file, MASTER_READ_LIMITS);
  if (!list.ok) return err(list.error);
  const names = list.value.map((s) => s.name);
  const limits = names.some((n) => n.startsWith(REPORT_SHEET_PREFIX)) ? MASTER_READ_LIMITS : READ_LIMITS;
  return openPlan({ names, read: (sheets) => readXlsxSnapshot(bytes, file, { sheets, limits }) });
}

/** The 様式 of a workbook's bytes on its own (`suishin form`): a workbook without a 体系 may still hold one. */
export async function openFormFile(
  bytes: Uint8Array,
  file: string,
): Promise<Result<Pick<WorkbookPlan, 'form' | 'formSheet' | 'formFindings'>, OpenError>> {
  const list = readXlsxSheetList(bytes, file, MASTER_READ_LIMITS);
  if (!list.ok) return err(list.error);
  const sheet = findFormSheet(list.value.map((s) => s.name));
  if (sheet === undefined) return ok({ formFindings: [] });
  const read = await readXlsxSnapshot(bytes, file, { sheets: [sheet], limits: MASTER_READ_LIMITS });
  return read.ok ? ok(readFormSheet(read.value, sheet)) : read;
}
