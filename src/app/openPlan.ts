import { REPORT_SHEET_PREFIX } from '../domain/consolidation/buildMasterView';
import { findPlanInWorkbook } from '../domain/extract/readPlanSheet';
import type { WorkbookSnapshot } from '../domain/extract/snapshot';
import type { Finding } from '../domain/finding';
import { planSheetTitle } from '../domain/plan/planTitle';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import { normalizeKey } from '../domain/text/normalizeKey';
import type { OpenError, WorkbookPort } from '../workbook/port';
import { MASTER_READ_LIMITS, READ_LIMITS } from '../workbook/readLimits';
import { readXlsxSheetList, readXlsxSnapshot } from '../workbook/xlsx/readXlsxSnapshot';

/** The 体系 found in a workbook: the sheet it was read from, and the year and plan title of its title row. */
export interface WorkbookPlan {
  readonly sheet: string;
  readonly plan: Plan;
  readonly findings: readonly Finding[];
  /** From the sheet's title row (`令和2年度 町政運営推進プラン 計画の体系`), when it has one. */
  readonly fiscalYear?: number;
  readonly title?: string;
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
 * Year and title come from the sheet's title row (planSheetTitle). Undefined when there is no 体系.
 */
export async function openPlan(sheets: PlanSheets): Promise<Result<WorkbookPlan | undefined, OpenError>> {
  const candidates = sheets.names.filter((n) => !n.startsWith(REPORT_SHEET_PREFIX));
  const likely = candidates.filter((n) => normalizeKey(n).includes('体系'));
  const passes = likely.length > 0 && likely.length < candidates.length ? [likely, candidates] : [candidates];
  for (const names of candidates.length > 0 ? passes : []) {
    const read = await sheets.read(names);
    if (!read.ok) return read;
    const found = findPlanInWorkbook(read.value);
    if (found)
      return ok({
        sheet: found.sheet,
        plan: found.parsed.plan,
        findings: found.parsed.findings,
        ...planSheetTitle(read.value.sheets.find((s) => s.name === found.sheet)),
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
