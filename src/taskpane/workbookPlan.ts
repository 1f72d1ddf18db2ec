import { openPlanInWorkbook, type WorkbookPlan } from '../app/openPlan';
import type { WorkbookPort } from '../workbook/port';

export type { WorkbookPlan };

/** The workbook's 体系, found as the CLI finds it (openPlan); undefined when there is none. */
export const readWorkbookPlan = (port: WorkbookPort): Promise<WorkbookPlan | undefined> =>
  openPlanInWorkbook(port);
