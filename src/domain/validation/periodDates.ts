import { perObject } from '../memo';
import type { FieldDef, FormDefinition } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import { datesInText } from '../fiscal/datesInText';
import { PERIOD_LABELS, periodOfMonth, type Period } from '../fiscal/fiscalYear';
import type { Finding } from '../finding';
import { normalizeKey } from '../text/normalizeKey';
import { entryFinding, type ValidationContext } from './context';

const PREFIXES: readonly (readonly [Period, string])[] = [
  ['firstHalf', normalizeKey('前期')],
  ['secondHalf', normalizeKey('後期')],
];

/**
 * The text fields about a half of the year: those whose label begins with 前期 or 後期 (R2: 前期 (4～9月)).
 * Once per form: every entry of a run is checked against the same form.
 */
const periodFields = perObject((form: FormDefinition): readonly (readonly [Period, FieldDef])[] =>
  form.fields.flatMap((f) => {
    const hit = f.kind === 'text' ? PREFIXES.find(([, p]) => normalizeKey(f.label).startsWith(p)) : undefined;
    return hit ? [[hit[0], f] as const] : [];
  }),
);

/** A date in 前期 text that falls in 後期 (or the reverse) is probably in the wrong cell. */
export function checkPeriodDates(entry: Entry, ctx: ValidationContext): Finding[] {
  const fields = periodFields(ctx.form);
  return fields.flatMap(([period, def]) => {
    const outside = datesInText(fieldText(entry.fields, def.key)).filter(
      (d) => periodOfMonth(d.month) !== period,
    );
    if (outside.length === 0) return [];
    const other = period === 'firstHalf' ? 'secondHalf' : 'firstHalf';
    const otherLabel = fields.find(([p]) => p === other)?.[1].label ?? PERIOD_LABELS[other];
    // Each date once, as written (a date repeated in the text is one date to check).
    const dates = [...new Set(outside.map((d) => d.text))].join('、');
    return [
      entryFinding(
        'entry.period-date',
        'warning',
        `「${def.label}」に期間外の日付（${dates}）があります。「${otherLabel}」の欄に書く内容でないか確認してください。`,
        entry,
        def.key,
      ),
    ];
  });
}
