import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';

/** The opened file's name as .xlsx (macros are never kept), or a new name for a new master. */
export function masterFileName(name: string | undefined, fiscalYear: number): string {
  if (!name) return `${formatFiscalYear(fiscalYear)}_全体計画.xlsx`;
  return /\.xls[xm]$/i.test(name) ? name.replace(/\.xls[xm]$/i, '.xlsx') : `${name}.xlsx`;
}
