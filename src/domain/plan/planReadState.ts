import type { Finding } from '../finding';
import type { DepartmentOccurrence } from './nearDepartmentNames';
import type { GridCell } from './parsePlanGrid';
import type { Assignment } from './types';

export interface Columns {
  readonly basic: number;
  readonly promotion: number;
  readonly item: number;
  readonly departments: number;
}

// Mutable builders, frozen into the Readonly domain types at the end.
export interface ItemB {
  number: number;
  title: string;
  assignment: Assignment;
}
export interface GroupB {
  number: number;
  title: string;
  items: ItemB[];
  row: number;
}
export interface PromotionB {
  number: number;
  title: string;
  groups: GroupB[];
  row: number;
}
export interface BasicB {
  number: number;
  title: string;
  promotions: PromotionB[];
}

export const text = (cell: GridCell): string =>
  (cell === null || cell === undefined ? '' : String(cell)).trim();

/** What reading the rows so far has built, and where the next group or item goes. */
export interface ReadState {
  readonly columns: Columns;
  readonly report: (
    code: string,
    severity: Finding['severity'],
    message: string,
    row: number,
    column: number,
  ) => void;
  readonly basics: BasicB[];
  /** Departments of the 実践課一覧 row. */
  readonly listed: string[];
  /** Every department name as written, for near-name warnings. */
  readonly written: DepartmentOccurrence[];
  basic?: BasicB;
  promotion?: PromotionB;
  group?: GroupB;
}

/** Add a numbered node after its siblings, unless its number is taken; a gap in the numbers is a warning. */
export function addNumbered<T extends { number: number }>(
  state: ReadState,
  siblings: T[],
  node: T,
  what: string,
  row: number,
  column: number,
): boolean {
  if (siblings.some((s) => s.number === node.number)) {
    state.report(
      'plan.duplicate-number',
      'error',
      `${what}の番号「${node.number}」が重複しています。番号を振り直してください。`,
      row,
      column,
    );
    return false;
  }
  const last = siblings[siblings.length - 1];
  const expected = (last?.number ?? 0) + 1;
  if (node.number !== expected)
    state.report(
      'plan.number-gap',
      'warning',
      `${what}の番号が「${expected}」ではなく「${node.number}」になっています。抜けや順番を確認してください。`,
      row,
      column,
    );
  siblings.push(node);
  return true;
}
