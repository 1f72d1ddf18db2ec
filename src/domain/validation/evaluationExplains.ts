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
 * A 集計 choice other than the first (R2: 一部達成できた / 達成できなかった) must be explained in the text
 * field after it (R2: 評価・検証): what fell short, and what next.
 */
export function checkEvaluationExplains(entry: Entry, ctx: ValidationContext): Finding[] {
  const pair = explainedTally(ctx.form);
  if (!pair) return [];
  const { tally, explanation } = pair;
  const choices = tally.choices ?? [];
  const achievement = choiceValue(fieldText(entry.fields, tally.key), choices);
  if (achievement === undefined || achievement === choices[0]) return [];
  const evaluation = fieldText(entry.fields, explanation.key).trim();
  if (evaluation === '')
    return [
      entryFinding(
        'entry.evaluation-unexplained',
        'error',
        `${tally.label}が「${achievement}」のときは、「${explanation.label}」に達成できなかった点とその理由、今後の対応を書いてください。`,
        entry,
        explanation.key,
      ),
    ];
  if ([...evaluation].length < MIN_EXPLANATION_LENGTH)
    return [
      entryFinding(
        'entry.evaluation-short',
        'warning',
        `${tally.label}が「${achievement}」ですが、「${explanation.label}」が短すぎます（${[...evaluation].length}文字）。達成できなかった点と今後の対応を書いてください。`,
        entry,
        explanation.key,
      ),
    ];
  return [];
}
