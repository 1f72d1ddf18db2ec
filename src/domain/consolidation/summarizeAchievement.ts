import { tallyField, type FormDefinition } from '../entry/formDefinition';
import { fieldText } from '../entry/types';
import { basicLabel, promotionLabel } from '../plan/planItems';
import type { Plan } from '../plan/types';
import { choiceIndex } from './choiceIndex';
import type { AchievementCounts, AchievementGroup, AchievementSummary, MasterRow } from './types';

export const totalOf = (c: AchievementCounts): number => c.byChoice.reduce((a, b) => a + b, 0) + c.blank;

/**
 * The share of the first (best) choice: 達成率 when that choice is an 達成 (達成できた, 達成), else
 * 「順調」の割合; undefined without choices.
 */
export function firstChoiceRate(choices: readonly string[]): string | undefined {
  const first = choices[0];
  if (first === undefined) return undefined;
  return first.startsWith('達成') ? '達成率' : `「${first}」の割合`;
}

/** 目標の達成状況 for R2: the 集計 field's label + 状況 (a label that already ends in 状況 stands as it is). */
export const tallyTitle = (label: string): string => (label.endsWith('状況') ? label : `${label}状況`);

/**
 * 達成状況: each of the form's 集計 choices (R2: 達成できた / 一部達成できた / 達成できなかった) and 未記入
 * (incl. 未提出), overall and by 基本項目, 推進項目 and department. A form without a 集計 field counts nothing.
 */
export function summarizeAchievement(
  plan: Plan,
  rows: readonly MasterRow[],
  form: FormDefinition,
): AchievementSummary {
  const field = tallyField(form);
  const choices = field?.choices ?? [];
  const zero: AchievementCounts = { byChoice: choices.map(() => 0), blank: 0 };
  const add = (c: AchievementCounts, row: MasterRow): AchievementCounts => {
    const i = field && row.entry ? choiceIndex(fieldText(row.entry.fields, field.key), choices) : -1;
    return i < 0
      ? { ...c, blank: c.blank + 1 }
      : { ...c, byChoice: c.byChoice.map((n, j) => (j === i ? n + 1 : n)) };
  };
  const inPlan = field ? rows.filter((r) => r.status !== 'flagged' && r.planItem) : [];
  const group = (labels: readonly string[], labelOf: (r: MasterRow) => string): AchievementGroup[] =>
    labels.map((label) => ({ label, counts: inPlan.filter((r) => labelOf(r) === label).reduce(add, zero) }));
  return {
    ...(field && { field: { key: field.key, label: field.label } }),
    choices,
    total: inPlan.reduce(add, zero),
    byBasic: group(plan.basics.map(basicLabel), (r) => basicLabel(r.planItem!.basic)),
    byPromotion: group(
      plan.basics.flatMap((b) => b.promotions.map((p) => `${basicLabel(b)} / ${promotionLabel(p)}`)),
      (r) => `${basicLabel(r.planItem!.basic)} / ${promotionLabel(r.planItem!.promotion)}`,
    ),
    byDepartment: group(plan.departments, (r) => r.department).filter((g) => totalOf(g.counts) > 0),
  };
}
