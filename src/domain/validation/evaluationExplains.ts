import { choiceValue } from '../entry/choice';
import { tallyField, type FieldDef, type FormDefinition } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, type ValidationContext } from './context';

/** Shorter than this, an evaluation cannot say what fell short and what comes next. */
export const MIN_EXPLANATION_LENGTH = 10;

/**
 * The 集計 field and the 文章 field that explains it: the first text field after it in the form (a 判定理由
 * field aside, which explains a departure from the 判定 instead). R2: 目標の達成 and 評価・検証.
 */
export function explainedTally(form: FormDefinition): { tally: FieldDef; explanation: FieldDef } | undefined {
  const tally = tallyField(form);
  if (!tally) return undefined;
  const after = form.fields.slice(form.fields.indexOf(tally) + 1);
  const explanation = after.find((f) => f.kind === 'text' && f.reasonFor === undefined);
  return explanation ? { tally, explanation } : undefined;
}

/**
 * The 集計 choices that mean the goal was met: the first (R2: 達成できた), and where the choice has a 判定, every
 * choice its rules give for a 計算 of 100 % or more (KPI: S at 110 %, A at 100 %; not B at 80 %).
 */
export function metChoices(tally: FieldDef, form: FormDefinition): ReadonlySet<string> {
  const met = new Set(tally.choices?.slice(0, 1) ?? []);
  for (const rule of tally.judge?.rules ?? []) {
    const field = form.fields.find((f) => f.key === rule.field);
    if (field?.kind === 'computed' && (rule.op === '>=' || rule.op === '>') && rule.value >= 1)
      met.add(rule.choice);
  }
  return met;
}

/**
 * A 集計 choice that does not mean the goal was met (R2: 一部達成できた / 達成できなかった; KPI: B, C) must be
 * explained in the text field after it (R2: 評価・検証): why that choice, and what next. The words name the
 * choice itself, not R2's 「達成できなかった」: on a town's own scale (◎ ○ △ ×) the second choice is good.
 */
export function checkEvaluationExplains(entry: Entry, ctx: ValidationContext): Finding[] {
  const pair = explainedTally(ctx.form);
  if (!pair) return [];
  const { tally, explanation } = pair;
  const choices = tally.choices ?? [];
  const achievement = choiceValue(fieldText(entry.fields, tally.key), choices);
  if (achievement === undefined || metChoices(tally, ctx.form).has(achievement)) return [];
  const evaluation = fieldText(entry.fields, explanation.key).trim();
  if (evaluation === '')
    return [
      entryFinding(
        'entry.evaluation-unexplained',
        'error',
        `${tally.label}が「${achievement}」のときは、「${explanation.label}」に「${achievement}」とした理由（届かなかった点）と今後の対応を書いてください。`,
        entry,
        explanation.key,
      ),
    ];
  if ([...evaluation].length < MIN_EXPLANATION_LENGTH)
    return [
      entryFinding(
        'entry.evaluation-short',
        'warning',
        `${tally.label}が「${achievement}」ですが、「${explanation.label}」が短すぎます（${[...evaluation].length}文字）。「${achievement}」とした理由と今後の対応を書いてください。`,
        entry,
        explanation.key,
      ),
    ];
  return [];
}
