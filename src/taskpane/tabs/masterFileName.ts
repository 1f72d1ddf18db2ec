import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';

/**
 * The opened file's name for the saved bytes: .xlsm when they are macro-enabled (an .xlsm updated in its
 * package keeps its macros, and Excel opens such bytes only under that name), else .xlsx (ExcelJS, for a
 * package the own writer declines, saves without macros); a new name for a new master.
 */
export function masterFileName(name: string | undefined, fiscalYear: number, macroEnabled = false): string {
  if (!name) return `${formatFiscalYear(fiscalYear)}_全体計画.xlsx`;
  const extension = macroEnabled ? '.xlsm' : '.xlsx';
  return /\.xls[xm]$/i.test(name) ? name.replace(/\.xls[xm]$/i, extension) : `${name}${extension}`;
}
