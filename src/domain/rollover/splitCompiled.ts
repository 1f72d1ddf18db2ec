import type { FieldKey } from '../entry/formDefinition';
import type { EntryFields } from '../entry/types';

/**
 * A 全課 row of 全体計画 holds every department's text merged under 【課名】 headings (mergeAllDepartments).
 * Next year each department writes its own sheet again: the row's text fields are split back by those
 * headings (only headings naming one of `departments`, on a line of their own or starting one), each part
 * going to its department. Text before the
 * first heading, and a field without headings, stays with `coordinator`. Fields not in `textKeys` (choices,
 * numbers) stay with the coordinator as they are.
 */
export function splitCompiled(
  fields: EntryFields,
  coordinator: string,
  departments: readonly string[],
  textKeys: ReadonlySet<FieldKey>,
): ReadonlyMap<string, EntryFields> {
  const out = new Map<string, Record<FieldKey, string>>();
  const part = (department: string) => {
    let f = out.get(department);
    if (!f) out.set(department, (f = {}));
    return f;
  };
  part(coordinator);
  const known = new Set(departments);
  for (const [key, text] of Object.entries(fields)) {
    if (!textKeys.has(key)) {
      part(coordinator)[key] = text;
      continue;
    }
    let current = coordinator;
    const lines: Record<string, string[]> = {};
    for (const line of text.split('\n')) {
      // A heading on a line of its own (mergeAllDepartments), or starting the line with the text after it
      // (「【保健福祉課】 第2回子ども・子育て会議…」, as the seed's report and many a 総務課 write it).
      const [, heading, rest = ''] = /^\s*【([^】]+)】[\s　]*(.*)$/su.exec(line) ?? [];
      if (heading !== undefined && known.has(heading)) {
        current = heading;
        if (rest.trim() === '') continue;
        (lines[current] ??= []).push(rest);
        continue;
      }
      (lines[current] ??= []).push(line);
    }
    for (const [department, kept] of Object.entries(lines)) {
      const joined = kept.join('\n').trim();
      if (joined !== '') part(department)[key] = joined;
    }
  }
  return out;
}
