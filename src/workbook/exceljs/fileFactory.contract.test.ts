import { describeWorkbookPortContract } from '../../../tests/contract/describeWorkbookPortContract';
import { contractWorkbook } from '../contract/portCases';
import { writeXlsx } from '../xlsx/writeXlsx';
import { fileFactory } from './fileFactory';

/**
 * A file the pane opens (fileFactory.open): updated in its package, and handed to ExcelJS when cells of the
 * sheets it held are marked. Every sheet of the spec is one the file already holds here.
 *
 * Without the saved-fill checks (fillOf): ExcelJS itself, on a file the own writer saved, gives an unstyled
 * cell that was marked and cleared again the fill of another cell when the workbook was saved while marked
 * (excelJsFactory.open fails that check alike, before any of this; the cause in ExcelJS is not yet found).
 */
describeWorkbookPortContract(
  'fileFactory.open (an opened file: its package, ExcelJS for marks)',
  async (spec = contractWorkbook()) => {
    const opened = await fileFactory.open(await writeXlsx(spec), 'opened.xlsx');
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value;
  },
);
