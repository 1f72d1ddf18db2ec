import { fiscalYearOf, formatFiscalYear } from '../domain/fiscal/fiscalYear';

/** The fiscal year today falls in (April starts a new one). */
export const currentFiscalYear = (today: Date = new Date()): number =>
  fiscalYearOf(today.getFullYear(), today.getMonth() + 1);

/** How far ahead of this year a 年度 select reaches (a plan for next year is prepared in March). */
export const YEARS_AHEAD = 2;
/** Without a 体系, how far back a 年度 select reaches. */
export const YEARS_BACK = 3;

/**
 * Choices for a 年度 select, newest first: every year from the plan's year (or a few years back when there is
 * no plan) through a few years ahead of `current`, always including `current` and the plan's year.
 */
export function fiscalYearOptions(current: number, planYear?: number): { value: number; label: string }[] {
  const first = Math.min(planYear ?? current - YEARS_BACK, current);
  const last = Math.max(current + YEARS_AHEAD, planYear ?? current);
  const options: { value: number; label: string }[] = [];
  for (let value = last; value >= first; value--) options.push({ value, label: formatFiscalYear(value) });
  return options;
}
