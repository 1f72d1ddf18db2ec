import { checkSameInBothHalves } from '../compare/sameInBothHalves';
import type { Entry } from '../entry/types';
import type { Finding } from '../finding';
import { checkAchievementValue } from './achievementValue';
import type { ValidationContext } from './context';
import { checkDuplicateEntries } from './duplicateEntries';
import { checkEvaluationExplains } from './evaluationExplains';
import { checkFieldKinds } from './fieldKinds';
import { checkFormulaOperands } from './formulaOperands';
import { checkJudgement } from './judgement';
import { checkGuidanceText } from './guidanceText';
import { checkItemAssignment } from './itemAssignment';
import { checkPeriodDates } from './periodDates';
import { checkRequiredFields } from './requiredFields';
import { checkTextFitsRow, TEXT_CUT_CODE } from './textFitsRow';
import { checkTextLength, TOO_LONG_CODE } from './textLength';

export type EntryRule = (entry: Entry, ctx: ValidationContext) => Finding[];

export const ENTRY_RULES: readonly EntryRule[] = [
  checkItemAssignment,
  checkRequiredFields,
  checkGuidanceText,
  checkAchievementValue,
  checkFieldKinds,
  checkFormulaOperands,
  checkJudgement,
  checkEvaluationExplains,
  checkPeriodDates,
  checkSameInBothHalves,
  checkTextLength,
  checkTextFitsRow,
];

/**
 * Run every rule over the entries, in entry order. A field with a specific finding (記入例のまま, 評価が
 * 説明不足) does not also get the generic 未記入 one; text too long to show in its row does not also get
 * the softer 目安 one.
 */
export function validateEntries(entries: readonly Entry[], ctx: ValidationContext): Finding[] {
  const perEntry: Finding[] = [];
  for (const entry of entries) {
    const found: Finding[] = [];
    for (const rule of ENTRY_RULES) for (const f of rule(entry, ctx)) found.push(f);
    if (found.length === 0) continue;
    const specific = new Set(found.filter((f) => f.code !== 'entry.required').map((f) => f.place.field));
    const cut = new Set(found.filter((f) => f.code === TEXT_CUT_CODE).map((f) => f.place.field));
    for (const f of found)
      if (
        (f.code !== 'entry.required' || !specific.has(f.place.field)) &&
        (f.code !== TOO_LONG_CODE || !cut.has(f.place.field))
      )
        perEntry.push(f);
  }
  for (const f of checkDuplicateEntries(entries)) perEntry.push(f);
  return perEntry;
}
