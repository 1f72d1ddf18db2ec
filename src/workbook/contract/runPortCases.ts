import type { WorkbookSpec } from '../../domain/template/sheetSpec';
import type { WorkbookPort } from '../port';
import { PORT_CASES, type PortCase } from './portCases';
import { ScratchPort } from './scratchPort';

export interface PortCaseResult {
  readonly group: string;
  readonly name: string;
  readonly label: string;
  readonly ok: boolean;
  /** Why it failed: the case's own message, or the adapter's error. */
  readonly message?: string;
  readonly ms: number;
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Run the port contract cases on a real workbook (the self-test in Excel): each case gets the workbook's
 * scratch view holding exactly its sheets, and every scratch sheet is removed at the end, whatever happened.
 * A case that fails does not stop the others.
 */
export async function runPortCases(
  port: WorkbookPort,
  onResult?: (result: PortCaseResult, index: number, total: number) => void,
  cases: readonly PortCase[] = PORT_CASES,
): Promise<PortCaseResult[]> {
  const scratch = new ScratchPort(port);
  const makePort = async (spec?: WorkbookSpec): Promise<WorkbookPort> => {
    await scratch.removeAll();
    if (spec && spec.sheets.length > 0) await scratch.writeSheets(spec.sheets);
    return scratch;
  };
  const results: PortCaseResult[] = [];
  try {
    for (const [index, testCase] of cases.entries()) {
      const started = Date.now();
      let result: PortCaseResult;
      try {
        await testCase.run({ makePort });
        result = {
          group: testCase.group,
          name: testCase.name,
          label: testCase.label,
          ok: true,
          ms: Date.now() - started,
        };
      } catch (error) {
        result = {
          group: testCase.group,
          name: testCase.name,
          label: testCase.label,
          ok: false,
          message: describeError(error),
          ms: Date.now() - started,
        };
      }
      results.push(result);
      onResult?.(result, index, cases.length);
    }
  } finally {
    await scratch.removeAll().catch(() => undefined);
  }
  return results;
}
