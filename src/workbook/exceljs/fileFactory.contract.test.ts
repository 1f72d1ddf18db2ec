import { describeWorkbookPortContract } from '../../../tests/contract/describeWorkbookPortContract';
import { fillOfCell, reopen, sheetOf } from '../../../tests/helpers/reopen';
import { contractWorkbook } from '../contract/portCases';
import type { FileWorkbookPort, WorkbookPort } from '../port';
import { writeXlsx } from '../xlsx/writeXlsx';
import { fileFactory } from './fileFactory';

/** The fill as saved in the file, read by ExcelJS (an independent reader). */
async function fillOf(port: WorkbookPort, sheet: string, cell: string): Promise<string | null> {
  const workbook = await reopen(await (port as FileWorkbookPort).toBuffer());
  return fillOfCell(sheetOf(workbook, sheet).getCell(cell));
}

/**
 * A file the pane opens (fileFactory.open): updated in its package, marks included. Every sheet of the spec
 * is one the file already holds here, so the marks are laid on sheets the package keeps, and the saved fills
 * are checked (fillOf).
 */
describeWorkbookPortContract(
  'fileFactory.open (an opened file: its package, marks on its own sheets)',
  async (spec = contractWorkbook()) => {
    const opened = await fileFactory.open(await writeXlsx(spec), 'opened.xlsx');
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value;
  },
  { fillOf },
);
