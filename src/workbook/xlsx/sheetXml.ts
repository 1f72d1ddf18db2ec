import { absoluteCellAddress, cellAddress, columnLetters, rangeAddress } from '../../domain/cellAddress';
import { cellText } from '../../domain/extract/snapshot';
import { invariant } from '../../domain/result';
import type { CellRange, CellSpec, SheetSpec } from '../../domain/template/sheetSpec';
import { quoteSheetName } from '../excelConventions';
import { argb } from '../a1';
import { checkTableName, headerNames } from '../sheetRules';
import { cellGrid, sheetDataXml, type CellGrid, type SheetContext } from './sheetDataXml';
import { conditionalFormatXml, validationXml } from './sheetRulesXml';
import { NS_MAIN, NS_R, XML_HEAD, xmlText } from './xmlParts';

/**
 * One SheetSpec as worksheet XML (see writeXlsx.ts): the cell grid, table parts, rows, view, columns,
 * merges, rules and print setup, in the element order ECMA-376 gives a worksheet.
 */

/** `$A$1:$D$30`: an absolute range for a defined name. */
const absolute = (r: CellRange): string =>
  `${absoluteCellAddress(r.top, r.left)}:${absoluteCellAddress(r.bottom, r.right)}`;

/** What workbook.xml needs to know of a written sheet. */
export interface WrittenSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly printArea?: string;
  readonly printTitles?: string;
}

export interface TablePart {
  readonly id: number;
  readonly xml: string;
}

/** One worksheet's XML, with its table parts and what workbook.xml needs. */
export function sheetXml(
  spec: SheetSpec,
  ctx: SheetContext,
): { xml: string; tables: TablePart[]; written: WrittenSheet } {
  const { styles } = ctx;
  const { grid, put, anchors } = cellGrid(spec, ctx.overlay);
  const tables = tableParts(spec, grid, put, ctx);
  const { rows, lastRow, maxColumn } = sheetDataXml(spec, grid, anchors, ctx);
  const print = spec.print;
  const sheetPr =
    spec.tabColor || (print && print.fitToWidth > 0) || ctx.codeName
      ? `<sheetPr${ctx.codeName ? ` codeName="${xmlText(ctx.codeName)}"` : ''}>${spec.tabColor ? `<tabColor rgb="${argb(spec.tabColor)}"/>` : ''}${print && print.fitToWidth > 0 ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`
      : '';
  const dimension = `<dimension ref="${lastRow !== undefined ? `A1:${cellAddress(lastRow, maxColumn)}` : 'A1'}"/>`;
  const cols = colsXml(spec);

  const merges = styles.fragment(
    spec.merges,
    () =>
      `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join('')}</mergeCells>`,
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
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${sheetPr}${dimension}<sheetViews>${sheetViewXml(spec, ctx)}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="13.5"/>${cols}<sheetData>${rows}</sheetData>` +
    (spec.protect ? '<sheetProtection sheet="1" formatRows="0"/>' : '') +
    merges +
    conditional +
    validations +
    printXml(print) +
    (tables.length > 0
      ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join('')}</tableParts>`
      : '') +
    '</worksheet>';
  return { xml, tables, written: writtenSheet(spec) };
}

/** Each table's part XML; its header cells are given the unique text names the table gives its columns. */
function tableParts(
  spec: SheetSpec,
  grid: CellGrid,
  put: (cell: CellSpec) => void,
  ctx: SheetContext,
): TablePart[] {
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
    const ref = rangeAddress(t.range);
    tables.push({
      id,
      xml:
        `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${xmlText(t.name)}" displayName="${xmlText(t.name)}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${xmlText(n)}"/>`).join('')}</tableColumns>` +
        `<tableStyleInfo name="${xmlText(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    });
  }
  return tables;
}

/** The sheet view: selected or not, frozen panes, the active cell. */
function sheetViewXml(spec: SheetSpec, ctx: SheetContext): string {
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
  return view;
}

/** Column widths and hidden columns. */
function colsXml(spec: SheetSpec): string {
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
  return cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '';
}

/** Print options, margins, page setup and header/footer, in the order the schema wants them. */
function printXml(print: SheetSpec['print']): string {
  const m = print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  return (
    (print?.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    (print
      ? `<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth > 0 ? ` fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight ?? 0}"` : ''}${print.pageOrder ? ` pageOrder="${print.pageOrder}"` : ''}/>`
      : '') +
    (print && (print.header !== undefined || print.footer !== undefined)
      ? `<headerFooter>${print.header !== undefined ? `<oddHeader>${xmlText(print.header)}</oddHeader>` : ''}${print.footer !== undefined ? `<oddFooter>${xmlText(print.footer)}</oddFooter>` : ''}</headerFooter>`
      : '')
  );
}

/** What workbook.xml needs of the sheet: name, state, print area and titles. */
function writtenSheet(spec: SheetSpec): WrittenSheet {
  const print = spec.print;
  const quoted = quoteSheetName(spec.name);
  return {
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
  };
}
