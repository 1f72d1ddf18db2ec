import type { FieldDef, FieldKey, FormDefinition } from '../entry/formDefinition';
import { fieldText, type Entry, type EntryFields } from '../entry/types';
import { numberValue, readDate } from '../entry/fieldValue';
import { choiceIndex } from './choiceIndex';

export interface Contribution {
  readonly department: string;
  readonly entry: Entry;
}

/**
 * A field the departments filled differently, every value kept here: a 数値 or 日付 left blank in the merge; a
 * 選択 given the worst of the choices (`taken`).
 */
export interface MergeDisagreement {
  readonly key: FieldKey;
  readonly label: string;
  readonly values: readonly { readonly department: string; readonly text: string }[];
  /** The choice the merge took (選択 only). */
  readonly taken?: string;
}

export type MergeResult =
  | { readonly kind: 'compiled'; readonly entry: Entry }
  | {
      readonly kind: 'merged';
      readonly entry: Entry;
      readonly departments: readonly string[];
      readonly disagreements: readonly MergeDisagreement[];
    };

const HEADING = /【([^】]+)】/gu;

/** The departments (of `departments`) an entry's text names under 【課名】 headings. */
export function headedDepartments(entry: Entry, departments: ReadonlySet<string>): Set<string> {
  const text = Object.values(entry.fields).join('\n');
  return new Set([...text.matchAll(HEADING)].map((m) => m[1] ?? '').filter((d) => departments.has(d)));
}

/** Has the coordinator already compiled other departments' parts under 【課名】 headings? */
export function isCompiled(entry: Entry, coordinator: string, departments: readonly string[]): boolean {
  return [...headedDepartments(entry, new Set(departments))].some((d) => d !== coordinator);
}

/**
 * 全課 items: every department's contribution becomes one entry for the coordinator (the seed's 各個別計画の
 * 進行管理 sheet), field by field as the form says:
 * - 文章 (and 判定理由): each part under a 【課名】 heading in department order, the coordinator's own text
 *   first; when only one department wrote anything, its text stands without a heading;
 * - 選択 (R2 目標の達成, a 判定): the coordinator's choice; without one, the worst of the contributions (the
 *   last in the choices' order), in `disagreements` when they chose differently; a contribution's other
 *   choice is also said in its 集約ログ record (placeEntries);
 * - 数値, 日付: the coordinator's value; without one, the value every contribution that gives one agrees
 *   on; else blank, with every department's value in `disagreements` (nothing is lost);
 * - 計算: never merged (left blank): it is recomputed from the merged values.
 * A coordinator sheet that is already compiled is kept as it is (the caller logs the contributions it did
 * not merge). A key a contribution holds that the form lacks is merged as text.
 */
export function mergeAllDepartments(
  coordinator: string,
  contributions: readonly Contribution[],
  departments: readonly string[],
  form: FormDefinition,
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

  const formKeys = new Set(form.fields.map((f) => f.key));
  const extraKeys = [
    ...new Set(sorted.flatMap((c) => Object.keys(c.entry.fields).filter((k) => !formKeys.has(k)))),
  ];
  // A writer wrote something other than a choice or a computed value.
  const writtenKeys = [
    ...form.fields.filter((f) => f.kind !== 'choice' && f.kind !== 'computed').map((f) => f.key),
    ...extraKeys,
  ];
  const writers = [
    ...new Set(
      sorted
        .filter((c) => writtenKeys.some((k) => fieldText(c.entry.fields, k).trim() !== ''))
        .map((c) => c.department),
    ),
  ];
  const withHeadings = writers.length > 1;
  const mergeText = (key: FieldKey): string => {
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
  const disagreements: MergeDisagreement[] = [];
  const mergeValue = (f: FieldDef): string => {
    if (own && fieldText(own.entry.fields, f.key).trim() !== '') return fieldText(own.entry.fields, f.key);
    const values = sorted
      .map((c) => ({ department: c.department, text: fieldText(c.entry.fields, f.key).trim() }))
      .filter((v) => v.text !== '');
    if (values.length === 0) return '';
    if (values.every((v) => sameValue(f, v.text, values[0]!.text))) return values[0]!.text;
    disagreements.push({ key: f.key, label: f.label, values });
    return '';
  };
  const fields: Record<FieldKey, string> = {};
  for (const f of form.fields)
    fields[f.key] =
      f.kind === 'text'
        ? mergeText(f.key)
        : f.kind === 'choice'
          ? mergedChoice(f, own?.entry, sorted, disagreements)
          : f.kind === 'computed'
            ? ''
            : mergeValue(f);
  for (const k of extraKeys) fields[k] = mergeText(k);
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
    disagreements,
  };
}

/** Two 数値 (or 日付) cells that mean the same: `１，２００` and `1200`, `R3.4.1` and `2021/4/1`. */
export function sameValue(f: FieldDef, a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  if (f.kind === 'number') {
    const [x, y] = [numberValue(a), numberValue(b)];
    return x !== undefined && x === y;
  }
  if (f.kind === 'date') {
    const [x, y] = [readDate(a), readDate(b)];
    return x.kind === 'date' && y.kind === 'date' && x.iso === y.iso;
  }
  return false;
}

/**
 * The coordinator's choice as written; without one, the worst (last in the choices' order) written, and, when
 * the contributions chose differently, a disagreement: one department's 達成できなかった must not pass unsaid
 * as the whole item's.
 */
function mergedChoice(
  f: FieldDef,
  own: Entry | undefined,
  contributions: readonly Contribution[],
  disagreements: MergeDisagreement[],
): string {
  if (own && fieldText(own.fields, f.key).trim() !== '') return fieldText(own.fields, f.key);
  const choices = f.choices ?? [];
  const chosen = contributions
    .map((c) => ({ department: c.department, text: fieldText(c.entry.fields, f.key).trim() }))
    .filter((v) => v.text !== '')
    .map((v) => ({ ...v, index: choiceIndex(v.text, choices) }));
  const worst = Math.max(-1, ...chosen.map((v) => v.index));
  if (worst < 0) return '';
  const taken = choices[worst]!;
  if (new Set(chosen.filter((v) => v.index >= 0).map((v) => v.index)).size > 1)
    disagreements.push({
      key: f.key,
      label: f.label,
      values: chosen.map(({ department, text }) => ({ department, text })),
      taken,
    });
  return taken;
}
