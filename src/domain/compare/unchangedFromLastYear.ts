import type { FieldKey, FormDefinition } from '../entry/formDefinition';
import { entryKeyString, fieldText, type Entry, type EntryKey } from '../entry/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import type { Finding } from '../finding';
import { entryFinding } from '../validation/context';
import { compareProfiles, isComparable, textProfile } from './textSimilarity';

export const UNCHANGED_FROM_LAST_YEAR_CODE = 'entry.unchanged-from-last-year';

/** A text field whose text this year is (nearly) last year's. */
export interface UnchangedField {
  readonly key: FieldKey;
  readonly label: string;
  readonly kind: 'same' | 'near';
  /** Trigram Dice similarity of the normalized texts (1 for `same`). */
  readonly similarity: number;
  /** Equal once dates and numbers are masked. */
  readonly onlyDatesChanged: boolean;
  /** With `onlyDatesChanged`: no number other than years and dates changed. */
  readonly onlyYearsAndDates: boolean;
}

export interface UnchangedOptions {
  /** Compare only these fields (e.g. leave out fields carried on purpose); default every 文章 field. */
  readonly keys?: readonly FieldKey[];
}

/**
 * The 文章 fields of `current` whose text equals `previous`'s once normalized, or nearly (see compareTexts).
 * Texts shorter than `MIN_COMPARED_LENGTH` (なし, 特になし) are not compared. Empty when `previous` is not of
 * an earlier year than `current`: only an earlier year's text can be carried over.
 */
export function unchangedFields(
  current: Entry,
  previous: Entry,
  form: FormDefinition,
  options: UnchangedOptions = {},
): UnchangedField[] {
  if (previous.fiscalYear >= current.fiscalYear) return [];
  const wanted = options.keys && new Set(options.keys);
  const out: UnchangedField[] = [];
  for (const def of form.fields) {
    if (def.kind !== 'text' || (wanted && !wanted.has(def.key))) continue;
    const now = textProfile(fieldText(current.fields, def.key));
    const before = textProfile(fieldText(previous.fields, def.key));
    if (!isComparable(now) || !isComparable(before)) continue;
    const c = compareProfiles(now, before);
    if (c.kind === 'same')
      out.push({
        key: def.key,
        label: def.label,
        kind: 'same',
        similarity: 1,
        onlyDatesChanged: false,
        onlyYearsAndDates: false,
      });
    else if (c.kind === 'near')
      out.push({
        key: def.key,
        label: def.label,
        kind: 'near',
        similarity: c.similarity,
        onlyDatesChanged: c.onlyDatesChanged,
        onlyYearsAndDates: c.onlyYearsAndDates ?? false,
      });
  }
  return out;
}

/** `前年度（令和2年度）` when the year is the one before, else just `令和元年度`. */
export function previousYearText(previousYear: number, currentYear: number): string {
  const name = formatFiscalYear(previousYear);
  return previousYear === currentYear - 1 ? `前年度（${name}）` : name;
}

/**
 * The finding's text: 「目標」が前年度（令和2年度）と同じ文です。… / …とほぼ同じ文です（日付のみ変更）。… /
 * …（日付・数字のみ変更）。… / …（一致度 94%）。…
 */
export function unchangedMessage(
  field: Pick<UnchangedField, 'label' | 'kind' | 'similarity' | 'onlyDatesChanged' | 'onlyYearsAndDates'>,
  previousYear: number,
  currentYear: number,
): string {
  const year = previousYearText(previousYear, currentYear);
  const what =
    field.kind === 'same'
      ? `${year}と同じ文です`
      : `${year}とほぼ同じ文です（${
          field.onlyDatesChanged
            ? field.onlyYearsAndDates
              ? '日付のみ変更'
              : '日付・数字のみ変更'
            : `一致度 ${Math.floor(field.similarity * 100)}%`
        }）`;
  return `「${field.label}」が${what}。今年度の取組と結果に合わせて書き直してください（内容が変わらない場合は、そのままで構いません）。`;
}

/**
 * Warnings (`entry.unchanged-from-last-year`) on each 文章 field of `current` carried over unchanged from
 * `previous` (the same item, department and seq a year earlier). Each names the entry and field; the caller's
 * placement (extract/placeFindings, consolidation) adds the file, sheet and cell.
 */
export function checkUnchangedFromLastYear(
  current: Entry,
  previous: Entry,
  form: FormDefinition,
  options: UnchangedOptions = {},
): Finding[] {
  return unchangedFields(current, previous, form, options).map((field) =>
    entryFinding(
      UNCHANGED_FROM_LAST_YEAR_CODE,
      'warning',
      unchangedMessage(field, previous.fiscalYear, current.fiscalYear),
      current,
      field.key,
    ),
  );
}

/** Last year's entries by code + department + seq, for `checkUnchangedEntries` (first of a key wins). */
export function previousByKey(previous: readonly Entry[]): (key: EntryKey) => Entry | undefined {
  const index = new Map<string, Entry>();
  for (const e of previous) if (!index.has(entryKeyString(e))) index.set(entryKeyString(e), e);
  return (key) => index.get(entryKeyString(key));
}

/**
 * `checkUnchangedFromLastYear` over a year's entries, each against its predecessor: `previousOf` finds it
 * (`previousByKey(lastYear)` for the same code, department and seq; a rollover's 対応表 when codes changed).
 * Entries without a predecessor get no finding.
 */
export function checkUnchangedEntries(
  current: readonly Entry[],
  previousOf: (key: EntryKey) => Entry | undefined,
  form: FormDefinition,
  options: UnchangedOptions = {},
): Finding[] {
  return current.flatMap((entry) => {
    const previous = previousOf(entry);
    return previous ? checkUnchangedFromLastYear(entry, previous, form, options) : [];
  });
}

/** The number of unchanged-from-last-year findings per department (for 提出状況), in first-seen order. */
export function countUnchangedByDepartment(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings)
    if (f.code === UNCHANGED_FROM_LAST_YEAR_CODE && f.place.department !== undefined)
      counts.set(f.place.department, (counts.get(f.place.department) ?? 0) + 1);
  return counts;
}

/**
 * The fields expected to change from last year: 文章 fields not carried on purpose. A field with 引継ぎ ○
 * starts as last year's text (目指す姿 of a multi-year plan stays), so it is not flagged for staying; a 参考
 * field or one that starts empty (評価・検証, 進捗状況) is.
 */
export const changeExpectedKeys = (form: FormDefinition): FieldKey[] =>
  form.fields.filter((f) => f.kind === 'text' && f.carry !== 'carry').map((f) => f.key);
