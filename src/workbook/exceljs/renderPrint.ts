import type { PageSetup, Worksheet } from 'exceljs';
import type { PrintSpec } from '../../domain/template/sheetSpec';
import { cellAddress, columnLetters } from '../../domain/cellAddress';

const PAPER_SIZE = { A4: 9 } as const;

/** Page setup, print area, print titles and header/footer. */
export function renderPrint(ws: Worksheet, spec: PrintSpec): void {
  const setup: Partial<PageSetup> = {
    ...ws.pageSetup,
    paperSize: PAPER_SIZE[spec.paper],
    orientation: spec.orientation,
    // fitToWidth 0 = not constrained: print at 100 %, let Excel paginate.
    fitToPage: spec.fitToWidth > 0,
    fitToWidth: spec.fitToWidth,
    fitToHeight: spec.fitToHeight ?? 0,
  };
  // Always `A1:D30`, even for one cell: ExcelJS splits the print area at ':'.
  if (spec.area)
    setup.printArea = `${cellAddress(spec.area.top, spec.area.left)}:${cellAddress(spec.area.bottom, spec.area.right)}`;
  if (spec.titleRows) setup.printTitlesRow = `${spec.titleRows.from + 1}:${spec.titleRows.to + 1}`;
  if (spec.titleColumns)
    setup.printTitlesColumn = `${columnLetters(spec.titleColumns.from)}:${columnLetters(spec.titleColumns.to)}`;
  if (spec.pageOrder) setup.pageOrder = spec.pageOrder;
  if (spec.margins) setup.margins = { ...spec.margins };
  if (spec.centerHorizontally) setup.horizontalCentered = true;
  ws.pageSetup = setup;
  if (spec.header !== undefined) ws.headerFooter.oddHeader = spec.header;
  if (spec.footer !== undefined) ws.headerFooter.oddFooter = spec.footer;
}
