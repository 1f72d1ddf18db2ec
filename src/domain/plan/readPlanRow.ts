import { parseLeadingToken } from '../text/hierarchyToken';
import { normalizeKey } from '../text/normalizeKey';
import { parseDepartments } from './parseDepartments';
import type { GridCell } from './parsePlanGrid';
import { addNumbered, text, type BasicB, type PromotionB, type ReadState } from './planReadState';
import { readItemCell, reportDotted } from './readItemCell';

/** The row that lists every department of the plan (optional; written by planToGrid when needed). */
export const DEPARTMENT_LIST_LABEL = '実践課一覧';

/** One row of the table: the 実践課一覧, or any of a 基本項目, a 推進項目 and a group or item. */
export function readPlanRow(state: ReadState, cells: readonly GridCell[], r: number): void {
  const { columns } = state;
  const basicCell = text(cells[columns.basic]);
  const promotionCell = text(cells[columns.promotion]);
  const itemCell = text(cells[columns.item]);
  const departmentsCell = text(cells[columns.departments]);
  if (!cells.some((c) => text(c) !== '')) return;

  if (normalizeKey(basicCell) === DEPARTMENT_LIST_LABEL) {
    readDepartmentList(state, cells, r);
    return;
  }
  if (basicCell !== '') readBasic(state, basicCell, r);
  if (promotionCell !== '') readPromotion(state, promotionCell, r);
  if (itemCell === '') {
    if (departmentsCell !== '')
      state.report(
        'plan.department-without-item',
        'error',
        `実践課「${departmentsCell}」に対応する取組項目がありません。`,
        r,
        columns.departments,
      );
    return;
  }
  readItemCell(state, itemCell, departmentsCell, r);
}

/** The 実践課一覧 row: every department of the plan, with where each name is written. */
function readDepartmentList(state: ReadState, cells: readonly GridCell[], r: number): void {
  const { columns } = state;
  const parsed = parseDepartments(
    cells
      .slice(columns.basic + 1)
      .map(text)
      .join(' '),
  );
  if (parsed.ok && parsed.assignment.kind === 'departments') {
    const columnOf = (name: string): number => {
      const column = cells.findIndex((c, i) => i > columns.basic && text(c).includes(name));
      return column < 0 ? columns.basic + 1 : column;
    };
    reportDotted(state, parsed.dotted, r, columnOf);
    state.listed.push(...parsed.assignment.departments);
    for (const name of parsed.assignment.departments)
      state.written.push({ name, row: r, column: columnOf(name) });
  }
}

function readBasic(state: ReadState, basicCell: string, r: number): void {
  const token = parseLeadingToken(basicCell, ['roman']);
  if (!token) {
    state.report(
      'plan.unknown-token',
      'error',
      `基本項目「${basicCell}」の先頭に I、II などの番号がありません。`,
      r,
      state.columns.basic,
    );
  } else {
    const node: BasicB = { number: token.value, title: token.rest, promotions: [] };
    if (addNumbered(state, state.basics, node, '基本項目', r, state.columns.basic)) {
      state.basic = node;
      state.promotion = undefined;
      state.group = undefined;
    }
  }
}

function readPromotion(state: ReadState, promotionCell: string, r: number): void {
  const { columns, basic } = state;
  const token = parseLeadingToken(promotionCell, ['number']);
  if (!token)
    state.report(
      'plan.unknown-token',
      'error',
      `推進項目「${promotionCell}」の先頭に 1、2 などの番号がありません。`,
      r,
      columns.promotion,
    );
  else if (!basic)
    state.report(
      'plan.missing-level',
      'error',
      `推進項目「${promotionCell}」の上に基本項目がありません。`,
      r,
      columns.promotion,
    );
  else {
    const node: PromotionB = { number: token.value, title: token.rest, groups: [], row: r };
    if (addNumbered(state, basic.promotions, node, '推進項目', r, columns.promotion)) {
      state.promotion = node;
      state.group = undefined;
    }
  }
}
