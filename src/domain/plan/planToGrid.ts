import { DEPARTMENT_LIST_LABEL } from './parsePlanGrid';
import { basicLabel, formatAssignment, groupLabel, itemLabel, promotionLabel } from './planItems';
import type { Plan } from './types';

export const PLAN_GRID_HEADER = ['基本項目', '推進項目', '取組項目', '実践課【とりまとめ課】'] as const;

/** Departments in order of first appearance in the items (coordinators included). */
export function departmentsInItemOrder(plan: Plan): readonly string[] {
  const seen: string[] = [];
  for (const b of plan.basics)
    for (const p of b.promotions)
      for (const g of p.groups)
        for (const i of g.items)
          for (const d of i.assignment.kind === 'all' ? [i.assignment.coordinator] : i.assignment.departments)
            if (!seen.includes(d)) seen.push(d);
  return seen;
}

/**
 * The 体系 as the seed's four-column table: a level's label only on its first row, groups and items
 * in the 取組項目 column. A 実践課一覧 row is added when the plan's department list says more than
 * the items do (a department that only contributes to 全課 items, or another order).
 */
export function planToGrid(plan: Plan): string[][] {
  const rows: string[][] = [[...PLAN_GRID_HEADER]];
  for (const basic of plan.basics) {
    let basicCell = basicLabel(basic);
    for (const promotion of basic.promotions) {
      let promotionCell = promotionLabel(promotion);
      for (const group of promotion.groups) {
        rows.push([basicCell, promotionCell, groupLabel(group), '']);
        basicCell = '';
        promotionCell = '';
        for (const item of group.items)
          rows.push(['', '', itemLabel(item), formatAssignment(item.assignment)]);
      }
      if (promotion.groups.length === 0) {
        rows.push([basicCell, promotionCell, '', '']);
        basicCell = '';
      }
    }
    if (basic.promotions.length === 0) rows.push([basicCell, '', '', '']);
  }
  const derived = departmentsInItemOrder(plan);
  const same =
    derived.length === plan.departments.length && derived.every((d, i) => plan.departments[i] === d);
  if (!same) rows.push([DEPARTMENT_LIST_LABEL, '', '', plan.departments.join(' ')]);
  return rows;
}
