import { readDate, readNumber } from '../entry/fieldValue';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, quote, type ValidationContext } from './context';

export const NUMBER_INVALID_CODE = 'entry.number-invalid';
export const DATE_INVALID_CODE = 'entry.date-invalid';

/**
 * A 数値 field holds a number (「約100」, 「100件」 do not), a 日付 field a date (readNumber, readDate accept
 * 全角 digits, 「,」 grouping, 85%, 2021/4/1, R3.4.1, 令和3年4月1日 …).
 */
export function checkFieldKinds(entry: Entry, ctx: ValidationContext): Finding[] {
  // A loop, not flatMap: every field of every entry passes here, most with nothing to say.
  const found: Finding[] = [];
  for (const def of ctx.form.fields) {
    if (def.kind !== 'number' && def.kind !== 'date') continue;
    const raw = fieldText(entry.fields, def.key);
    if (def.kind === 'number' && readNumber(raw).kind === 'invalid')
      found.push(
        entryFinding(
          NUMBER_INVALID_CODE,
          'error',
          `${quote(def)}の「${raw.trim()}」は数値として読めません。数値で入力してください（例: 100）。「約」や単位は付けず、補足は文章の欄に書いてください。`,
          entry,
          def.key,
        ),
      );
    else if (def.kind === 'date' && readDate(raw).kind === 'invalid')
      found.push(
        entryFinding(
          DATE_INVALID_CODE,
          'error',
          `${quote(def)}の「${raw.trim()}」は日付として読めません。日付で入力してください（例: 2021/4/1）。`,
          entry,
          def.key,
        ),
      );
  }
  return found;
}
