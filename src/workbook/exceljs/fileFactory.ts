import type { WorkbookSpec } from '../../domain/template/sheetSpec';
import type { FileWorkbookFactory, FileWorkbookPort } from '../port';
import { SpecWorkbookPort } from '../xlsx/specWorkbookPort';
import { excelJsFactory } from './excelJsFactory';

/**
 * The pane's factory for files (file mode, in its worker). A new empty workbook — the one the pane
 * consolidates into, writes a 体系 into or runs its self-test in — is held as specs and written by the own
 * spec writer (SpecWorkbookPort, writeXlsx), the writer the CLI writes a new master with: one writer for new
 * masters, and no workbook model for thousands of report sheets. A workbook created from a spec (a
 * department workbook, the master template file) and an existing file still go through ExcelJS, as in the
 * CLI's build command and for a master 総務課 has edited.
 */
export const fileFactory: FileWorkbookFactory = {
  create: (spec?: WorkbookSpec): Promise<FileWorkbookPort> =>
    spec ? excelJsFactory.create(spec) : SpecWorkbookPort.create(),
  open: (bytes, file) => excelJsFactory.open(bytes, file),
};
