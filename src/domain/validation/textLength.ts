import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { codePointLength } from '../text/codePointLength';
import { entryFinding, quote, type ValidationContext } from './context';

export const TOO_LONG_CODE = 'entry.too-long';

/**
 * A soft limit per field, so that the printed report stays readable: for fields people write words in
 * (文章, and a 選択 cell that has a limit, as R2's 目標の達成); a number, a date or a 計算 cell has none.
 */
export function checkTextLength(entry: Entry, ctx: ValidationContext): Finding[] {
  const found: Finding[] = [];
  for (const def of ctx.form.fields) {
    if (def.kind !== 'text' && def.kind !== 'choice') continue;
    const limit = ctx.maxLength?.[def.key] ?? def.maxLength;
    if (limit === undefined) continue;
    const length = codePointLength(fieldText(entry.fields, def.key));
    if (length > limit)
      found.push(
        entryFinding(
          TOO_LONG_CODE,
          'warning',
          `${quote(def)}が${length}文字あります（目安は${limit}文字まで）。要点を絞って短くしてください。`,
          entry,
          def.key,
        ),
      );
  }
  return found;
}
