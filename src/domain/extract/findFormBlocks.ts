import { invariant } from '../result';
import { parseMetaCell, type MetaFieldCell, type SheetMeta } from '../template/sheetMeta';
import type { LabelMatcher } from './formLabels';
import { indexLabels, type LabelCell, type LabelIndex } from './labelIndex';
import { findPreviousHeadings, inPreviousColumn, type PreviousColumn } from './previousColumn';
import type { SheetGrid } from './sheetGrid';

export interface MetaCell {
  readonly row: number;
  readonly column: number;
  readonly meta: SheetMeta;
  /** Which field's value the builder put in which cell (metadata written before the list has none). */
  readonly fieldCells?: readonly MetaFieldCell[];
}

/** One 取組項目 form: from its 取組項目 label row down to the next form's (exclusive). */
export interface FormBlock {
  readonly top: number;
  readonly end: number;
  /**
   * The first row whose stray text this form answers for: 0 for the sheet's first form (a note typed in a
   * row inserted above it is not dropped silently), else its top.
   */
  readonly start: number;
  readonly item: LabelCell;
  /** The block's label cells in reading order, without labels repeated by an unrecorded merge. */
  readonly labels: readonly LabelCell[];
  /** The metadata cell for this form: in its rows, or (first form) anywhere above it. */
  readonly meta?: MetaCell;
}

export interface SheetLayout {
  readonly index: LabelIndex;
  readonly blocks: readonly FormBlock[];
  readonly metas: readonly MetaCell[];
  /** 前年度 columns (a rollover's last-year values): skipped as labels and values, read as `previous`. */
  readonly previous: readonly PreviousColumn[];
}

/** A block is a form when it holds the labels of at least this many different fields. */
const MIN_FIELD_LABELS = 2;

/**
 * Split a sheet into 取組項目 forms. Every 取組項目 label row starts a form (the seed report is one long
 * document of forms one below another); a 取組項目 label with fewer than two field labels below it is not
 * a form and does not split the one it sits in. Metadata cells (parseSheetMeta) are found anywhere.
 */
export function findFormBlocks(grid: SheetGrid, match: LabelMatcher): SheetLayout {
  const metas: MetaCell[] = [];
  for (let row = 0; row < grid.rowCount; row++)
    for (let column = 0; column < grid.columnCount(row); column++) {
      const parsed = parseMetaCell(grid.text(row, column).trim());
      if (parsed) metas.push({ row, column, ...parsed });
    }
  const isMeta = (row: number, column: number) => metas.some((m) => m.row === row && m.column === column);
  let index = indexLabels(grid, match, isMeta);
  // A 前年度 heading counts only above the sheet's first 取組項目 label (text typed in a form is an answer);
  // its column is then indexed again without it, so that an empty cell never reads last year's value.
  let firstItem = Infinity;
  for (const l of index.labels) if (l.role.kind === 'item' && l.row < firstItem) firstItem = l.row;
  const previous = findPreviousHeadings(grid).filter((h) => h.row < firstItem);
  if (previous.length > 0) {
    const isPrevious = inPreviousColumn(previous);
    index = indexLabels(grid, match, (row, column) => isMeta(row, column) || isPrevious(row, column));
  }
  const labels = index.labels.filter((l) => !index.isRepeat(l));

  // The item labels' rows, in reading order: ascending, each once.
  let tops: number[] = [];
  for (const l of labels) if (l.role.kind === 'item' && tops[tops.length - 1] !== l.row) tops.push(l.row);
  for (;;) {
    const kept = tops.filter(
      (top, i) => fieldCount(labels, top, tops[i + 1] ?? grid.rowCount) >= MIN_FIELD_LABELS,
    );
    if (kept.length === tops.length) break;
    tops = kept;
  }

  const blocks = tops.map((top, i): FormBlock => {
    const end = tops[i + 1] ?? grid.rowCount;
    const inBlock = labels.filter((l) => l.row >= top && l.row < end);
    const item = inBlock.find((l) => l.row === top && l.role.kind === 'item');
    invariant(item, 'a block starts at a 取組項目 label');
    const metaFrom = i === 0 ? 0 : top;
    const meta = metas.find((m) => m.row >= metaFrom && m.row < end);
    return { top, end, start: i === 0 ? 0 : top, item, labels: inBlock, ...(meta && { meta }) };
  });
  return { index, blocks, metas, previous };
}

/** How many different fields have a label in the rows from top to end (exclusive). */
function fieldCount(labels: readonly LabelCell[], top: number, end: number): number {
  const keys = new Set<string>();
  for (const l of labels) if (l.row >= top && l.row < end && l.role.kind === 'field') keys.add(l.role.key);
  return keys.size;
}
