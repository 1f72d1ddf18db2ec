import type { LabelMatcher, LabelRole } from './formLabels';
import { cellKey, type SheetGrid } from './sheetGrid';

/** A cell recognized as a form label; `right` is the last column of its merge. */
export interface LabelCell {
  readonly row: number;
  readonly column: number;
  readonly right: number;
  readonly role: LabelRole;
  readonly text: string;
}

/** A value read right of a label: multi-line text keeps its breaks (\r\n → \n) and is trimmed, nothing else. */
export interface ValueCell {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

export interface LabelIndex {
  /** Every label cell in reading order (rows top to bottom, then columns left to right). */
  readonly labels: readonly LabelCell[];
  at(row: number, column: number): LabelCell | undefined;
  /**
   * The label's value: the first non-empty cell right of the label's merge in its row, skipping cells that
   * repeat the same label (a merge whose value the adapter repeated) and cells `skip` excludes (metadata);
   * undefined when that cell is another label, or when there is none.
   */
  valueOf(label: LabelCell): ValueCell | undefined;
  /**
   * A label repeated by a merge that was not recorded: the same label directly left of it, or directly above
   * it while this one has no value of its own.
   */
  isRepeat(label: LabelCell): boolean;
}

export const readCellText = (text: string): string =>
  (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trim();

export function indexLabels(
  grid: SheetGrid,
  match: LabelMatcher,
  skip: (row: number, column: number) => boolean,
): LabelIndex {
  return new GridLabelIndex(grid, match, skip);
}

/**
 * A class, not an object of closures: every sheet of every file gets one. A label's value is looked up by
 * the form's reader, by unreadText and by isRepeat: it is found once.
 */
class GridLabelIndex implements LabelIndex {
  readonly labels: LabelCell[] = [];
  private readonly byCell = new Map<number, LabelCell>();
  private readonly values = new Map<LabelCell, ValueCell | null>();

  constructor(
    private readonly grid: SheetGrid,
    match: LabelMatcher,
    private readonly skip: (row: number, column: number) => boolean,
  ) {
    for (let row = 0; row < grid.rowCount; row++)
      for (let column = 0; column < grid.columnCount(row); column++) {
        const text = grid.text(row, column);
        if (text.trim() === '' || text.length > 40 || skip(row, column)) continue;
        const role = match(text);
        if (!role) continue;
        const cell: LabelCell = { row, column, right: grid.mergeRight(row, column), role, text };
        this.labels.push(cell);
        this.byCell.set(cellKey(row, column), cell);
      }
  }

  at(row: number, column: number): LabelCell | undefined {
    return this.byCell.get(cellKey(row, column));
  }

  valueOf(label: LabelCell): ValueCell | undefined {
    let value = this.values.get(label);
    if (value === undefined) {
      value = this.findValue(label) ?? null;
      this.values.set(label, value);
    }
    return value ?? undefined;
  }

  private findValue(label: LabelCell): ValueCell | undefined {
    const { grid } = this;
    const { row } = label;
    for (let column = label.right + 1; column < grid.columnCount(row); column++) {
      if (grid.isCovered(row, column) || this.skip(row, column)) continue;
      const text = readCellText(grid.text(row, column));
      if (text === '') continue;
      const other = this.at(row, column);
      if (other && sameRole(other, label)) continue;
      if (other) return undefined;
      return { row, column, text };
    }
    return undefined;
  }

  isRepeat(label: LabelCell): boolean {
    const left = label.column > 0 ? this.at(label.row, label.column - 1) : undefined;
    if (left && sameRole(left, label)) return true;
    const above = label.row > 0 ? this.at(label.row - 1, label.column) : undefined;
    return above !== undefined && sameRole(above, label) && this.valueOf(label) === undefined;
  }
}

/** roleName(a.role) === roleName(b.role), without making the names. */
const sameRole = ({ role: a }: LabelCell, { role: b }: LabelCell): boolean =>
  a.kind === b.kind && (a.kind !== 'field' || (b.kind === 'field' && a.key === b.key));
