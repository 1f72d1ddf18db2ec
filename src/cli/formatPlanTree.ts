import {
  basicLabel,
  formatAssignment,
  groupLabel,
  itemLabel,
  planCounts,
  promotionLabel,
} from '../domain/plan/planItems';
import type { Plan } from '../domain/plan/types';

/** `基本項目 2、推進項目 4、取組項目グループ（①）13、取組項目（(1)）21、項目×課 33、実践課 8`. */
export function formatPlanCounts(plan: Plan): string {
  const c = planCounts(plan);
  return `基本項目 ${c.basics}、推進項目 ${c.promotions}、取組項目グループ（①）${c.groups}、取組項目（(1)）${c.items}、項目×課 ${c.assignees}、実践課 ${c.departments}`;
}

/**
 * The 体系 as an indented tree, one level per two spaces; each item with its code and 実践課:
 * `      (1) 効果的な情報発信手法の研究実施  [I-1-1-1]  全課【総務課】`.
 */
export function formatPlanTree(plan: Plan): string[] {
  return plan.basics.flatMap((b) => [
    basicLabel(b),
    ...b.promotions.flatMap((p) => [
      `  ${promotionLabel(p)}`,
      ...p.groups.flatMap((g) => [
        `    ${groupLabel(g)}`,
        ...g.items.map((i) => `      ${itemLabel(i)}  [${i.code}]  ${formatAssignment(i.assignment)}`),
      ]),
    ]),
  ]);
}
