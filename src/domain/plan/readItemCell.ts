import { parseLeadingToken } from '../text/hierarchyToken';
import { parseDepartments } from './parseDepartments';
import { addNumbered, type GroupB, type ReadState } from './planReadState';
import type { Assignment } from './types';

/** The 取組項目 cell: an item `(1)`, a group `①`, or a group and its first item in one cell. */
export function readItemCell(state: ReadState, itemCell: string, departmentsCell: string, r: number): void {
  const { columns } = state;
  const token = parseLeadingToken(itemCell, ['circled', 'paren']);
  if (!token) {
    state.report(
      'plan.unknown-token',
      'error',
      `取組項目「${itemCell}」の先頭に ①（グループ）または (1)（項目）の番号がありません。`,
      r,
      columns.item,
    );
    return;
  }
  if (token.kind === 'paren') {
    addItem(state, token.value, token.rest, departmentsCell, r);
    return;
  }
  // A circled number: a group, unless the row carries departments (the print's `②` for `(2)`).
  const inner = parseInlineItem(token.rest);
  if (departmentsCell !== '' && !inner && state.group) {
    state.report(
      'plan.circled-item',
      'info',
      `「${itemCell}」は実践課があるため、(${token.value}) の取組項目として読みました。`,
      r,
      columns.item,
    );
    addItem(state, token.value, token.rest, departmentsCell, r);
    return;
  }
  if (!state.promotion) {
    state.report(
      'plan.missing-level',
      'error',
      `取組項目「${itemCell}」の上に推進項目がありません。`,
      r,
      columns.item,
    );
    return;
  }
  const node: GroupB = {
    number: token.value,
    title: inner ? inner.groupTitle : token.rest,
    items: [],
    row: r,
  };
  if (addNumbered(state, state.promotion.groups, node, '取組項目のグループ', r, columns.item))
    state.group = node;
  // `① group (1) item` in one cell: the group and its first item.
  if (inner) addItem(state, inner.number, inner.title, departmentsCell, r);
  else if (departmentsCell !== '' && !state.group)
    state.report(
      'plan.department-without-item',
      'error',
      `実践課「${departmentsCell}」に対応する取組項目がありません。`,
      r,
      columns.departments,
    );
}

/** An item of the current group, with its 実践課 read from the departments cell. */
function addItem(
  state: ReadState,
  number: number,
  title: string,
  departmentsCell: string,
  row: number,
): void {
  const { columns, group } = state;
  if (title.trim() === '')
    state.report(
      'plan.item-without-title',
      'warning',
      `取組項目（${number}）に名前がありません。番号のあとに取組項目の名前を入力してください（シートの取組項目の欄に、番号だけが印刷されます）。`,
      row,
      columns.item,
    );
  if (!group) {
    state.report(
      'plan.missing-level',
      'error',
      `取組項目「${title}」の上に取組項目のグループ（①など）がありません。`,
      row,
      columns.item,
    );
    return;
  }
  const parsed = parseDepartments(departmentsCell);
  let assignment: Assignment = { kind: 'departments', departments: [] };
  if (parsed.ok) {
    assignment = parsed.assignment;
    reportDotted(state, parsed.dotted, row, () => columns.departments);
    const names = assignment.kind === 'all' ? [assignment.coordinator] : assignment.departments;
    for (const name of names) state.written.push({ name, row, column: columns.departments });
  } else if (parsed.reason === 'empty')
    state.report(
      'plan.item-without-department',
      'error',
      `取組項目「${title}」に実践課がありません。実践課【とりまとめ課】の列に課名を入力してください。`,
      row,
      columns.departments,
    );
  else
    state.report(
      'plan.all-without-coordinator',
      'error',
      `「全課」にはとりまとめ課が必要です。「全課【総務課】」のように入力してください。`,
      row,
      columns.departments,
    );
  addNumbered(state, group.items, { number, title, assignment }, '取組項目', row, columns.item);
}

function parseInlineItem(rest: string): { groupTitle: string; number: number; title: string } | undefined {
  const m = /^(.*?)[\s\u3000]+((?:[(（][0-9０-９]{1,3}[)）]|[\u2474-\u2487]).*)$/u.exec(rest);
  if (!m?.[1] || !m[2]) return undefined;
  const token = parseLeadingToken(m[2], ['paren']);
  return token ? { groupTitle: m[1].trim(), number: token.value, title: token.rest } : undefined;
}

/**
 * A name read whole although it holds a 「・」 (子ども・子育て支援課), said once, where it is first written: 「・」
 * also separates departments, and the user should see which reading was taken.
 */
export function reportDotted(
  state: ReadState,
  dotted: readonly string[] | undefined,
  row: number,
  columnOf: (name: string) => number,
): void {
  for (const name of dotted ?? [])
    if (!state.written.some((w) => w.name === name))
      state.report(
        'plan.department-with-dot',
        'info',
        `「${name}」を1つの課名として読みました。2つ以上の課のときは、「、」か空白で区切ってください（「・」は、「総務課・保健福祉課」のように課名どうしの間でだけ区切りとして読みます）。`,
        row,
        columnOf(name),
      );
}
