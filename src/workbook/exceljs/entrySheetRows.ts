import type { Workbook } from 'exceljs';
import { STANDARD_FORM, type FormDefinition } from '../../domain/entry/formDefinition';
import { entryAutoHeightRows } from '../../domain/template/buildEntrySheet';
import { META_COLUMN, META_ROW, parseSheetMeta, type SheetMeta } from '../../domain/template/sheetMeta';
import { markAutoHeightRows } from './autoHeightRows';
import { cellValueOf } from './snapshotValue';

/** The forms whose layout this writer knows, by the id the metadata cell names. */
const FORMS: readonly FormDefinition[] = [STANDARD_FORM];
const formOf = (meta: SheetMeta): FormDefinition | undefined => FORMS.find((f) => f.id === meta.formId);

/**
 * ExcelJS does not keep a row's missing customHeight when it opens a file: it reads the height and writes
 * it back fixed, so an entry sheet saved again (cells marked in file mode, a master updated by the CLI)
 * would stop growing with its text. Every entry sheet it recognises by its metadata cell gets its text
 * rows marked again — the rows the builder marks — so they are written without customHeight.
 */
export function markEntrySheetRows(workbook: Workbook): void {
  for (const ws of workbook.worksheets) {
    const text = cellValueOf(ws.findCell(META_ROW + 1, META_COLUMN + 1)?.value);
    const meta = typeof text === 'string' ? parseSheetMeta(text) : undefined;
    const form = meta && formOf(meta);
    if (form)
      markAutoHeightRows(
        ws,
        entryAutoHeightRows(form).map((row) => row + 1),
      );
  }
}
