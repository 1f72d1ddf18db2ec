import { perObject } from '../memo';
import type { FieldKey, FormDefinition } from '../entry/formDefinition';
import { parseFiscalYear } from '../fiscal/fiscalYear';
import { normalizeKey } from '../text/normalizeKey';

/** What a label cell of the 取組項目 form stands for. */
export type LabelRole =
  | { readonly kind: 'item' }
  | { readonly kind: 'department' }
  /** A 見出し (R2: 進捗状況 over 前期 and 後期): groups fields, has no value of its own. */
  | { readonly kind: 'progress' }
  /** 令和2年度: the label is the value. */
  | { readonly kind: 'year'; readonly fiscalYear: number }
  | { readonly kind: 'field'; readonly key: FieldKey };

/** The labels every form has besides its fields (the fields' labels come from the FormDefinition). */
export const ITEM_LABEL = '取組項目';
export const DEPARTMENT_LABELS: readonly string[] = ['実践課', '実施課', '担当課'];
export const PROGRESS_LABEL = '進捗状況';

/** A stable name for a role, to compare two label cells. */
export const roleName = (role: LabelRole): string =>
  role.kind === 'field' ? `field:${role.key}` : role.kind;

/** The label as people know it, for messages. */
export function roleLabel(role: LabelRole, form: FormDefinition): string {
  switch (role.kind) {
    case 'item':
      return ITEM_LABEL;
    case 'department':
      return DEPARTMENT_LABELS[0] ?? '実践課';
    case 'progress':
      return PROGRESS_LABEL;
    case 'year':
      return '年度（例: 令和2年度）';
    case 'field':
      return form.fields.find((f) => f.key === role.key)?.label ?? role.key;
  }
}

export type LabelMatcher = (text: string) => LabelRole | undefined;

const YEAR_START = /^[0-9令平rh]/;

/**
 * Recognize label cells by normalizeKey: `目 標`, `実践 課`, `前期（４～９月）`, `後期 (10~3月)` match. A year
 * label is text (not a bare number) that parseFiscalYear reads: `令和2年度`, `R2年度`, `2020年度`.
 */
// Made once per form: every sheet of every file is read with it.
export const formLabels: (form: FormDefinition) => LabelMatcher = perObject(labelMatcher);

function labelMatcher(form: FormDefinition): LabelMatcher {
  const byKey = new Map<string, LabelRole>();
  byKey.set(normalizeKey(ITEM_LABEL), { kind: 'item' });
  for (const d of DEPARTMENT_LABELS) byKey.set(normalizeKey(d), { kind: 'department' });
  byKey.set(normalizeKey(PROGRESS_LABEL), { kind: 'progress' });
  for (const field of form.fields)
    if (field.heading && !byKey.has(normalizeKey(field.heading)))
      byKey.set(normalizeKey(field.heading), { kind: 'progress' });
  for (const field of form.fields)
    for (const label of [field.label, ...field.aliases]) {
      const k = normalizeKey(label);
      if (!byKey.has(k)) byKey.set(k, { kind: 'field', key: field.key });
    }
  return (text) => {
    const k = normalizeKey(text);
    if (k === '') return undefined;
    const hit = byKey.get(k);
    if (hit) return hit;
    if (/^[0-9]+$/.test(k)) return undefined;
    // Text parseFiscalYear reads keys to itself lowercased, so its key starts as a year does (令和, 平成, R,
    // H or digits): any other key (most values beside labels) is not a year, without parsing it.
    if (!YEAR_START.test(k)) return undefined;
    const fiscalYear = parseFiscalYear(text);
    return fiscalYear === undefined ? undefined : { kind: 'year', fiscalYear };
  };
}
