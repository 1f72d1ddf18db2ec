import type { WorkbookSpec } from '../../domain/template/sheetSpec';
import { describeWorkbookPortContract } from '../../../tests/contract/describeWorkbookPortContract';
import type { FileWorkbookPort, WorkbookPort } from '../port';
import { excelJsFactory } from './excelJsFactory';
import { fillOfCell, reopen, sheetOf } from '../../../tests/helpers/reopen';

async function open(bytes: Uint8Array): Promise<FileWorkbookPort> {
  const opened = await excelJsFactory.open(bytes, '契約テスト.xlsx');
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/**
 * A port that saves and re-opens the file after every change to the workbook's sheets, so that what is
 * read is what the saved file holds. Marks and the selection stay on the current port (marks remember the
 * previous fills in memory, for this session only).
 */
class ReopeningPort implements FileWorkbookPort {
  private constructor(private current: FileWorkbookPort) {}

  static async of(spec?: WorkbookSpec): Promise<ReopeningPort> {
    return new ReopeningPort(await open(await (await excelJsFactory.create(spec)).toBuffer()));
  }

  private async saveAndReopen(): Promise<void> {
    this.current = await open(await this.current.toBuffer());
  }

  listSheets: WorkbookPort['listSheets'] = () => this.current.listSheets();
  readSnapshot: WorkbookPort['readSnapshot'] = (sheets) => this.current.readSnapshot(sheets);
  selectCell: WorkbookPort['selectCell'] = (sheet, cell) => this.current.selectCell(sheet, cell);
  markCells: WorkbookPort['markCells'] = (marks) => this.current.markCells(marks);
  clearMarks: WorkbookPort['clearMarks'] = () => this.current.clearMarks();
  toBuffer: FileWorkbookPort['toBuffer'] = () => this.current.toBuffer();
  close: WorkbookPort['close'] = () => this.current.close();

  writeSheets: WorkbookPort['writeSheets'] = async (specs, onProgress) => {
    await this.current.writeSheets(specs, onProgress);
    await this.saveAndReopen();
  };

  deleteSheets: WorkbookPort['deleteSheets'] = async (names) => {
    await this.current.deleteSheets(names);
    await this.saveAndReopen();
  };
}

/** The fill as saved in the file. */
async function fillOf(port: WorkbookPort, sheet: string, cell: string): Promise<string | null> {
  const workbook = await reopen(await (port as FileWorkbookPort).toBuffer());
  return fillOfCell(sheetOf(workbook, sheet).getCell(cell));
}

describeWorkbookPortContract('ExcelJS in memory', (spec) => excelJsFactory.create(spec), { fillOf });
describeWorkbookPortContract('ExcelJS through saved files', (spec) => ReopeningPort.of(spec), { fillOf });
