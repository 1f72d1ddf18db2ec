import { validateWorkbook, type ReadOptions, type ValidationResult } from '../app/validateWorkbook';
import type { Stage } from '../domain/entry/formDefinition';
import type { Progress, WorkbookPort } from '../workbook/port';
import { FilePort } from './filePort';
import { WorkerPort } from './workerFactory';
import { readWorkbookPlan, type WorkbookPlan } from './workbookPlan';

/**
 * The pane's read-only use cases, run where the workbook is: in the workbook worker for a file opened in
 * file mode (only findings come back, the page never parses or copies the whole workbook), here otherwise.
 */
export const validateOn = (
  port: WorkbookPort,
  options: ReadOptions & { readonly stage: Stage },
  onProgress?: Progress,
): Promise<ValidationResult> =>
  port instanceof FilePort
    ? port.validate(options, onProgress).then((r) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      })
    : port instanceof WorkerPort
      ? port.validate(options, onProgress)
      : validateWorkbook(port, options, onProgress);

export const readPlanOn = (port: WorkbookPort): Promise<WorkbookPlan | undefined> =>
  port instanceof WorkerPort ? port.readPlan() : readWorkbookPlan(port);
