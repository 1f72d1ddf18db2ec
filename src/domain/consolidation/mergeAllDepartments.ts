import { achievementValue } from '../entry/achievement';
import { ACHIEVEMENT_CHOICES, FIELD_KEYS, type FieldKey } from '../entry/formDefinition';
import { fieldText, type Entry, type EntryFields } from '../entry/types';

export interface Contribution {
  readonly department: string;
  readonly entry: Entry;
}

export type MergeResult =
  | { readonly kind: 'compiled'; readonly entry: Entry }
  | { readonly kind: 'merged'; readonly entry: Entry; readonly departments: readonly string[] };

const HEADING = /【([^】]+)】/gu;

/** Has the coordinator already compiled other departments' parts under 【課名】 headings? */
export function isCompiled(entry: Entry, coordinator: string, departments: readonly string[]): boolean {
  const text = FIELD_KEYS.map((k) => fieldText(entry.fields, k)).join('\n');
  return [...text.matchAll(HEADING)].some((m) => m[1] !== coordinator && departments.includes(m[1] ?? ''));
}

/**
 * 全課 items: every department's contribution becomes one entry for the coordinator, each part under
 * a 【課名】 heading in department order, the coordinator's own text first (the seed's 各個別計画の進行管理
 * sheet). When only one department wrote anything, its text stands without a heading. A coordinator sheet
 * that is already compiled is kept as it is (the caller logs the contributions it did not merge).
 * 目標の達成: the coordinator's choice; without one, the lowest of the contributions.
 */
export function mergeAllDepartments(
  coordinator: string,
  contributions: readonly Contribution[],
  departments: readonly string[],
): MergeResult {
  const order = (d: string) =>
    d === coordinator ? -1 : departments.indexOf(d) === -1 ? departments.length : departments.indexOf(d);
  const sorted = [...contributions].sort(
    (a, b) => order(a.department) - order(b.department) || a.entry.seq - b.entry.seq,
  );
  const own = sorted.find((c) => c.department === coordinator);
  const first = sorted[0];
  if (!first) throw new Error('mergeAllDepartments needs at least one contribution');
  if (own && isCompiled(own.entry, coordinator, departments))
    return { kind: 'compiled', entry: { ...own.entry, department: coordinator, seq: 1 } };

  const writers = [
    ...new Set(
      sorted
        .filter((c) =>
          FIELD_KEYS.some((k) => k !== 'achievement' && fieldText(c.entry.fields, k).trim() !== ''),
        )
        .map((c) => c.department),
    ),
  ];
  const withHeadings = writers.length > 1;
  const mergeField = (key: FieldKey): string => {
    const parts: string[] = [];
    for (const department of writers) {
      const text = sorted
        .filter((c) => c.department === department)
        .map((c) => fieldText(c.entry.fields, key).trim())
        .filter((t) => t !== '')
        .join('\n');
      if (text !== '') parts.push(withHeadings ? `【${department}】\n${text}` : text);
    }
    return parts.join('\n');
  };
  const fields = Object.fromEntries(
    FIELD_KEYS.map((k) => [k, k === 'achievement' ? '' : mergeField(k)]),
  ) as Record<FieldKey, string>;
  fields.achievement = mergedAchievement(own?.entry, sorted);
  const merged: EntryFields = fields;
  return {
    kind: 'merged',
    entry: {
      code: first.entry.code,
      department: coordinator,
      seq: 1,
      fiscalYear: (own ?? first).entry.fiscalYear,
      fields: merged,
    },
    departments: writers,
  };
}

function mergedAchievement(own: Entry | undefined, contributions: readonly Contribution[]): string {
  if (own && fieldText(own.fields, 'achievement').trim() !== '') return fieldText(own.fields, 'achievement');
  const values = contributions
    .map((c) => achievementValue(fieldText(c.entry.fields, 'achievement')))
    .filter((v) => v !== undefined);
  if (values.length === 0) return '';
  return values.reduce((worst, v) =>
    ACHIEVEMENT_CHOICES.indexOf(v) > ACHIEVEMENT_CHOICES.indexOf(worst) ? v : worst,
  );
}
