import { cellAddress, columnLetters } from '../../domain/cellAddress';
import { cellText } from '../../domain/extract/snapshot';
import { assertNever, invariant } from '../../domain/result';
import type {
  CellRange,
  CellSpec,
  CellStyle,
  ConditionalFormatSpec,
  SheetSpec,
  ValidationSpec,
  WorkbookSpec,
} from '../../domain/template/sheetSpec';
import { escapeCellText } from '../escapeCellText';
import {
  blankRuleFormula,
  linkFormula,
  normaliseLineBreaks,
  quoteSheetName,
  VALIDATION_LIMITS,
} from '../excelConventions';
import { a1Range, argb } from '../a1';
import { checkSheetName, checkTableName, headerNames } from '../sheetRules';
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

const XML_SPECIAL = /[&<>"]/;

/** Column letters by 0-based column, computed once. */
const LETTERS: string[] = [];
const columnName = (column: number): string => (LETTERS[column] ??= cellAddress(0, column).slice(0, -1));

/** `$A$1:$D$30`: an absolute range for a defined name. */
const absolute = (r: CellRange): string => {
  const abs = (row: number, column: number) =>
    cellAddress(row, column).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
};

/** What workbook.xml needs to know of a written sheet. */
interface WrittenSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly printArea?: string;
  readonly printTitles?: string;
}

interface TablePart {
  readonly id: number;
  readonly xml: string;
}

function validationXml(v: ValidationSpec): string {
  const check = (text: string, max: number, what: string) => {
    invariant(
      text.length <= max,
      `${what} is ${text.length} characters; Excel allows ${max}: ${text.slice(0, 20)}…`,
    );
    return xmlText(text);
  };
  const { error, prompt } = v;
  const messages =
    ` showErrorMessage="1" errorStyle="${error.style}"` +
    ` errorTitle="${check(error.title, VALIDATION_LIMITS.title, 'error title')}" error="${check(error.message, VALIDATION_LIMITS.message, 'error message')}"` +
    (prompt
      ? ` showInputMessage="1" promptTitle="${check(prompt.title, VALIDATION_LIMITS.title, 'prompt title')}" prompt="${check(prompt.message, VALIDATION_LIMITS.message, 'prompt message')}"`
      : '');
  switch (v.kind) {
    case 'list': {
      for (const value of v.values)
        invariant(!value.includes(','), `a list value cannot contain a comma: ${value}`);
      const joined = v.values.map((value) => value.replace(/"/g, '""')).join(',');
      invariant(
        joined.length <= VALIDATION_LIMITS.list,
        `list is ${joined.length} characters; Excel allows ${VALIDATION_LIMITS.list}: ${joined.slice(0, 20)}…`,
      );
      const formula = `"${joined}"`;
      return `<dataValidation type="list"${v.allowBlank ? ' allowBlank="1"' : ''}${messages} sqref="${a1Range(v.range)}"><formula1>${xmlText(formula)}</formula1></dataValidation>`;
    }
    case 'textLength':
      return `<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1"${messages} sqref="${a1Range(v.range)}"><formula1>${v.max}</formula1></dataValidation>`;
    default:
      return assertNever(v, 'Unknown validation');
  }
}

function conditionalFormatXml(cf: ConditionalFormatSpec, priority: number, styles: Styles): string {
  switch (cf.kind) {
    case 'blank':
      return `<conditionalFormatting sqref="${a1Range(cf.range)}"><cfRule type="expression" dxfId="${styles.dxfFill(cf.fill)}" priority="${priority}"><formula>${xmlText(blankRuleFormula(cf.range.top, cf.range.left))}</formula></cfRule></conditionalFormatting>`;
    case 'dataBar':
      return `<conditionalFormatting sqref="${a1Range(cf.range)}"><cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(cf.color)}"/></dataBar></cfRule></conditionalFormatting>`;
    default:
      return assertNever(cf, 'Unknown conditional format');
  }
}

/** A cell as one number (Excel has 16,384 columns), for maps keyed by cell. */
const cellKey = (row: number, column: number): number => row * 16384 + column;

const anchorCache = new WeakMap<readonly CellRange[], ReadonlyMap<number, { row: number; column: number }>>();

/**
 * The top-left cell of each merge by covered cell (covered cells keep no value, and take the anchor's
 * style). Made once per merges list: the report sheets of one form share theirs.
 */
function mergeAnchors(merges: readonly CellRange[]): ReadonlyMap<number, { row: number; column: number }> {
  let anchors = anchorCache.get(merges);
  if (!anchors) {
    const map = new Map<number, { row: number; column: number }>();
    for (const m of merges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) map.set(cellKey(r, c), { row: m.top, column: m.left });
    anchorCache.set(merges, (anchors = map));
  }
  return anchors;
}

interface SheetContext {
  readonly styles: Styles;
  readonly strings: SharedStrings;
  readonly selected: boolean;
  readonly activeCell?: string;
  readonly overlay?: ReadonlyMap<string, string>;
  readonly nextTableId: () => number;
}

/** One worksheet's XML, with its table parts and what workbook.xml needs. */
function sheetXml(
  spec: SheetSpec,
  ctx: SheetContext,
): { xml: string; tables: TablePart[]; written: WrittenSheet } {
  const { styles, overlay } = ctx;
  const styleOf = (name: string | undefined): CellStyle => {
    if (name === undefined) return {};
    const style = spec.styles[name];
    invariant(style, `sheet ${spec.name} uses an undefined style: ${name}`);
    return style;
  };
  const xfOf = (name: string | undefined, address: string): number => {
    const fill = overlay?.get(address);
    if (name === undefined && fill === undefined) return 0;
    return styles.xfCached(spec.styles, name ?? '', styleOf(name), fill);
  };

  // Cells by row, then column; a merge's covered cells exist with the anchor's style unless styled themselves.
  const grid = new Map<number, Map<number, CellSpec>>();
  const put = (cell: CellSpec) => {
    let row = grid.get(cell.row);
    if (!row) grid.set(cell.row, (row = new Map()));
    row.set(cell.column, cell);
  };
  for (const cell of spec.cells) put(cell);
  const anchors = mergeAnchors(spec.merges);
  for (const [key, anchor] of anchors) {
    const [r, c] = [Math.floor(key / 16384), key % 16384];
    const own = grid.get(r)?.get(c);
    const anchorStyle = grid.get(anchor.row)?.get(anchor.column)?.style;
    const style = own?.style ?? anchorStyle;
    put({ row: r, column: c, ...(style !== undefined && { style }) }); // no value: Excel keeps only the top-left one
  }
  if (overlay)
    for (const address of overlay.keys()) {
      const at = /^([A-Z]+)(\d+)$/.exec(address);
      if (!at) continue;
      const column = [...at[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(at[2]) - 1;
      if (!grid.get(row)?.has(column)) put({ row, column });
    }

  // Table headers must be unique text: the cell shows the name the table gives its column.
  const tables: TablePart[] = [];
  for (const t of spec.tables ?? []) {
    checkTableName(t.name);
    const { top, left, bottom, right } = t.range;
    invariant(bottom > top, `table ${t.name} needs a header row and at least one data row`);
    const columns: number[] = [];
    for (let c = left; c <= right; c++) columns.push(c);
    const names = headerNames(columns.map((c) => cellText(grid.get(top)?.get(c)?.value ?? null)));
    columns.forEach((c, i) => {
      const cell = grid.get(top)?.get(c);
      if (cellText(cell?.value ?? null) !== names[i])
        put({ ...(cell ?? { row: top, column: c }), value: names[i]! });
    });
    const id = ctx.nextTableId();
    const ref = a1Range(t.range);
    tables.push({
      id,
      xml:
        `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${xmlText(t.name)}" displayName="${xmlText(t.name)}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${xmlText(n)}"/>`).join('')}</tableColumns>` +
        `<tableStyleInfo name="${xmlText(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    });
  }

  const rowNumbers = new Set<number>([...grid.keys(), ...Object.keys(spec.rowHeights).map(Number)]);
  const sortedRows = [...rowNumbers].sort((a, b) => a - b);
  const parts: string[] = [];
  let maxColumn = Math.max(0, spec.columnWidths.length - 1);
  const autoHeight = new Set(spec.autoHeightRows);
  for (const r of sortedRows) {
    const height = spec.rowHeights[r];
    const cells = grid.get(r);
    // A row that grows with its text keeps its height without customHeight: Excel fits it again.
    const heightXml =
      height === undefined ? '' : ` ht="${height}"${autoHeight.has(r) ? '' : ' customHeight="1"'}`;
    let rowXml = `<row r="${r + 1}"${heightXml}`;
    if (!cells || cells.size === 0) {
      parts.push(`${rowXml}/>`);
      continue;
    }
    rowXml += '>';
    const columns = [...cells.keys()].sort((a, b) => a - b);
    for (const c of columns) {
      if (c > maxColumn) maxColumn = c;
      const cell = cells.get(c)!;
      const address = `${columnName(c)}${r + 1}`;
      const s = xfOf(cell.style, address);
      const sAttr = s ? ` s="${s}"` : '';
      const covered = anchors.has(cellKey(r, c));
      if (!covered && cell.formula !== undefined) {
        rowXml += `<c r="${address}"${sAttr}><f>${xmlText(cell.formula.replace(/^=/, ''))}</f></c>`;
      } else if (!covered && cell.link) {
        const text = cell.value === null || cell.value === undefined ? cell.link.cell : String(cell.value);
        rowXml += `<c r="${address}"${sAttr} t="str"><f>${xmlText(linkFormula(cell.link.sheet, cell.link.cell, text))}</f><v>${xmlText(normaliseLineBreaks(text))}</v></c>`;
      } else if (!covered && typeof cell.value === 'string' && cell.value !== '') {
        const text = normaliseLineBreaks(cell.value);
        const escaped = escapeCellText(text);
        rowXml +=
          escaped === text
            ? `<c r="${address}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${XML_SPECIAL.test(text) ? xmlText(text) : text}</t></is></c>`
            : `<c r="${address}"${sAttr} t="s"><v>${ctx.strings.indexOf(escaped)}</v></c>`;
      } else if (!covered && typeof cell.value === 'number') {
        invariant(Number.isFinite(cell.value), `sheet ${spec.name} ${address}: a number must be finite`);
        rowXml += `<c r="${address}"${sAttr}><v>${cell.value}</v></c>`;
      } else if (!covered && typeof cell.value === 'boolean') {
        rowXml += `<c r="${address}"${sAttr} t="b"><v>${cell.value ? 1 : 0}</v></c>`;
      } else if (s) {
        rowXml += `<c r="${address}"${sAttr}/>`;
      }
    }
    parts.push(`${rowXml}</row>`);
  }

  const print = spec.print;
  const sheetPr =
    spec.tabColor || (print && print.fitToWidth > 0)
      ? `<sheetPr>${spec.tabColor ? `<tabColor rgb="${argb(spec.tabColor)}"/>` : ''}${print && print.fitToWidth > 0 ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`
      : '';
  const lastRow = sortedRows.length > 0 ? sortedRows[sortedRows.length - 1]! : 0;
  const dimension = `<dimension ref="${sortedRows.length > 0 ? `A1:${cellAddress(lastRow, maxColumn)}` : 'A1'}"/>`;

  const frozen = spec.frozen && (spec.frozen.rows > 0 || spec.frozen.columns > 0) ? spec.frozen : undefined;
  let view = `<sheetView workbookViewId="0"${ctx.selected ? ' tabSelected="1"' : ''}`;
  const active = ctx.activeCell;
  if (frozen) {
    const pane =
      frozen.rows > 0 && frozen.columns > 0 ? 'bottomRight' : frozen.rows > 0 ? 'bottomLeft' : 'topRight';
    const topLeft = cellAddress(frozen.rows, frozen.columns);
    view +=
      `><pane${frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : ''}${frozen.rows > 0 ? ` ySplit="${frozen.rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}"${active ? ` activeCell="${active}" sqref="${active}"` : ''}/></sheetView>`;
  } else if (active) {
    view += `><selection activeCell="${active}" sqref="${active}"/></sheetView>`;
  } else view += '/>';

  const hidden = new Set(spec.hiddenColumns ?? []);
  const colCount = Math.max(spec.columnWidths.length, ...[...hidden].map((c) => c + 1));
  const cols: string[] = [];
  for (let c = 0; c < colCount; c++) {
    const width = spec.columnWidths[c];
    if (width === undefined && !hidden.has(c)) continue;
    cols.push(
      `<col min="${c + 1}" max="${c + 1}"${width !== undefined ? ` width="${width}" customWidth="1"` : ''}${hidden.has(c) ? ' hidden="1"' : ''}/>`,
    );
  }

  const merges = styles.fragment(
    spec.merges,
    () =>
      `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${a1Range(m)}"/>`).join('')}</mergeCells>`,
  );
  // Priorities count from 1 in each sheet, so the same rules give the same XML in every sheet.
  const conditional = styles.fragment(spec.conditionalFormats, () =>
    spec.conditionalFormats.map((cf, i) => conditionalFormatXml(cf, i + 1, styles)).join(''),
  );
  const validations = styles.fragment(
    spec.validations,
    () =>
      `<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join('')}</dataValidations>`,
  );
  const xml =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${sheetPr}${dimension}<sheetViews>${view}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="13.5"/>${cols.length > 0 ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${parts.join('')}</sheetData>` +
    (spec.protect ? '<sheetProtection sheet="1" formatRows="0"/>' : '') +
    merges +
    conditional +
    validations +
    (print?.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : '') +
    (() => {
      const m = print?.margins ?? {
        left: 0.7,
        right: 0.7,
        top: 0.75,
        bottom: 0.75,
        header: 0.3,
        footer: 0.3,
      };
      return `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    })() +
    (print
      ? `<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth > 0 ? ` fitToWidth="${print.fitToWidth}" fitToHeight="0"` : ''}${print.pageOrder ? ` pageOrder="${print.pageOrder}"` : ''}/>`
      : '') +
    (print && (print.header !== undefined || print.footer !== undefined)
      ? `<headerFooter>${print.header !== undefined ? `<oddHeader>${xmlText(print.header)}</oddHeader>` : ''}${print.footer !== undefined ? `<oddFooter>${xmlText(print.footer)}</oddFooter>` : ''}</headerFooter>`
      : '') +
    (tables.length > 0
      ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join('')}</tableParts>`
      : '') +
    '</worksheet>';

  const quoted = quoteSheetName(spec.name);
  return {
    xml,
    tables,
    written: {
      name: spec.name,
      state: spec.visibility ?? 'visible',
      ...(print?.area && { printArea: `${quoted}!${absolute(print.area)}` }),
      ...((print?.titleRows || print?.titleColumns) && {
        // Excel's order: the columns, then the rows (`'全体計画'!$A:$A,'全体計画'!$3:$3`).
        printTitles: [
          print.titleColumns &&
            `${quoted}!$${columnLetters(print.titleColumns.from)}:$${columnLetters(print.titleColumns.to)}`,
          print.titleRows && `${quoted}!$${print.titleRows.from + 1}:$${print.titleRows.to + 1}`,
        ]
          .filter(Boolean)
          .join(','),
      }),
    },
  };
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
  const names = new Set<string>();
  const written: WrittenSheet[] = [];
  let tableCount = 0;
  const tableIds: number[] = [];
  for (const [index, spec] of workbook.sheets.entries()) {
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
    zip.add(`xl/worksheets/sheet${index + 1}.xml`, xml);
    if (tables.length > 0) {
      zip.add(
        `xl/worksheets/_rels/sheet${index + 1}.xml.rels`,
        relationships(
          tables.map((t, i) => ({
            id: `rId${i + 1}`,
            type: `${NS_R}/table`,
            target: `../tables/table${t.id}.xml`,
          })),
        ),
      );
      for (const t of tables) zip.add(`xl/tables/table${t.id}.xml`, t.xml);
    }
    tableIds.push(...tables.map((t) => t.id));
    written.push(w);
  }
  const count = written.length;

  const definedNames = written.flatMap((w, i) => [
    ...(w.printArea
      ? [`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${xmlText(w.printArea)}</definedName>`]
      : []),
    ...(w.printTitles
      ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(w.printTitles)}</definedName>`]
      : []),
  ]);
  zip.add(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr defaultThemeVersion="164011"/>` +
      `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000" firstSheet="0" activeTab="${active}"/></bookViews>` +
      `<sheets>${written.map((w, i) => `<sheet name="${xmlText(w.name)}" sheetId="${i + 1}"${w.state !== 'visible' ? ` state="${w.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets>` +
      (definedNames.length > 0 ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
      '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
  );
  zip.add(
    'xl/_rels/workbook.xml.rels',
    relationships([
      ...written.map((_, i) => ({
        id: `rId${i + 1}`,
        type: `${NS_R}/worksheet`,
        target: `worksheets/sheet${i + 1}.xml`,
      })),
      { id: `rId${count + 1}`, type: `${NS_R}/styles`, target: 'styles.xml' },
      { id: `rId${count + 2}`, type: `${NS_R}/theme`, target: 'theme/theme1.xml' },
      ...(strings.size > 0
        ? [{ id: `rId${count + 3}`, type: `${NS_R}/sharedStrings`, target: 'sharedStrings.xml' }]
        : []),
    ]),
  );
  zip.add('xl/styles.xml', styles.xml());
  if (strings.size > 0) zip.add('xl/sharedStrings.xml', strings.xml());
  zip.add('xl/theme/theme1.xml', THEME_XML);

  const p = workbook.properties;
  zip.add(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${xmlText(p.title)}</dc:title>${p.subject !== undefined ? `<dc:subject>${xmlText(p.subject)}</dc:subject>` : ''}` +
      `${p.creator !== undefined ? `<dc:creator>${xmlText(p.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(p.creator)}</cp:lastModifiedBy>` : ''}</cp:coreProperties>`,
  );
  zip.add(
    'docProps/app.xml',
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application>` +
      `${p.company !== undefined ? `<Company>${xmlText(p.company)}</Company>` : ''}</Properties>`,
  );
  zip.add(
    '_rels/.rels',
    relationships([
      { id: 'rId1', type: `${NS_R}/officeDocument`, target: 'xl/workbook.xml' },
      {
        id: 'rId2',
        type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
        target: 'docProps/core.xml',
      },
      { id: 'rId3', type: `${NS_R}/extended-properties`, target: 'docProps/app.xml' },
    ]),
  );
  const CT = 'application/vnd.openxmlformats-officedocument';
  zip.add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      written
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      tableIds
        .map(
          (id) =>
            `<Override PartName="/xl/tables/table${id}.xml" ContentType="${CT}.spreadsheetml.table+xml"/>`,
        )
        .join('') +
      (strings.size > 0
        ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>`
        : '') +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`,
  );
  return zip.finish();
}
