import { strToU8, zipSync } from 'fflate';
import type { WorkbookSnapshot } from '../../src/domain/extract/snapshot';
import { ok, type Result } from '../../src/domain/result';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { OpenError } from '../../src/workbook/port';

/** Test helpers: a minimal .xlsx package written part by part, to hand both readers exactly the XML a case needs. */
export interface PackageParts {
  /** The content of `<sheetData>` of xl/worksheets/sheet1.xml. */
  readonly sheetData?: string;
  /** XML after `</sheetData>` (merges, hyperlinks). */
  readonly afterSheetData?: string;
  /** The `<sheet>` elements of xl/workbook.xml (default: one sheet `S`, rId1). */
  readonly sheets?: string;
  /** XML before `<sheets>` in xl/workbook.xml (`<workbookPr date1904="1"/>`). */
  readonly workbookPr?: string;
  /** The content of `<sst>`; no shared-strings part when omitted. */
  readonly sharedStrings?: string;
  /** The content of `<styleSheet>`; no styles part when omitted. */
  readonly styles?: string;
  /** Any other part, or a replacement for one of the above (a whole part's text). */
  readonly files?: Readonly<Record<string, string>>;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const SHEET_RELS = (target: string): string =>
  `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId9" Type="${REL}/hyperlink" Target="${target}" TargetMode="External"/></Relationships>`;

export async function xlsxPackage(parts: PackageParts = {}): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const zip = { file: (name: string, text: string) => void (files[name] = strToU8(text)) };
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets>${parts.sheets ?? '<sheet name="S" sheetId="1" r:id="rId1"/>'}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
  );
  if (parts.sharedStrings !== undefined)
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><sst xmlns="${MAIN}">${parts.sharedStrings}</sst>`,
    );
  if (parts.styles !== undefined)
    zip.file(
      'xl/styles.xml',
      `<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${parts.styles}</styleSheet>`,
    );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${parts.sheetData ?? ''}</sheetData>${parts.afterSheetData ?? ''}</worksheet>`,
  );
  for (const [name, text] of Object.entries(parts.files ?? {})) zip.file(name, text);
  return zipSync(files);
}

/** What the ExcelJS path gives for the same bytes: `(await excelJsFactory.open(bytes, file)).readSnapshot(sheets)`. */
export async function excelJsSnapshot(
  bytes: Uint8Array,
  file: string,
  sheets?: readonly string[],
): Promise<Result<WorkbookSnapshot, OpenError>> {
  const opened = await excelJsFactory.open(bytes, file);
  return opened.ok ? ok(await opened.value.readSnapshot(sheets)) : opened;
}
