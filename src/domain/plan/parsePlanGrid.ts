import { cellAddress } from '../cellAddress';
import { finding, type Finding, type Place } from '../finding';
import { normalizeKey } from '../text/normalizeKey';
import { freezePlan } from './freezePlan';
import { findNearDepartmentNames } from './nearDepartmentNames';
import { text, type Columns, type ReadState } from './planReadState';
import { readPlanRow } from './readPlanRow';
import type { Plan } from './types';

export type GridCell = string | number | null | undefined;
export type Grid = readonly (readonly GridCell[])[];

export { DEPARTMENT_LIST_LABEL } from './readPlanRow';

export interface ParsePlanOptions {
  /** Named in findings. */
  readonly file?: string;
  readonly sheet?: string;
}

export interface ParsedPlan {
  readonly plan: Plan;
  readonly findings: readonly Finding[];
}

const DEFAULT_COLUMNS: Columns = { basic: 0, promotion: 1, item: 2, departments: 3 };

function findHeader(grid: Grid): { row: number; columns: Columns } | undefined {
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const keys = (grid[r] ?? []).map((c) => normalizeKey(text(c)));
    const basic = keys.findIndex((k) => k === '基本項目');
    const promotion = keys.findIndex((k) => k === '推進項目');
    const item = keys.findIndex((k) => k === '取組項目');
    const departments = keys.findIndex((k) => k.startsWith('実践課'));
    if (basic >= 0 && promotion >= 0 && item >= 0 && departments >= 0)
      return { row: r, columns: { basic, promotion, item, departments } };
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
  const state: ReadState = {
    columns,
    report: (code, severity, message, row, column) =>
      findings.push(finding(code, severity, message, place(row, column))),
    basics: [],
    listed: [],
    written: [],
  };

  const start = header ? header.row + 1 : 0;
  for (let r = start; r < grid.length; r++) readPlanRow(state, grid[r] ?? [], r);

  reportEmptyLevels(state);
  reportNearDepartmentNames(state);
  if (state.basics.length === 0)
    state.report(
      'plan.empty',
      'error',
      '体系の表に基本項目が見つかりません。「基本項目・推進項目・取組項目・実践課【とりまとめ課】」の見出しと行を確認してください。',
      start,
      columns.basic,
    );

  findings.sort(
    (a, b) => (a.place.row ?? 0) - (b.place.row ?? 0) || (a.place.column ?? 0) - (b.place.column ?? 0),
  );
  return { plan: freezePlan(state.basics, state.listed), findings };
}

/** A 推進項目 without groups, or a group without items, is a warning. */
function reportEmptyLevels({ basics, columns, report }: ReadState): void {
  for (const b of basics)
    for (const p of b.promotions) {
      if (p.groups.length === 0)
        report(
          'plan.empty-level',
          'warning',
          `推進項目「${p.title}」に取組項目がありません。`,
          p.row,
          columns.promotion,
        );
      for (const g of p.groups)
        if (g.items.length === 0)
          report(
            'plan.empty-level',
            'warning',
            `取組項目のグループ「${g.title}」に (1) などの項目がありません。`,
            g.row,
            columns.item,
          );
    }
}

/** A department name written once, close to another one, may be a typo. */
function reportNearDepartmentNames({ written, report }: ReadState): void {
  for (const d of findNearDepartmentNames(written))
    report(
      'plan.near-department-name',
      'warning',
      `実践課「${d.name}」は体系でここだけに書かれ、よく似た${d.near.map((n) => `「${n}」`).join('')}がほかにあります。同じ課なら名前をそろえてください（別の課なら、このままで構いません）。`,
      d.row,
      d.column,
    );
}
