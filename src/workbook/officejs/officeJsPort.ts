import { cellAddress, parseCellAddress } from '../../domain/cellAddress';
import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/extract/snapshot';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import type { CellMark, Progress, WorkbookPort } from '../port';
import { OfficeCellMarks } from './cellMarks';
import { isOfficeError, toOfficeOperationError } from './officeErrors';
import { checkWorkbookStructure, queueStructureCheck } from './workbookProtection';
import { readSheetsInExcel } from './readSheets';
import { EXCEL_API, excelFeatures, requireExcelApi, type ExcelFeatures } from './requirements';
import { snapshotVisibility } from './snapshotValues';
import { writeSheetsInExcel } from './writeSheets';

export interface OfficeJsPortOptions {
  /** The workbook's file name, reported in snapshots (for findings). */
  readonly file?: string;
}

type Batch<T> = (context: Excel.RequestContext, features: ExcelFeatures) => Promise<T>;

/**
 * The workbook open in Excel behind the WorkbookPort: the only code that calls `Excel.run`. Each method is
 * one `Excel.run`; writes are queued and synced in as few batches as the 5 MB request limit allows; reads
 * come before writes in the same sync; calculation (and screen updating, ExcelApi 1.9) is suspended while
 * sheets are written. Excel's errors are rethrown as `OfficeOperationError`s with Japanese messages.
 */
export class OfficeJsPort implements WorkbookPort {
  private readonly marks = new OfficeCellMarks();
  /** Chunks (syncs after the first read) used by the last `writeSheets`: for tests and diagnostics. */
  lastWriteChunks = 0;

  constructor(private readonly options: OfficeJsPortOptions = {}) {}

  /** One `Excel.run`, waiting for the user to leave cell edit mode; Excel's errors mapped on the way out. */
  private async run<T>(batch: Batch<T>): Promise<T> {
    requireExcelApi(EXCEL_API.minimum);
    const features = excelFeatures();
    try {
      return await Excel.run({ delayForCellEdit: true }, (context) => batch(context, features));
    } catch (error) {
      throw toOfficeOperationError(error);
    }
  }

  async listSheets(): Promise<
    readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[]
  > {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.map((ws) => ({ name: ws.name, visibility: snapshotVisibility(ws.visibility) }));
    });
  }

  async readSnapshot(sheets?: readonly string[]): Promise<WorkbookSnapshot> {
    const read = await this.run((context, features) => readSheetsInExcel(context, sheets, features));
    return { ...(this.options.file !== undefined && { file: this.options.file }), sheets: read };
  }

  async writeSheets(specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> {
    const { chunks } = await this.run((context, features) =>
      writeSheetsInExcel(context, specs, features, onProgress),
    );
    this.lastWriteChunks = chunks;
  }

  async deleteSheets(names: readonly string[]): Promise<void> {
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      const structure = queueStructureCheck(context);
      await context.sync();
      const doomed = sheets.items.filter((ws) => wanted.has(ws.name.toLowerCase()));
      if (doomed.length === 0) return;
      checkWorkbookStructure(structure);
      for (const ws of doomed) {
        if (ws.visibility === 'VeryHidden') ws.visibility = 'Hidden' as Excel.SheetVisibility; // Excel refuses to delete a very hidden sheet
        ws.delete();
      }
      await context.sync();
    });
  }

  /**
   * Activate the sheet and select the cell; unknown or hidden sheets and bad addresses are ignored. Going to
   * a cell is a convenience: when Excel refuses it because another workbook has the focus (office-js#771),
   * nothing else depends on it, so that refusal is not an error.
   */
  async selectCell(sheet: string, cell: string): Promise<void> {
    const at = parseCellAddress(cell);
    if (!at) return;
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      await context.sync();
      const ws = sheets.items.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
      if (!ws || ws.visibility !== 'Visible') return;
      ws.activate();
      ws.getRange(cellAddress(at.row, at.column)).select();
      try {
        await context.sync();
      } catch (error) {
        if (!isOfficeError(error) || error.code !== 'GeneralException') throw error;
      }
    });
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    await this.run((context, features) => this.marks.mark(context, marks, features));
  }

  async clearMarks(): Promise<void> {
    if (this.marks.isEmpty) return;
    await this.run((context) => this.marks.clear(context));
  }

  /** The workbook open in Excel stays open: Excel owns it. */
  async close(): Promise<void> {}
}
