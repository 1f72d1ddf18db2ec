import { fieldText, type Entry } from '../entry/types';
import { datesInText } from '../fiscal/datesInText';
import { PERIOD_LABELS, periodOfMonth, type Period } from '../fiscal/fiscalYear';
import type { Finding } from '../finding';
import { entryFinding, type ValidationContext } from './context';

const PERIODS: readonly Period[] = ['firstHalf', 'secondHalf'];

/** A date in 前期 text that falls in 後期 (or the reverse) is probably in the wrong cell. */
export function checkPeriodDates(entry: Entry, _ctx: ValidationContext): Finding[] {
  return PERIODS.flatMap((period) => {
    const outside = datesInText(fieldText(entry.fields, period)).filter(
      (d) => periodOfMonth(d.month) !== period,
    );
    if (outside.length === 0) return [];
    const other = period === 'firstHalf' ? 'secondHalf' : 'firstHalf';
    const dates = outside.map((d) => d.text).join('、');
    return [
      entryFinding(
        'entry.period-date',
        'warning',
        `「${PERIOD_LABELS[period]}」に期間外の日付（${dates}）があります。「${PERIOD_LABELS[other]}」の欄に書く内容でないか確認してください。`,
        entry,
        period,
      ),
    ];
  });
}
