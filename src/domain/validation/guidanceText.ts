import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { normalizeKey } from '../text/normalizeKey';
import { entryFinding, quote, type ValidationContext } from './context';

/** A field still holding the template's guidance text has not been filled in. */
export function checkGuidanceText(entry: Entry, ctx: ValidationContext): Finding[] {
  return ctx.form.fields.flatMap((def) =>
    fieldText(entry.fields, def.key).trim() !== '' &&
    normalizeKey(fieldText(entry.fields, def.key)) === normalizeKey(def.guidance)
      ? [
          entryFinding(
            'entry.guidance-left',
            'error',
            `${quote(def)}が記入例の文章のままです。取組の内容に書き換えてください。`,
            entry,
            def.key,
          ),
        ]
      : [],
  );
}
