import { fieldText } from '../entry/types';
import { achievementValue } from '../entry/achievement';
import { basicLabel, promotionLabel } from '../plan/planItems';
import type { Plan } from '../plan/types';
import type { AchievementCounts, AchievementGroup, AchievementSummary, MasterRow } from './types';

const ZERO: AchievementCounts = { achieved: 0, partial: 0, notAchieved: 0, blank: 0 };

function add(c: AchievementCounts, row: MasterRow): AchievementCounts {
  switch (row.entry ? achievementValue(fieldText(row.entry.fields, 'achievement')) : undefined) {
    case '達成できた':
      return { ...c, achieved: c.achieved + 1 };
    case '一部達成できた':
      return { ...c, partial: c.partial + 1 };
    case '達成できなかった':
      return { ...c, notAchieved: c.notAchieved + 1 };
    default:
      return { ...c, blank: c.blank + 1 };
  }
}

export const totalOf = (c: AchievementCounts): number => c.achieved + c.partial + c.notAchieved + c.blank;

/** 達成できた / 一部達成できた / 達成できなかった / 未記入 (incl. 未提出) by 基本項目, 推進項目 and department. */
export function summarizeAchievement(plan: Plan, rows: readonly MasterRow[]): AchievementSummary {
  const inPlan = rows.filter((r) => r.status !== 'flagged' && r.planItem);
  const group = (labels: readonly string[], labelOf: (r: MasterRow) => string): AchievementGroup[] =>
    labels.map((label) => ({ label, counts: inPlan.filter((r) => labelOf(r) === label).reduce(add, ZERO) }));
  return {
    total: inPlan.reduce(add, ZERO),
    byBasic: group(plan.basics.map(basicLabel), (r) => basicLabel(r.planItem!.basic)),
    byPromotion: group(
      plan.basics.flatMap((b) => b.promotions.map((p) => `${basicLabel(b)} / ${promotionLabel(p)}`)),
      (r) => `${basicLabel(r.planItem!.basic)} / ${promotionLabel(r.planItem!.promotion)}`,
    ),
    byDepartment: group(plan.departments, (r) => r.department).filter((g) => totalOf(g.counts) > 0),
  };
}
