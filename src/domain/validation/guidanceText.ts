import { perObject } from '../memo';
import type { FormDefinition } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { normalizeKey } from '../text/normalizeKey';
import { entryFinding, quote, type ValidationContext } from './context';

/** normalizeKey of each field's guidance, in form order, made once per form. */
const guidanceKeys = perObject((form: FormDefinition): readonly string[] =>
  form.fields.map((def) => normalizeKey(def.guidance)),
);

/** A field still holding the template's guidance text has not been filled in. */
export function checkGuidanceText(entry: Entry, ctx: ValidationContext): Finding[] {
  const guidance = guidanceKeys(ctx.form);
  const found: Finding[] = [];
  ctx.form.fields.forEach((def, i) => {
    const text = fieldText(entry.fields, def.key);
    if (text.trim() !== '' && normalizeKey(text) === guidance[i])
      found.push(
        entryFinding(
          'entry.guidance-left',
          'error',
          `${quote(def)}が記入例の文章のままです。取組の内容に書き換えてください。`,
          entry,
          def.key,
        ),
      );
  });
  return found;
}
