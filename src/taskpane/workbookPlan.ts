import { findPlanInWorkbook } from '../domain/extract/readPlanSheet';
import type { Finding } from '../domain/finding';
import { planSheetTitle } from '../domain/plan/planTitle';
import type { Plan } from '../domain/plan/types';
import { normalizeKey } from '../domain/text/normalizeKey';
import type { WorkbookPort } from '../workbook/port';

export interface WorkbookPlan {
  readonly sheet: string;
  readonly plan: Plan;
  readonly findings: readonly Finding[];
  /** From the sheet's title row (`令和2年度 町政運営推進プラン 計画の体系`), when it has one. */
  readonly fiscalYear?: number;
  readonly title?: string;
}

/**
 * The workbook's 体系. Reads only sheets whose name mentions 体系 first (a big workbook in Excel is not
 * read whole), then every sheet when none of those holds the table. Undefined when there is none.
 */
export async function readWorkbookPlan(port: WorkbookPort): Promise<WorkbookPlan | undefined> {
  const names = (await port.listSheets()).map((s) => s.name);
  const likely = names.filter((n) => normalizeKey(n).includes('体系'));
  let snapshot = likely.length > 0 ? await port.readSnapshot(likely) : undefined;
  let found = snapshot && findPlanInWorkbook(snapshot);
  if (!found && likely.length < names.length) {
    snapshot = await port.readSnapshot();
    found = findPlanInWorkbook(snapshot);
  }
  if (!found || !snapshot) return undefined;
  return {
    sheet: found.sheet,
    plan: found.parsed.plan,
    findings: found.parsed.findings,
    ...planSheetTitle(snapshot.sheets.find((s) => s.name === found.sheet)),
  };
}
