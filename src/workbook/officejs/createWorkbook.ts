import { OfficeOperationError, toOfficeOperationError } from './officeErrors';
import { EXCEL_API, isExcelApiSupported } from './requirements';

/**
 * Open a new workbook in Excel from .xlsx bytes given as base64 (`Excel.createWorkbook`, ExcelApi 1.8): how
 * the task pane makes "one new workbook per department" inside Excel. The pane renders the department's
 * WorkbookSpec to .xlsx with the ExcelJS adapter and passes the bytes here.
 */
export async function createWorkbookWithSheets(base64: string): Promise<void> {
  if (!isExcelApiSupported(EXCEL_API.createWorkbook)) throw new OfficeOperationError('ApiNotFound');
  try {
    return await Excel.createWorkbook(base64);
  } catch (error) {
    throw toOfficeOperationError(error);
  }
}

/** Bytes → base64 without `Buffer` (the task pane runs in a browser), in slices to keep the call stack small. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const createWorkbookFromBytes = (bytes: Uint8Array): Promise<void> =>
  createWorkbookWithSheets(bytesToBase64(bytes));
