import { formatToken } from '../text/hierarchyToken';
import type { Assignee, Assignment, Basic, Group, Item, Plan, PlanItem, Promotion } from './types';

/** Every item in 体系 order, with its ancestors. */
export function planItems(plan: Plan): readonly PlanItem[] {
  const out: PlanItem[] = [];
  for (const basic of plan.basics)
    for (const promotion of basic.promotions)
      for (const group of promotion.groups)
        for (const item of group.items)
          out.push({ code: item.code, basic, promotion, group, item, index: out.length });
  return out;
}

export const itemCode = (basic: number, promotion: number, group: number, item: number): string =>
  `${formatToken('roman', basic)}-${promotion}-${group}-${item}`;

export const basicLabel = (b: Basic): string => `${formatToken('roman', b.number)} ${b.title}`;
export const promotionLabel = (p: Promotion): string => `${formatToken('number', p.number)} ${p.title}`;
export const groupLabel = (g: Group): string => `${formatToken('circled', g.number)} ${g.title}`;
export const itemLabel = (i: Item): string => `${formatToken('paren', i.number)} ${i.title}`;
/** The 取組項目 cell of a sheet, as the seed prints it: `① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施`. */
export const fullItemLabel = (p: PlanItem): string => `${groupLabel(p.group)} ${itemLabel(p.item)}`;

/** The 実践課 cell: `町民生活課 建設水道課` or `全課【総務課】`. */
export function formatAssignment(a: Assignment): string {
  return a.kind === 'all' ? `全課【${a.coordinator}】` : a.departments.join(' ');
}

/** The department that compiles the item's sheets: 全課 → coordinator, otherwise none. */
export const coordinatorOf = (a: Assignment): string | undefined =>
  a.kind === 'all' ? a.coordinator : undefined;

/**
 * A department's part of a 全課 item (not the coordinator's own sheet): the coordinator owns 目指す姿, 目標 and
 * the achievement; a contributing department writes only what it did, and may leave the sheet blank.
 */
export const isContributionOf = (a: Assignment, department: string): boolean =>
  a.kind === 'all' && a.coordinator !== department;

/** Does this department owe a sheet for the item (全課: every department of the plan contributes)? */
export function isAssigned(plan: Plan, item: Item, department: string): boolean {
  return item.assignment.kind === 'all'
    ? plan.departments.includes(department) || item.assignment.coordinator === department
    : item.assignment.departments.includes(department);
}

/** Item × department pairs in 体系 order; 全課 counts once, for its coordinator. */
export function planAssignees(plan: Plan): readonly Assignee[] {
  return planItems(plan).flatMap(({ code, item }) =>
    item.assignment.kind === 'all'
      ? [{ code, department: item.assignment.coordinator }]
      : item.assignment.departments.map((department) => ({ code, department })),
  );
}

/** The items a department's workbook holds, in 体系 order: its own, plus every 全課 item. */
export function itemsForDepartment(plan: Plan, department: string): readonly PlanItem[] {
  return planItems(plan).filter((p) => isAssigned(plan, p.item, department));
}

export interface PlanCounts {
  readonly basics: number;
  readonly promotions: number;
  readonly groups: number;
  readonly items: number;
  readonly assignees: number;
  readonly departments: number;
}

export function planCounts(plan: Plan): PlanCounts {
  const promotions = plan.basics.flatMap((b) => b.promotions);
  const groups = promotions.flatMap((p) => p.groups);
  return {
    basics: plan.basics.length,
    promotions: promotions.length,
    groups: groups.length,
    items: groups.reduce((n, g) => n + g.items.length, 0),
    assignees: planAssignees(plan).length,
    departments: plan.departments.length,
  };
}
