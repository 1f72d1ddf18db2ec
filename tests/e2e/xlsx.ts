import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** A workbook the page produced, read back with ExcelJS (from a saved download, or bytes out of a zip). */
export async function readWorkbook(source: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return workbook;
}
