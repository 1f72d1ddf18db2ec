import type { Sample } from '../domain/sample/r2';
import type { FileWorkbookFactory } from '../workbook/port';

/**
 * Heavy modules load on first use, in chunks of their own, so the pane in Excel starts small:
 * ExcelJS (files, department workbooks, consolidation inputs), the R2 sample, JSZip.
 */
export const loadExcelJsFactory = async (): Promise<FileWorkbookFactory> =>
  (await import(/* webpackChunkName: "exceljs" */ '../workbook/exceljs/excelJsFactory')).excelJsFactory;

export const loadR2Sample = async (): Promise<Sample> =>
  (await import(/* webpackChunkName: "sample-r2" */ '../domain/sample/r2')).r2Sample();

/** A .zip of named files. */
export async function zipFiles(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
): Promise<Uint8Array> {
  const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const zip = new JSZip();
  for (const file of files) zip.file(file.name, file.bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
