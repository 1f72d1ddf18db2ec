import { createWorkbookWithSheets } from '../workbook/officejs/createWorkbook';
import { OfficeJsPort } from '../workbook/officejs/officeJsPort';
import { ExcelHost } from './excelHost';

export { themeFor } from './theme';

/** Inside Excel: the host over the open workbook (Office.js adapter), in a chunk file mode never loads. */
export function excelHost(name: string | undefined, canCreateWorkbook: boolean): ExcelHost {
  return new ExcelHost({
    port: new OfficeJsPort(name !== undefined ? { file: name } : {}),
    name,
    ...(canCreateWorkbook && { createWorkbookFromBase64: createWorkbookWithSheets }),
  });
}
