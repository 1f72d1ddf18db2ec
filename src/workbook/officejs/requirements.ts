import { OfficeOperationError } from './officeErrors';

/**
 * The ExcelApi requirement sets the adapter needs. `minimum` is checked before every operation: below it
 * nothing is done. The others are optional: without them the adapter leaves that part out (print setup,
 * screen-updating suspension) or falls back (formula cells from `formulas`, no merges read).
 *   1.4  getItemOrNullObject, getUsedRangeOrNullObject      1.6  conditional formats, suspendApiCalculation
 *   1.7  getRangeByIndexes, freezePanes, tabColor           1.8  data validation, Excel.createWorkbook
 *   1.9  pageLayout, suspendScreenUpdating, RangeAreas (getRanges, getSpecialCells), fill.pattern
 *   1.13 getMergedAreasOrNullObject
 */
export const EXCEL_API = {
  minimum: '1.8',
  createWorkbook: '1.8',
  pageLayout: '1.9',
  screenUpdating: '1.9',
  rangeAreas: '1.9',
  mergedAreas: '1.13',
} as const;

export interface ExcelFeatures {
  /** Print setup (`worksheet.pageLayout`). */
  readonly pageLayout: boolean;
  readonly screenUpdating: boolean;
  /**
   * RangeAreas: a style set once on all its ranges (`getRanges`), formula cells read as special cells,
   * `fill.pattern` to tell no fill from white.
   */
  readonly rangeAreas: boolean;
  /** Merged areas read with `getMergedAreasOrNullObject`. */
  readonly mergedAreas: boolean;
}

export function isExcelApiSupported(version: string): boolean {
  return (
    typeof Office !== 'undefined' &&
    Office.context?.requirements?.isSetSupported('ExcelApi', version) === true
  );
}

export function excelFeatures(): ExcelFeatures {
  return {
    pageLayout: isExcelApiSupported(EXCEL_API.pageLayout),
    screenUpdating: isExcelApiSupported(EXCEL_API.screenUpdating),
    rangeAreas: isExcelApiSupported(EXCEL_API.rangeAreas),
    mergedAreas: isExcelApiSupported(EXCEL_API.mergedAreas),
  };
}

/** Throw the "not supported" error unless the host has this requirement set. */
export function requireExcelApi(version: string): void {
  if (!isExcelApiSupported(version)) throw new OfficeOperationError('ApiNotFound');
}
