import { describeWorkbookPortContract } from '../../../tests/contract/describeWorkbookPortContract';
import type { FileWorkbookPort, WorkbookPort } from '../port';
import { fillOfCell, reopen, sheetOf } from '../../../tests/helpers/reopen';
import { SpecWorkbookPort } from './specWorkbookPort';
import { contractWorkbook } from '../contract/portCases';

/** The fill as saved in the file, read by ExcelJS (an independent reader). */
async function fillOf(port: WorkbookPort, sheet: string, cell: string): Promise<string | null> {
  const workbook = await reopen(await (port as FileWorkbookPort).toBuffer());
  return fillOfCell(sheetOf(workbook, sheet).getCell(cell));
}

describeWorkbookPortContract(
  'SpecWorkbookPort (written straight to .xlsx)',
  (spec) => SpecWorkbookPort.create(spec ?? contractWorkbook()),
  { fillOf },
);
