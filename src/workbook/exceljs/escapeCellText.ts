import type { Workbook } from 'exceljs';
/**
 * Text for a cell as ExcelJS must be given it to come back unchanged. SpreadsheetML escapes characters XML
 * cannot hold as `_xHHHH_`, and readers (Excel, and ExcelJS itself) decode that pattern when they read a
 * string; ExcelJS does not escape when it writes. So a department's `_x0041_` would come back as `A`, and a
 * control character would be dropped. Escape as Excel does: a literal `_xHHHH_` gets its underscore written
 * as `_x005F_`, and a control character (other than tab and line feed) becomes `_xHHHH_`.
 */
/** An underscore that starts `_xHHHH_` (a lookahead: `_x005f_x0041_` holds two, sharing an underscore). */
const ESCAPE_LIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const hex4 = (c: string): string => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

export const escapeCellText = (text: string): string =>
  text.replace(ESCAPE_LIKE, '_x005F_').replace(NOT_IN_XML, (c) => `_x${hex4(c)}_`);

/**
 * Escape every text cell of the workbook (plain and rich text) as Excel would write it, for one save: the
 * returned function puts the texts back, so the workbook in memory keeps reading as written. Texts loaded
 * from a file were decoded by ExcelJS and need the same escaping to be saved unchanged.
 */
export function escapeForSave(workbook: Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const ws of workbook.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged area's other cells show its top-left cell's value: escape that one only, once.
        if (cell.master !== cell) return;
        const value = cell.value;
        if (typeof value === 'string') {
          const escaped = escapeCellText(value);
          if (escaped !== value) {
            cell.value = escaped;
            undo.push(() => (cell.value = value));
          }
        } else if (value && typeof value === 'object' && 'richText' in value) {
          const runs = value.richText.map((run) => ({ ...run, text: escapeCellText(run.text) }));
          if (runs.some((run, i) => run.text !== value.richText[i]?.text)) {
            cell.value = { ...value, richText: runs };
            undo.push(() => (cell.value = value));
          }
        }
      }),
    );
  return () => undo.forEach((restore) => restore());
}
