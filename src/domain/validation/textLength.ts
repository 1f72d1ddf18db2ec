import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, quote, type ValidationContext } from './context';

export const TOO_LONG_CODE = 'entry.too-long';

/** A soft limit per field, so that the printed report stays readable. */
export function checkTextLength(entry: Entry, ctx: ValidationContext): Finding[] {
  return ctx.form.fields.flatMap((def) => {
    const limit = ctx.maxLength?.[def.key] ?? def.maxLength;
    const length = [...fieldText(entry.fields, def.key)].length;
    return limit !== undefined && length > limit
      ? [
          entryFinding(
            TOO_LONG_CODE,
            'warning',
            `${quote(def)}が${length}文字あります（目安は${limit}文字まで）。要点を絞って短くしてください。`,
            entry,
            def.key,
          ),
        ]
      : [];
  });
}
