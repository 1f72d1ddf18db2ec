import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

/** Test helpers: look inside saved bytes with ExcelJS itself or as a zip of XML parts. */

export async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

export async function zipParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (!name.endsWith('/')) parts.set(name, strFromU8(data));
  return parts;
}

/** The XML of a worksheet part, found by sheet name through workbook.xml and its relationships. */
export async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const parts = await zipParts(bytes);
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const rId = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  const xml = target && parts.get(`xl/${target.replace(/^\/?xl\//, '')}`);
  if (!xml) throw new Error(`no worksheet part for ${name}`);
  return xml;
}

/** A cell's solid fill as `#RRGGBB`, or null. */
export function fillOfCell(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(2).toUpperCase()}` : null;
}
