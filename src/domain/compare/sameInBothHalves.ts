import { perObject } from '../memo';
import type { FieldDef, FormDefinition } from '../entry/formDefinition';
import { fieldText, type Entry, type EntryFields } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, quote } from '../validation/context';
import { copiedBeyondDates, isComparable, textProfile, type TextComparison } from './textSimilarity';

export const SAME_IN_BOTH_HALVES_CODE = 'entry.same-in-both-halves';

/** Two 文章 fields under one 見出し whose texts are copies (`later` comes after `earlier` in the form). */
export interface RepeatedUnderHeading {
  readonly heading: string;
  readonly earlier: FieldDef;
  readonly later: FieldDef;
  readonly comparison: Exclude<TextComparison, { kind: 'different' }>;
}

/** The form's 文章 fields grouped by 見出し, groups of two or more only, in form order (once per form). */
const headingGroups: (form: FormDefinition) => readonly (readonly FieldDef[])[] = perObject(groupByHeading);

function groupByHeading(form: FormDefinition): FieldDef[][] {
  const groups = new Map<string, FieldDef[]>();
  for (const def of form.fields) {
    if (def.kind !== 'text' || def.heading === undefined) continue;
    const group = groups.get(def.heading);
    if (group) group.push(def);
    else groups.set(def.heading, [def]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * For each 文章 field under a 見出し (R2: 進捗状況 over 前期 and 後期), the first earlier field of the same
 * 見出し whose text is the same or nearly the same (see compareTexts). Not counted: texts shorter than
 * `MIN_COMPARED_LENGTH` (なし), and texts that differ only in dates and numbers: a recurring activity
 * reported with each half's dates (定例会議 5/10 … / 定例会議 10/11 …) is what the halves are for.
 */
export function repeatedUnderHeading(fields: EntryFields, form: FormDefinition): RepeatedUnderHeading[] {
  const out: RepeatedUnderHeading[] = [];
  for (const group of headingGroups(form)) {
    const profiles = group.map((def) => textProfile(fieldText(fields, def.key)));
    for (let j = 1; j < group.length; j++) {
      if (!isComparable(profiles[j]!)) continue;
      for (let i = 0; i < j; i++) {
        if (!isComparable(profiles[i]!)) continue;
        // compareProfiles' same, or near but not only in dates and numbers.
        const c = copiedBeyondDates(profiles[i]!, profiles[j]!);
        if (c) {
          out.push({ heading: group[j]!.heading!, earlier: group[i]!, later: group[j]!, comparison: c });
          break;
        }
      }
    }
  }
  return out;
}

/** 「前期 (4～9月)」と「後期 (10～3月)」が同じ文です。… */
export function sameInBothHalvesMessage(r: RepeatedUnderHeading): string {
  const same = r.comparison.kind === 'same' ? '同じ文です' : 'ほぼ同じ文です';
  return (
    `${quote(r.earlier)}と${quote(r.later)}が${same}。${quote(r.later)}には、その期間に行ったことを書いてください` +
    `（${quote(r.earlier)}から続けている取組なら、その後の様子を書いてください）。`
  );
}

/**
 * Warnings (`entry.same-in-both-halves`) at the later field of each copied pair under one 見出し: the seed's
 * 前期 = 後期. Shaped as a validation rule (entry, context with the form); the caller's placement adds the
 * file, sheet and cell.
 */
export function checkSameInBothHalves(entry: Entry, ctx: { readonly form: FormDefinition }): Finding[] {
  return repeatedUnderHeading(entry.fields, ctx.form).map((r) =>
    entryFinding(SAME_IN_BOTH_HALVES_CODE, 'warning', sameInBothHalvesMessage(r), entry, r.later.key),
  );
}
