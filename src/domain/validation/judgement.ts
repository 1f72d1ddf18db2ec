import { choiceValue } from '../entry/choice';
import { fieldNumbers } from '../entry/fieldValue';
import { fieldText, type Entry } from '../entry/types';
import { proposeChoice } from '../form/judge';
import type { Finding } from '../finding';
import { entryFinding, quote, type ValidationContext } from './context';

export const JUDGE_UNEXPLAINED_CODE = 'entry.judge-unexplained';

/**
 * 判定: a department may choose another value than the one the rules propose, and must then say why in the
 * 判定理由 cell beside the choice. The finding sits at the choice, names the proposal and asks for the reason.
 * Nothing is said while the numbers the rules read are missing, or while the choice is empty or invalid
 * (their own rules speak).
 */
export function checkJudgement(entry: Entry, ctx: ValidationContext): Finding[] {
  // Numbers are read only for a form that judges (most do not).
  let numbers: ReturnType<typeof fieldNumbers> | undefined;
  const found: Finding[] = [];
  for (const def of ctx.form.fields) {
    if (def.kind !== 'choice' || !def.judge) continue;
    const reason = ctx.form.fields.find((f) => f.reasonFor === def.key);
    if (!reason) continue;
    const chosen = choiceValue(fieldText(entry.fields, def.key), def.choices ?? []);
    const proposed = proposeChoice(def.judge, (numbers ??= fieldNumbers(ctx.form, entry.fields)));
    if (chosen === undefined || proposed === undefined || chosen === proposed) continue;
    if (fieldText(entry.fields, reason.key).trim() !== '') continue;
    found.push(
      entryFinding(
        JUDGE_UNEXPLAINED_CODE,
        'error',
        `${quote(def)}は「${chosen}」ですが、判定の目安（${def.judge.text}）では「${proposed}」です。目安と異なる区分を選んだ理由を${quote(reason)}の欄に書いてください。`,
        entry,
        def.key,
      ),
    );
  }
  return found;
}
