import type { Workbook } from 'exceljs';
import { escapeCellText } from '../escapeCellText';

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
