import { fiscalYearOf } from '../domain/fiscal/fiscalYear';
import { parseFiscalYear } from '../domain/fiscal/fiscalYear';
import { err, ok, type Result } from '../domain/result';

/** `--year` (令和3年度, R3, 2021), else the year the plan names, else the fiscal year of today. */
export function resolveFiscalYear(
  option: string | undefined,
  fallback: number | undefined,
  today: Date,
): Result<number, string> {
  if (option !== undefined) {
    const year = parseFiscalYear(option);
    return year !== undefined && year >= 1989 && year <= 2200
      ? ok(year)
      : err(`年度「${option}」を読み取れません。令和3年度、R3、2021 のように指定してください。`);
  }
  return ok(fallback ?? fiscalYearOf(today.getFullYear(), today.getMonth() + 1));
}
