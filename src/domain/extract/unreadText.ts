import { perObject } from '../memo';
import { cellAddress } from '../cellAddress';
import type { Plan } from '../plan/types';
import { parseSheetMeta } from '../template/sheetMeta';
import { numberToRoman, parseLeadingToken } from '../text/hierarchyToken';
import { normalizeKey } from '../text/normalizeKey';
import type { FormBlock } from './findFormBlocks';
import type { LabelIndex } from './labelIndex';
import type { BlockProblem } from './readFormBlock';
import { cellKey, type SheetGrid } from './sheetGrid';

const PREVIEW = 20;
const preview = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > PREVIEW ? `${[...flat].slice(0, PREVIEW).join('')}…` : flat;
};

/** Without a 体系: a Roman numeral or a number, then a title. */
const looksLikeHeading = (text: string): boolean => {
  const token = parseLeadingToken(text, ['roman', 'number']);
  return token !== undefined && token.rest !== '';
};

/** The 体系's headings as printed (`Ⅱ 効果的な行財政運営`, `1 行財政手法の検証`, or both in one cell), as keys. */
const planHeadingKeys = perObject(headingKeysOf);
function headingKeysOf(plan: Plan): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const b of plan.basics) {
    const basic = `${numberToRoman(b.number)} ${b.title}`;
    keys.add(normalizeKey(basic));
    for (const p of b.promotions) {
      keys.add(normalizeKey(`${p.number} ${p.title}`));
      keys.add(normalizeKey(`${basic} ${p.number} ${p.title}`));
    }
  }
  return keys;
}

/**
 * A 基本項目 / 推進項目 heading printed outside a form: `I 協働によるまちづくり`, `1 健全な財政運営`, or the
 * builder's `I 協働によるまちづくり　1 積極的な情報共有`. With the 体系, only its own headings are; without,
 * any text that starts like one.
 */
const isPlanHeading = (text: string, plan: Plan | undefined): boolean =>
  plan ? planHeadingKeys(plan).has(normalizeKey(text)) : looksLikeHeading(text);

/**
 * Text that no label reads, in the rows a form answers for: a row a department inserted inside the form
 * and typed into, a second cell typed beside a value, notes typed under the last form of a sheet or between
 * two forms, a memo typed in a row inserted above the sheet's first form. Nothing written may be dropped
 * silently, so each such cell is a warning at its address. Outside the form's own rows (its 取組項目 row to
 * its last label) the 基本項目 / 推進項目 headings printed there (the seed report's, the builder's) are not
 * text to read; nor is the metadata cell anywhere. A cell repeating its left or upper neighbour is a
 * merge's value repeated by an adapter, not text of its own.
 */
export function unreadText(
  grid: SheetGrid,
  index: LabelIndex,
  block: FormBlock,
  plan?: Plan,
  /** Cells read otherwise (cellKey): a field read by the metadata's cell map, and its label. */
  alsoRead: Iterable<number> = [],
): BlockProblem[] {
  let lastLabel = block.top;
  for (const l of block.labels) if (l.row > lastLabel) lastLabel = l.row;
  const bottom = Math.min(block.end, grid.rowCount) - 1;
  const read = new Set<number>(alsoRead);
  for (const label of index.labels) {
    if (label.row < block.start || label.row > bottom) continue;
    read.add(cellKey(label.row, label.column));
    // Only the form's own labels are read; a stray label's value above the form is not.
    const value = label.row >= block.top ? index.valueOf(label) : undefined;
    if (value) read.add(cellKey(value.row, value.column));
  }
  const problems: BlockProblem[] = [];
  for (let row = block.start; row <= bottom; row++)
    for (let column = 0; column < grid.columnCount(row); column++) {
      const text = grid.text(row, column).trim();
      if (text === '' || read.has(cellKey(row, column)) || parseSheetMeta(text)) continue;
      const inForm = row >= block.top && row <= lastLabel;
      if (!inForm && isPlanHeading(text, plan)) continue;
      // A merge the snapshot did not record repeats its value rightwards and downwards: not new text.
      if (same(grid, row, column - 1, text) || same(grid, row - 1, column, text)) continue;
      problems.push({
        code: 'extract.unread-text',
        severity: 'warning',
        cell: cellAddress(row, column),
        message: `「${preview(text)}」は、どの見出しの欄でもないため読み取っていません。内容を見出しの右の欄に移すか、不要なら削除してください。`,
      });
    }
  return problems;
}

const same = (grid: SheetGrid, row: number, column: number, text: string): boolean =>
  row >= 0 && column >= 0 && grid.text(row, column).trim() === text;
