import { tallyField, type FormDefinition } from '../entry/formDefinition';
import { fieldText } from '../entry/types';
import { basicLabel, promotionLabel } from '../plan/planItems';
import type { Basic, Plan, Promotion } from '../plan/types';
import { choiceIndex } from './choiceIndex';
import type { AchievementCounts, AchievementGroup, AchievementSummary, MasterRow } from './types';

export const totalOf = (c: AchievementCounts): number => c.byChoice.reduce((a, b) => a + b, 0) + c.blank;

/**
 * The first choice's share of the rows (達成率), or null where no sheet came in for any of them: 0.0% would
 * read as a group that reported and achieved nothing. 達成状況, 推移 and the report show it the same way.
 */
export const firstChoiceShare = (c: AchievementCounts): number | null =>
  totalOf(c) === c.missing ? null : (c.byChoice[0] ?? 0) / totalOf(c);

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
  // Each row's choice is read once; each grouping labels every row once and counts its rows by label.
  const inPlan = field
    ? rows
        .filter((r) => r.status !== 'flagged' && r.planItem)
        .map((r) => ({
          row: r,
          choice: r.entry ? choiceIndex(fieldText(r.entry.fields, field.key), choices) : -1,
          missing: r.status === 'missing',
        }))
    : [];
  const countsOf = (
    counted: readonly { readonly choice: number; readonly missing: boolean }[],
  ): AchievementCounts => {
    const byChoice = choices.map(() => 0);
    let blank = 0;
    let missing = 0;
    for (const c of counted)
      if (c.choice < 0) {
        blank++;
        if (c.missing) missing++;
      } else byChoice[c.choice]!++;
    return { byChoice, blank, missing };
  };
  const group = (labels: readonly string[], labelOf: (r: MasterRow) => string): AchievementGroup[] => {
    const byLabel = new Map<string, (typeof inPlan)[number][]>();
    for (const counted of inPlan) {
      const label = labelOf(counted.row);
      const list = byLabel.get(label);
      if (list) list.push(counted);
      else byLabel.set(label, [counted]);
    }
    return labels.map((label) => ({ label, counts: countsOf(byLabel.get(label) ?? []) }));
  };
  // Each 基本項目's and 推進項目's label made once, not for every row.
  const basicLabels = new Map<Basic, string>();
  const basicOf = (b: Basic): string => {
    let label = basicLabels.get(b);
    if (label === undefined) {
      label = basicLabel(b);
      basicLabels.set(b, label);
    }
    return label;
  };
  const promotionLabels = new Map<Basic, Map<Promotion, string>>();
  const promotionOf = (b: Basic, p: Promotion): string => {
    let labels = promotionLabels.get(b);
    if (!labels) {
      labels = new Map();
      promotionLabels.set(b, labels);
    }
    let label = labels.get(p);
    if (label === undefined) {
      label = `${basicOf(b)} / ${promotionLabel(p)}`;
      labels.set(p, label);
    }
    return label;
  };
  return {
    ...(field && { field: { key: field.key, label: field.label } }),
    choices,
    total: countsOf(inPlan),
    byBasic: group(plan.basics.map(basicLabel), (r) => basicOf(r.planItem!.basic)),
    byPromotion: group(
      plan.basics.flatMap((b) => b.promotions.map((p) => `${basicLabel(b)} / ${promotionLabel(p)}`)),
      (r) => promotionOf(r.planItem!.basic, r.planItem!.promotion),
    ),
    byDepartment: group(plan.departments, (r) => r.department).filter((g) => totalOf(g.counts) > 0),
  };
}
