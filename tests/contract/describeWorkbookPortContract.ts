import { describe, it } from 'vitest';
import type { WorkbookSpec } from '../../src/domain/template/sheetSpec';
import { PORT_CASES, type PortCaseContext } from '../../src/workbook/contract/portCases';
import type { WorkbookPort } from '../../src/workbook/port';

/**
 * The port contract (src/workbook/contract/portCases.ts) as vitest tests: one `it` per case, grouped as the
 * cases are. The same cases run in Excel from the task pane's 自己診断, so they live in src/ without vitest.
 *
 *   describeWorkbookPortContract('ExcelJS', (spec) => excelJsFactory.create(spec));
 */
export function describeWorkbookPortContract(
  name: string,
  makePort: (spec?: WorkbookSpec) => Promise<WorkbookPort>,
  options: Omit<PortCaseContext, 'makePort'> = {},
): void {
  const groups = [...new Set(PORT_CASES.map((c) => c.group))];
  describe(`WorkbookPort contract: ${name}`, () => {
    for (const group of groups)
      describe(group, () => {
        for (const testCase of PORT_CASES.filter((c) => c.group === group))
          it(testCase.name, () => testCase.run({ ...options, makePort }));
      });
  });
}
