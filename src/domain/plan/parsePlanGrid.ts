import { cellAddress } from '../cellAddress';
import { finding, type Finding, type Place } from '../finding';
import { parseLeadingToken } from '../text/hierarchyToken';
import { normalizeKey } from '../text/normalizeKey';
import { findNearDepartmentNames, type DepartmentOccurrence } from './nearDepartmentNames';
import { parseDepartments } from './parseDepartments';
import { itemCode } from './planItems';
import type { Assignment, Basic, Group, Item, Plan, Promotion } from './types';

export type GridCell = string | number | null | undefined;
export type Grid = readonly (readonly GridCell[])[];

export interface ParsePlanOptions {
  /** Named in findings. */
  readonly file?: string;
  readonly sheet?: string;
}

export interface ParsedPlan {
  readonly plan: Plan;
  readonly findings: readonly Finding[];
}

/** The row that lists every department of the plan (optional; written by planToGrid when needed). */
export const DEPARTMENT_LIST_LABEL = '実践課一覧';

interface Columns {
  readonly basic: number;
  readonly promotion: number;
  readonly item: number;
  readonly departments: number;
}

const DEFAULT_COLUMNS: Columns = { basic: 0, promotion: 1, item: 2, departments: 3 };

// Mutable builders, frozen into the Readonly domain types at the end.
interface ItemB { number: number; title: string; assignment: Assignment }
interface GroupB { number: number; title: string; items: ItemB[]; row: number }
interface PromotionB { number: number; title: string; groups: GroupB[]; row: number }
interface BasicB { number: number; title: string; promotions: PromotionB[] }

const text = (cell: GridCell): string => (cell === null || cell === undefined ? '' : String(cell)).trim();

function findHeader(grid: Grid): { row: number; columns: Columns } | undefined {
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const keys = (grid[r] ?? []).map((c) => normalizeKey(text(c)));
    const basic = keys.findIndex((k) => k === '基本項目');
    const promotion = keys.findIndex((k) => k === '推進項目');
    const item = keys.findIndex((k) => k === '取組項目');
    const departments = keys.findIndex((k) => k.startsWith('実践課'));
    if (basic >= 0 && promotion >= 0 && item >= 0 && departments >= 0) return { row: r, columns: { basic, promotion, item, departments } };
  }
  return undefined;
}

/**
 * Read a 体系 table given as rows of cells: the seed's four columns 基本項目 / 推進項目 / 取組項目 /
 * 実践課【とりまとめ課】, where a level's cell is blank when it repeats, and group (①) and item ((1))
 * labels share the 取組項目 column. Bad input yields findings with row and column, never an exception.
 */
export function parsePlanGrid(grid: Grid, options: ParsePlanOptions = {}): ParsedPlan {
  const findings: Finding[] = [];
  const header = findHeader(grid);
  const columns = header?.columns ?? DEFAULT_COLUMNS;
  const place = (row: number, column: number): Place => ({
    ...(options.file !== undefined && { file: options.file }),
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    row,
    column,
    cell: cellAddress(row, column),
  });
  const report = (code: string, severity: Finding['severity'], message: string, row: number, column: number) =>
    findings.push(finding(code, severity, message, place(row, column)));

  const basics: BasicB[] = [];
  const listed: string[] = [];
  const written: DepartmentOccurrence[] = [];
  let basic: BasicB | undefined;
  let promotion: PromotionB | undefined;
  let group: GroupB | undefined;

  const addNumbered = <T extends { number: number }>(siblings: T[], node: T, what: string, row: number, column: number): boolean => {
    if (siblings.some((s) => s.number === node.number)) {
      report('plan.duplicate-number', 'error', `${what}の番号「${node.number}」が重複しています。番号を振り直してください。`, row, column);
      return false;
    }
    const last = siblings[siblings.length - 1];
    const expected = (last?.number ?? 0) + 1;
    if (node.number !== expected)
      report('plan.number-gap', 'warning', `${what}の番号が「${expected}」ではなく「${node.number}」になっています。抜けや順番を確認してください。`, row, column);
    siblings.push(node);
    return true;
  };

  const addItem = (number: number, title: string, departmentsCell: string, row: number) => {
    if (!group) {
      report('plan.missing-level', 'error', `取組項目「${title}」の上に取組項目のグループ（①など）がありません。`, row, columns.item);
      return;
    }
    const parsed = parseDepartments(departmentsCell);
    let assignment: Assignment = { kind: 'departments', departments: [] };
    if (parsed.ok) {
      assignment = parsed.assignment;
      const names = assignment.kind === 'all' ? [assignment.coordinator] : assignment.departments;
      for (const name of names) written.push({ name, row, column: columns.departments });
    }
    else if (parsed.reason === 'empty')
      report('plan.item-without-department', 'error', `取組項目「${title}」に実践課がありません。実践課【とりまとめ課】の列に課名を入力してください。`, row, columns.departments);
    else
      report('plan.all-without-coordinator', 'error', `「全課」にはとりまとめ課が必要です。「全課【総務課】」のように入力してください。`, row, columns.departments);
    addNumbered(group.items, { number, title, assignment }, '取組項目', row, columns.item);
  };

  const start = header ? header.row + 1 : 0;
  for (let r = start; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const basicCell = text(cells[columns.basic]);
    const promotionCell = text(cells[columns.promotion]);
    const itemCell = text(cells[columns.item]);
    const departmentsCell = text(cells[columns.departments]);
    if (!cells.some((c) => text(c) !== '')) continue;

    if (normalizeKey(basicCell) === DEPARTMENT_LIST_LABEL) {
      const parsed = parseDepartments(cells.slice(columns.basic + 1).map(text).join(' '));
      if (parsed.ok && parsed.assignment.kind === 'departments') {
        listed.push(...parsed.assignment.departments);
        for (const name of parsed.assignment.departments) {
          const column = cells.findIndex((c, i) => i > columns.basic && text(c).includes(name));
          written.push({ name, row: r, column: column < 0 ? columns.basic + 1 : column });
        }
      }
      continue;
    }

    if (basicCell !== '') {
      const token = parseLeadingToken(basicCell, ['roman']);
      if (!token) {
        report('plan.unknown-token', 'error', `基本項目「${basicCell}」の先頭に I、II などの番号がありません。`, r, columns.basic);
      } else {
        const node: BasicB = { number: token.value, title: token.rest, promotions: [] };
        if (addNumbered(basics, node, '基本項目', r, columns.basic)) {
          basic = node;
          promotion = undefined;
          group = undefined;
        }
      }
    }

    if (promotionCell !== '') {
      const token = parseLeadingToken(promotionCell, ['number']);
      if (!token) report('plan.unknown-token', 'error', `推進項目「${promotionCell}」の先頭に 1、2 などの番号がありません。`, r, columns.promotion);
      else if (!basic) report('plan.missing-level', 'error', `推進項目「${promotionCell}」の上に基本項目がありません。`, r, columns.promotion);
      else {
        const node: PromotionB = { number: token.value, title: token.rest, groups: [], row: r };
        if (addNumbered(basic.promotions, node, '推進項目', r, columns.promotion)) {
          promotion = node;
          group = undefined;
        }
      }
    }

    if (itemCell === '') {
      if (departmentsCell !== '')
        report('plan.department-without-item', 'error', `実践課「${departmentsCell}」に対応する取組項目がありません。`, r, columns.departments);
      continue;
    }

    const token = parseLeadingToken(itemCell, ['circled', 'paren']);
    if (!token) {
      report('plan.unknown-token', 'error', `取組項目「${itemCell}」の先頭に ①（グループ）または (1)（項目）の番号がありません。`, r, columns.item);
      continue;
    }
    if (token.kind === 'paren') {
      addItem(token.value, token.rest, departmentsCell, r);
      continue;
    }
    // A circled number: a group, unless the row carries departments (the print's `②` for `(2)`).
    const inner = parseInlineItem(token.rest);
    if (departmentsCell !== '' && !inner && group) {
      report('plan.circled-item', 'info', `「${itemCell}」は実践課があるため、(${token.value}) の取組項目として読みました。`, r, columns.item);
      addItem(token.value, token.rest, departmentsCell, r);
      continue;
    }
    if (!promotion) {
      report('plan.missing-level', 'error', `取組項目「${itemCell}」の上に推進項目がありません。`, r, columns.item);
      continue;
    }
    const node: GroupB = { number: token.value, title: inner ? inner.groupTitle : token.rest, items: [], row: r };
    if (addNumbered(promotion.groups, node, '取組項目のグループ', r, columns.item)) group = node;
    // `① group (1) item` in one cell: the group and its first item.
    if (inner) addItem(inner.number, inner.title, departmentsCell, r);
    else if (departmentsCell !== '' && !group)
      report('plan.department-without-item', 'error', `実践課「${departmentsCell}」に対応する取組項目がありません。`, r, columns.departments);
  }

  for (const b of basics)
    for (const p of b.promotions) {
      if (p.groups.length === 0) report('plan.empty-level', 'warning', `推進項目「${p.title}」に取組項目がありません。`, p.row, columns.promotion);
      for (const g of p.groups)
        if (g.items.length === 0) report('plan.empty-level', 'warning', `取組項目のグループ「${g.title}」に (1) などの項目がありません。`, g.row, columns.item);
    }
  for (const d of findNearDepartmentNames(written))
    report(
      'plan.near-department-name',
      'warning',
      `実践課「${d.name}」は体系でここだけに書かれ、よく似た${d.near.map((n) => `「${n}」`).join('')}がほかにあります。同じ課なら名前をそろえてください（別の課なら、このままで構いません）。`,
      d.row,
      d.column,
    );
  if (basics.length === 0)
    report('plan.empty', 'error', '体系の表に基本項目が見つかりません。「基本項目・推進項目・取組項目・実践課【とりまとめ課】」の見出しと行を確認してください。', start, columns.basic);

  findings.sort((a, b) => (a.place.row ?? 0) - (b.place.row ?? 0) || (a.place.column ?? 0) - (b.place.column ?? 0));
  return { plan: freeze(basics, listed), findings };
}

function parseInlineItem(rest: string): { groupTitle: string; number: number; title: string } | undefined {
  const m = /^(.*?)[\s\u3000]+((?:[(（][0-9０-９]{1,3}[)）]|[\u2474-\u2487]).*)$/u.exec(rest);
  if (!m?.[1] || !m[2]) return undefined;
  const token = parseLeadingToken(m[2], ['paren']);
  return token ? { groupTitle: m[1].trim(), number: token.value, title: token.rest } : undefined;
}

function freeze(basics: readonly BasicB[], listed: readonly string[]): Plan {
  const frozen: Basic[] = basics.map((b) => ({
    number: b.number,
    title: b.title,
    promotions: b.promotions.map(
      (p): Promotion => ({
        number: p.number,
        title: p.title,
        groups: p.groups.map(
          (g): Group => ({
            number: g.number,
            title: g.title,
            items: g.items.map((i): Item => ({ code: itemCode(b.number, p.number, g.number, i.number), number: i.number, title: i.title, assignment: i.assignment })),
          }),
        ),
      }),
    ),
  }));
  const departments = [...listed];
  for (const b of basics)
    for (const p of b.promotions)
      for (const g of p.groups)
        for (const i of g.items) {
          const names = i.assignment.kind === 'all' ? [i.assignment.coordinator] : i.assignment.departments;
          for (const d of names) if (!departments.includes(d)) departments.push(d);
        }
  return { basics: frozen, departments };
}
