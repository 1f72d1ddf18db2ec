import { invariant } from '../../domain/result';
import type { SheetSpec, WorkbookSpec } from '../../domain/template/sheetSpec';
import { checkSheetName } from '../sheetRules';
import { sheetXml, type WrittenSheet } from './sheetXml';
import { THEME_XML } from './themeXml';
import { SharedStrings, Styles } from './xlsxTables';
import { NS_MAIN, NS_PKG_REL, NS_R, XML_HEAD, xmlText } from './xmlParts';
import { ZipWriter, type ZipCodec } from './zipWriter';

/**
 * SheetSpecs straight to SpreadsheetML, without a workbook model in between: each sheet becomes XML and is
 * compressed as soon as it is written. The same features as the ExcelJS adapter renders (renderSheet.ts),
 * decided by the same conventions (excelConventions.ts); charts are left out there and here alike. Used for
 * the master view, whose thousands of report sheets an object model would hold many times over.
 *
 * Strings are written inline (`t="inlineStr"`), so a sheet needs nothing from the others; Excel turns them
 * into shared strings when it saves. Output is deterministic: no time stamps.
 */

export interface WriteXlsxOptions {
  readonly codec?: ZipCodec;
  /** The sheet the file opens on (a visible one; the first visible sheet otherwise) and its active cell. */
  readonly active?: { readonly sheet: string; readonly cell?: string };
  /** Fills laid over cells (marks of findings): sheet name → A1 address → `#RRGGBB`. */
  readonly overlays?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const relationships = (rels: readonly { id: string; type: string; target: string }[]): string =>
  `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join('')}</Relationships>`;

/** Which sheet the file opens on: the requested one when it is visible, else the first visible sheet. */
function activeIndex(sheets: readonly SheetSpec[], requested: string | undefined): number {
  const visible = (s: SheetSpec | undefined) => s !== undefined && (s.visibility ?? 'visible') === 'visible';
  const key = requested?.toLowerCase();
  const wanted = key === undefined ? -1 : sheets.findIndex((s) => s.name.toLowerCase() === key);
  const index = visible(sheets[wanted]) ? wanted : sheets.findIndex(visible);
  invariant(index >= 0, 'a workbook needs at least one visible sheet');
  return index;
}

/** Write the workbook: each sheet is serialised and compressed before the next, so only one sheet's XML is held. */
export async function writeXlsx(
  workbook: { readonly sheets: readonly SheetSpec[]; readonly properties: WorkbookSpec['properties'] },
  options: WriteXlsxOptions = {},
): Promise<Uint8Array> {
  const zip = new ZipWriter(options.codec);
  const styles = new Styles();
  const strings = new SharedStrings();
  const active = activeIndex(workbook.sheets, options.active?.sheet);
  const { written, tableIds } = await writeSheets(zip, workbook.sheets, { styles, strings, active, options });
  const hasStrings = strings.size > 0;
  await zip.add('xl/workbook.xml', workbookXml(written, active));
  await zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(written.length, hasStrings));
  await zip.add('xl/styles.xml', styles.xml());
  if (hasStrings) await zip.add('xl/sharedStrings.xml', strings.xml());
  await zip.add('xl/theme/theme1.xml', THEME_XML);
  await zip.add('docProps/core.xml', corePropertiesXml(workbook.properties));
  await zip.add('docProps/app.xml', appPropertiesXml(workbook.properties));
  await zip.add('_rels/.rels', PACKAGE_RELS_XML);
  await zip.add('[Content_Types].xml', contentTypesXml(written.length, tableIds, hasStrings));
  return zip.finish();
}

interface SheetsContext {
  readonly styles: Styles;
  readonly strings: SharedStrings;
  readonly active: number;
  readonly options: WriteXlsxOptions;
}

/** Each sheet's XML, relationships and table parts into the zip, in order; names are checked and unique. */
async function writeSheets(
  zip: ZipWriter,
  sheets: readonly SheetSpec[],
  { styles, strings, active, options }: SheetsContext,
): Promise<{ written: WrittenSheet[]; tableIds: number[] }> {
  const names = new Set<string>();
  const written: WrittenSheet[] = [];
  let tableCount = 0;
  const tableIds: number[] = [];
  for (const [index, spec] of sheets.entries()) {
    checkSheetName(spec.name);
    const key = spec.name.toLowerCase();
    invariant(!names.has(key), `duplicate sheet name: ${spec.name}`);
    names.add(key);
    const {
      xml,
      tables,
      written: w,
    } = sheetXml(spec, {
      styles,
      strings,
      selected: index === active,
      ...(index === active && options.active?.cell !== undefined && { activeCell: options.active.cell }),
      ...(options.overlays?.get(key) && { overlay: options.overlays.get(key)! }),
      nextTableId: () => ++tableCount,
    });
    await zip.add(`xl/worksheets/sheet${index + 1}.xml`, xml);
    if (tables.length > 0) {
      await zip.add(
        `xl/worksheets/_rels/sheet${index + 1}.xml.rels`,
        relationships(
          tables.map((t, i) => ({
            id: `rId${i + 1}`,
            type: `${NS_R}/table`,
            target: `../tables/table${t.id}.xml`,
          })),
        ),
      );
      for (const t of tables) await zip.add(`xl/tables/table${t.id}.xml`, t.xml);
    }
    tableIds.push(...tables.map((t) => t.id));
    written.push(w);
  }
  return { written, tableIds };
}

/** workbook.xml: the sheets, the one the file opens on, and print areas and titles as defined names. */
function workbookXml(written: readonly WrittenSheet[], active: number): string {
  const definedNames = written.flatMap((w, i) => [
    ...(w.printArea
      ? [`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(w.printArea)}</definedName>`]
      : []),
    ...(w.printTitles
      ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(w.printTitles)}</definedName>`]
      : []),
  ]);
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr defaultThemeVersion="164011"/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000" firstSheet="0" activeTab="${active}"/></bookViews>` +
    `<sheets>${written.map((w, i) => `<sheet name="${xmlText(w.name)}" sheetId="${i + 1}"${w.state !== 'visible' ? ` state="${w.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets>` +
    (definedNames.length > 0 ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'
  );
}

/** workbook.xml's relationships: the sheets, then styles, theme and (when used) shared strings. */
function workbookRelsXml(count: number, hasStrings: boolean): string {
  return relationships([
    ...Array.from({ length: count }, (_, i) => ({
      id: `rId${i + 1}`,
      type: `${NS_R}/worksheet`,
      target: `worksheets/sheet${i + 1}.xml`,
    })),
    { id: `rId${count + 1}`, type: `${NS_R}/styles`, target: 'styles.xml' },
    { id: `rId${count + 2}`, type: `${NS_R}/theme`, target: 'theme/theme1.xml' },
    ...(hasStrings
      ? [{ id: `rId${count + 3}`, type: `${NS_R}/sharedStrings`, target: 'sharedStrings.xml' }]
      : []),
  ]);
}

function corePropertiesXml(p: WorkbookSpec['properties']): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(p.title)}</dc:title>${p.subject !== undefined ? `<dc:subject>${xmlText(p.subject)}</dc:subject>` : ''}` +
    `${p.creator !== undefined ? `<dc:creator>${xmlText(p.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(p.creator)}</cp:lastModifiedBy>` : ''}</cp:coreProperties>`
  );
}

function appPropertiesXml(p: WorkbookSpec['properties']): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application>` +
    `${p.company !== undefined ? `<Company>${xmlText(p.company)}</Company>` : ''}</Properties>`
  );
}

const PACKAGE_RELS_XML = relationships([
  { id: 'rId1', type: `${NS_R}/officeDocument`, target: 'xl/workbook.xml' },
  {
    id: 'rId2',
    type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
    target: 'docProps/core.xml',
  },
  { id: 'rId3', type: `${NS_R}/extended-properties`, target: 'docProps/app.xml' },
]);

/** [Content_Types].xml: the type of every part written. */
function contentTypesXml(count: number, tableIds: readonly number[], hasStrings: boolean): string {
  const CT = 'application/vnd.openxmlformats-officedocument';
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
    Array.from(
      { length: count },
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`,
    ).join('') +
    tableIds
      .map(
        (id) =>
          `<Override PartName="/xl/tables/table${id}.xml" ContentType="${CT}.spreadsheetml.table+xml"/>`,
      )
      .join('') +
    (hasStrings
      ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>`
      : '') +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`
  );
}
