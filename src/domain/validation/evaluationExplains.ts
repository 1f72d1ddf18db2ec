import { achievementValue } from '../entry/achievement';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, type ValidationContext } from './context';

/** Shorter than this, an evaluation cannot say what fell short and what comes next. */
export const MIN_EXPLANATION_LENGTH = 10;

/** 一部達成できた / 達成できなかった must be explained in 評価・検証: what fell short, and what next. */
export function checkEvaluationExplains(entry: Entry, _ctx: ValidationContext): Finding[] {
  const achievement = achievementValue(fieldText(entry.fields, 'achievement'));
  if (achievement !== '一部達成できた' && achievement !== '達成できなかった') return [];
  const evaluation = fieldText(entry.fields, 'evaluation').trim();
  if (evaluation === '')
    return [
      entryFinding(
        'entry.evaluation-unexplained',
        'error',
        `目標の達成が「${achievement}」のときは、「評価・検証」に達成できなかった点とその理由、今後の対応を書いてください。`,
        entry,
        'evaluation',
      ),
    ];
  if ([...evaluation].length < MIN_EXPLANATION_LENGTH)
    return [
      entryFinding(
        'entry.evaluation-short',
        'warning',
        `目標の達成が「${achievement}」ですが、「評価・検証」が短すぎます（${[...evaluation].length}文字）。達成できなかった点と今後の対応を書いてください。`,
        entry,
        'evaluation',
      ),
    ];
  return [];
}
