import ExcelJS from 'exceljs';
import { err, ok, type Result } from '../../domain/result';
import type { WorkbookSpec } from '../../domain/template/sheetSpec';
import type { FileWorkbookFactory, FileWorkbookPort, OpenError } from '../port';
import { markEntrySheetRows } from './entrySheetRows';
import { ExcelJsPort } from './excelJsPort';
import { withRelativeTargets } from './relativeTargets';
import { openError, refusalOf } from '../openError';
import { breachCode, checkPackage, describeBreach } from '../readLimits';

function newWorkbook(properties?: WorkbookSpec['properties']): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // Excel recalculates on open: we never evaluate the formulas we write, so their cached results are empty.
  workbook.calcProperties.fullCalcOnLoad = true;
  if (properties) {
    workbook.title = properties.title;
    if (properties.subject !== undefined) workbook.subject = properties.subject;
    if (properties.creator !== undefined) {
      workbook.creator = properties.creator;
      workbook.lastModifiedBy = properties.creator;
    }
    if (properties.company !== undefined) workbook.company = properties.company;
  }
  return workbook;
}

/**
 * .xlsx files through ExcelJS, in Node and in the browser (bytes in, bytes out; no file system).
 * Opening never throws for bad bytes: it says what the file is instead. Macros in an .xlsm are never run,
 * and not kept: ExcelJS drops `vbaProject.bin` and saves a plain .xlsx (save it under an .xlsx name).
 */
export const excelJsFactory: FileWorkbookFactory = {
  async create(spec?: WorkbookSpec): Promise<FileWorkbookPort> {
    const port = new ExcelJsPort(newWorkbook(spec?.properties));
    if (spec) await port.writeSheets(spec.sheets);
    return port;
  },

  async open(bytes: Uint8Array, file: string): Promise<Result<FileWorkbookPort, OpenError>> {
    const refused = refusalOf(bytes, file);
    if (refused) return err(refused);
    // Size, zip-bomb, cell and DTD checks on the raw bytes, before ExcelJS inflates or parses anything.
    const breach = await checkPackage(bytes);
    if (breach) return err(openError(breachCode(breach), file, describeBreach(breach)));
    const workbook = new ExcelJS.Workbook();
    try {
      // Absolute relationship targets (openpyxl's) made relative first: ExcelJS only resolves relative ones.
      await workbook.xlsx.load(withRelativeTargets(bytes).slice().buffer);
    } catch {
      return err(openError('file.corrupt', file));
    }
    if (workbook.worksheets.length === 0) return err(openError('file.corrupt', file));
    // ExcelJS read every row height as fixed: the entry sheets' text rows are to grow again when saved.
    markEntrySheetRows(workbook);
    return ok(new ExcelJsPort(workbook, file));
  },
};
