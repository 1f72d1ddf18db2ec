import { fiscalYearOf, formatFiscalYear } from '../domain/fiscal/fiscalYear';

/** The fiscal year today falls in (April starts a new one). */
export const currentFiscalYear = (today: Date = new Date()): number =>
  fiscalYearOf(today.getFullYear(), today.getMonth() + 1);

/** Choices for a 年度 select: a few years around `around`, always including `extra` (e.g. the plan's year). */
export function fiscalYearOptions(around: number, extra?: number): { value: number; label: string }[] {
  const years = new Set<number>();
  for (let y = around - 3; y <= around + 1; y++) years.add(y);
  if (extra !== undefined) years.add(extra);
  return [...years].sort((a, b) => b - a).map((value) => ({ value, label: formatFiscalYear(value) }));
}
