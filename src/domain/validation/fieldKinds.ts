import type { FieldDef, FieldKey, FormDefinition } from '../entry/formDefinition';
import { computedPercentText, plainNumberText, readDate, readNumber } from '../entry/fieldValue';
import { formulaFields } from '../form/formula';
import { perObject } from '../memo';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, quote, type ValidationContext } from './context';

export const NUMBER_INVALID_CODE = 'entry.number-invalid';
export const DATE_INVALID_CODE = 'entry.date-invalid';
export const NUMBER_AS_TEXT_CODE = 'entry.number-as-text';
export const PERCENT_SCALE_CODE = 'entry.percent-scale';

/** A 割合 above this (200%) written without % is most likely a percentage typed as a plain number (80 for 80%). */
const LIKELY_PLAIN_PERCENT = 2;

/** The number as typed in half-width, as Excel takes it for a number: 85% stays a percentage. */
const asTyped = (raw: string, value: number): string =>
  raw.normalize('NFKC').trim().endsWith('%')
    ? `${plainNumberText(Number((value * 100).toPrecision(15)))}%`
    : plainNumberText(value);

/**
 * What to type in a 数値 field, by its display format: typed as 100, a 割合 is 10000% (the scale warning says
 * so), so it gets a percentage example; a 金額 the unit words people add (円, 万).
 */
const numberRequest = (def: FieldDef): string =>
  def.percent
    ? '割合で入力してください（例: 80%）。「約」は付けず、'
    : def.amount
      ? '金額を円単位の数値で入力してください（例: 1200000）。「約」や「円」「万」は付けず、'
      : '数値で入力してください（例: 100）。「約」や単位は付けず、';

/** The 計算 fields reading each field (the sheet's own Excel formulas read those cells too). */
const readersOf = perObject((form: FormDefinition): ReadonlyMap<FieldKey, readonly FieldDef[]> => {
  const readers = new Map<FieldKey, FieldDef[]>();
  for (const f of form.fields)
    if (f.formula)
      for (const key of formulaFields(f.formula.expression)) {
        const list = readers.get(key) ?? [];
        readers.set(key, [...list, f]);
      }
  return readers;
});

/**
 * A 数値 field holds a number (「約100」, 「100件」 do not), a 日付 field a date (readNumber, readDate accept
 * 全角 digits, 「,」 grouping, 85%, 2021/4/1, R3.4.1, 令和3年4月1日 …).
 */
export function checkFieldKinds(entry: Entry, ctx: ValidationContext): Finding[] {
  // A loop, not flatMap: every field of every entry passes here, most with nothing to say.
  const found: Finding[] = [];
  for (const def of ctx.form.fields) {
    if (def.kind !== 'number' && def.kind !== 'date') continue;
    const raw = fieldText(entry.fields, def.key);
    const number = def.kind === 'number' ? readNumber(raw) : undefined;
    // A number cell reads as plain decimal text; anything else that reads as a number (「１，２００」, 「80%」)
    // was stored as text, which Suishin reads but the sheet's own formulas may not (blank since they are
    // wrapped in IFERROR; #VALUE! on a sheet built before).
    const readers = readersOf(ctx.form).get(def.key);
    if (number?.kind === 'number' && readers && raw.trim() !== plainNumberText(number.value))
      found.push(
        entryFinding(
          NUMBER_AS_TEXT_CODE,
          'warning',
          `${quote(def)}の「${raw.trim()}」は数値ではなく文字として入っています。シートの計算（${readers.map((r) => r.label).join('・')}）が空欄や「#VALUE!」になることがあるため、半角の数字だけで入力し直してください（例: ${asTyped(raw, number.value)}）。`,
          entry,
          def.key,
        ),
      );
    // A 割合 cell shows 80 typed in Excel as 80%, but 80 pasted or written by another tool is 8000%.
    if (
      def.percent &&
      number?.kind === 'number' &&
      number.value > LIKELY_PLAIN_PERCENT &&
      !raw.normalize('NFKC').trim().endsWith('%')
    )
      found.push(
        entryFinding(
          PERCENT_SCALE_CODE,
          'warning',
          `${quote(def)}は割合の欄です。「${raw.trim()}」は ${computedPercentText(number.value)} になります。${plainNumberText(number.value)}% のつもりなら「${plainNumberText(number.value)}%」と入力してください。`,
          entry,
          def.key,
        ),
      );
    if (def.kind === 'number' && number?.kind === 'invalid')
      found.push(
        entryFinding(
          NUMBER_INVALID_CODE,
          'error',
          `${quote(def)}の「${raw.trim()}」は数値として読めません。${numberRequest(def)}補足は文章の欄に書いてください。`,
          entry,
          def.key,
        ),
      );
    else if (def.kind === 'date' && readDate(raw).kind === 'invalid')
      found.push(
        entryFinding(
          DATE_INVALID_CODE,
          'error',
          `${quote(def)}の「${raw.trim()}」は日付として読めません。日付で入力してください（例: 2021/4/1）。`,
          entry,
          def.key,
        ),
      );
  }
  return found;
}
