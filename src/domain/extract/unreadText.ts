import { cellAddress } from '../cellAddress';
import { parseSheetMeta } from '../template/sheetMeta';
import type { FormBlock } from './findFormBlocks';
import type { LabelIndex } from './labelIndex';
import type { BlockProblem } from './readFormBlock';
import type { SheetGrid } from './sheetGrid';

const PREVIEW = 20;
const preview = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > PREVIEW ? `${[...flat].slice(0, PREVIEW).join('')}…` : flat;
};

/**
 * Text inside a form that no label reads: a row a department inserted inside the form and typed into, a
 * second cell typed beside a value, notes typed under the last form of a sheet. Nothing written may be
 * dropped silently, so each such cell is a warning at its address. The rows scanned are the form's own —
 * from its 取組項目 row to its last label (to the end of the sheet for the sheet's last form) — so the
 * headings printed between forms (the seed report's 基本項目 / 推進項目 lines) are not text to read. A cell
 * repeating its left or upper neighbour is a merge's value repeated by an adapter, not text of its own.
 */
export function unreadText(grid: SheetGrid, index: LabelIndex, block: FormBlock): BlockProblem[] {
  const lastLabel = Math.max(block.top, ...block.labels.map((l) => l.row));
  const bottom = block.end >= grid.rowCount ? grid.rowCount - 1 : lastLabel;
  const read = new Set<string>();
  for (const label of index.labels) {
    if (label.row < block.top || label.row > bottom) continue;
    read.add(`${label.row},${label.column}`);
    const value = index.valueOf(label);
    if (value) read.add(`${value.row},${value.column}`);
  }
  const same = (row: number, column: number, text: string): boolean =>
    row >= 0 && column >= 0 && grid.text(row, column).trim() === text;
  const problems: BlockProblem[] = [];
  for (let row = block.top; row <= bottom; row++)
    for (let column = 0; column < grid.columnCount(row); column++) {
      const text = grid.text(row, column).trim();
      if (text === '' || read.has(`${row},${column}`) || parseSheetMeta(text)) continue;
      // A merge the snapshot did not record repeats its value rightwards and downwards: not new text.
      if (same(row, column - 1, text) || same(row - 1, column, text)) continue;
      problems.push({
        code: 'extract.unread-text',
        severity: 'warning',
        cell: cellAddress(row, column),
        message: `「${preview(text)}」は、どの見出しの欄でもないため読み取っていません。内容を見出しの右の欄に移すか、不要なら削除してください。`,
      });
    }
  return problems;
}
