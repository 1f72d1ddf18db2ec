import type { Workbook, Worksheet } from 'exceljs';

/**
 * Rows that grow with their text (SheetSpec.autoHeightRows). ExcelJS 4.4.0 writes every row height with
 * customHeight="1" (lib/xlsx/xform/sheet/row-xform.js), and Excel never grows such a row: typed text beyond
 * the height is hidden on screen and on paper. A marked row keeps its height — the height LibreOffice shows
 * on opening — but without the flag, so Excel fits it to its text. The flag is dropped from the sheet's XML
 * as ExcelJS adds the part to the package (XLSX#addWorksheets, an instance method in Node and in the browser
 * bundle alike).
 */
const marked = new WeakMap<Worksheet, ReadonlySet<number>>();

/** Mark rows (1-based) of a worksheet as growing with their text. */
export function markAutoHeightRows(ws: Worksheet, rows: readonly number[]): void {
  if (rows.length > 0) marked.set(ws, new Set([...(marked.get(ws) ?? []), ...rows]));
}

interface ZipWriterLike {
  append(data: unknown, options: { readonly name: string }): unknown;
}
interface XlsxInternals {
  addWorksheets(zip: ZipWriterLike, model: unknown): Promise<void>;
}

/** `<row r="7" ht="45" customHeight="1"` of a marked row loses `customHeight="1"`. */
export function dropCustomHeight(xml: string, rows: ReadonlySet<number>): string {
  return xml.replace(/<row r="(\d+)"( ht="[^"]*") customHeight="1"/g, (all, r: string, ht: string) =>
    rows.has(Number(r)) ? `<row r="${r}"${ht}` : all,
  );
}

/** Run ExcelJS's write with the marked rows of every worksheet written without customHeight. */
export async function withAutoHeightRows<T>(workbook: Workbook, write: () => Promise<T>): Promise<T> {
  const byPart = new Map<string, ReadonlySet<number>>();
  for (const ws of workbook.worksheets) {
    const rows = marked.get(ws);
    if (rows) byPart.set(`xl/worksheets/sheet${ws.id}.xml`, rows);
  }
  if (byPart.size === 0) return write();
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const addWorksheets = xlsx.addWorksheets;
  const ownAdd = Object.prototype.hasOwnProperty.call(xlsx, 'addWorksheets');
  xlsx.addWorksheets = async function (this: XlsxInternals, zip, model) {
    const append = zip.append;
    const ownAppend = Object.prototype.hasOwnProperty.call(zip, 'append');
    zip.append = (data, options) => {
      const rows = byPart.get(options.name);
      return append.call(
        zip,
        rows && typeof data === 'string' ? dropCustomHeight(data, rows) : data,
        options,
      );
    };
    try {
      return await addWorksheets.call(this, zip, model);
    } finally {
      if (ownAppend) zip.append = append;
      else delete (zip as Partial<ZipWriterLike>).append; // back to the prototype's (see utf8ZipWriter)
    }
  };
  try {
    return await write();
  } finally {
    if (ownAdd) xlsx.addWorksheets = addWorksheets;
    else delete (xlsx as Partial<XlsxInternals>).addWorksheets;
  }
}
