import { STANDARD_FORM, type FieldKey, type FormDefinition } from './formDefinition';

/** Identifies one department's sheet for one item: a department may file several (seq 1, 2, …). */
export interface EntryKey {
  readonly code: string;
  readonly department: string;
  readonly seq: number;
}

/** Field text by key, exactly as written; a key the entry lacks reads as '' (fieldText). */
export type EntryFields = Readonly<Record<FieldKey, string>>;

/** A field's text, '' when the entry has none (a sheet of an older form, a form without that field). */
export const fieldText = (fields: EntryFields, key: FieldKey): string => fields[key] ?? '';

/** One department's 取組項目 sheet for one item in one fiscal year. Field text is kept exactly as written. */
export interface Entry extends EntryKey {
  /** 令和N年度 as April-start Gregorian year (令和2年度 → 2020). */
  readonly fiscalYear: number;
  readonly fields: EntryFields;
  /**
   * Fields of the form the sheet was built without (its metadata lists the fields it had, and a field added to
   * the 様式 since is not among them): blank, and never asked for (the department had no row to write in).
   */
  readonly notOnSheet?: readonly FieldKey[];
  /**
   * The sheet was built from another version of the 様式 than the one it is read by (its metadata says which):
   * its dropdowns offer that version's choices, so a choice the current 様式 lacks is said differently.
   */
  readonly otherForm?: true;
}

export const entryKeyString = (k: EntryKey): string => `${k.code}|${k.department}|${k.seq}`;

/** Every field of a form, empty (default: the R2 form). */
export const emptyFields = (form: FormDefinition = STANDARD_FORM): EntryFields =>
  Object.fromEntries(form.fields.map((f) => [f.key, '']));

/** Sort key for 体系 order: item index, then the department's index in the plan, then seq. */
export function compareEntryKeys(
  itemIndex: (code: string) => number,
  departmentIndex: (department: string) => number,
): (a: EntryKey, b: EntryKey) => number {
  return (a, b) =>
    itemIndex(a.code) - itemIndex(b.code) ||
    departmentIndex(a.department) - departmentIndex(b.department) ||
    a.seq - b.seq;
}
