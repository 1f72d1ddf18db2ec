import { cellAddress, columnLetters } from '../../domain/cellAddress';
import type { PrintSpec } from '../../domain/template/sheetSpec';
import { splitHeaderFooter } from './headerFooter';
import { estimateBytes } from './payload';
import { inchesToPoints } from './units';

const PAPER = { A4: 'A4' } as const;
const ORIENTATION = { portrait: 'Portrait', landscape: 'Landscape' } as const;

export const printBytes = (spec: PrintSpec): number => estimateBytes(16, spec);

/**
 * Page setup through `worksheet.pageLayout` (ExcelApi 1.9; the caller leaves it out on older hosts): paper,
 * orientation, fit to width (and to height when asked; else `verticalFitToPages: 0`), print area and titles,
 * margins, centring, and the header/footer split into Office.js's left/centre/right sections.
 */
export function renderPrint(ws: Excel.Worksheet, spec: PrintSpec): void {
  const layout = ws.pageLayout;
  layout.paperSize = PAPER[spec.paper] as Excel.PaperType;
  layout.orientation = ORIENTATION[spec.orientation] as Excel.PageOrientation;
  if (spec.fitToWidth > 0)
    layout.zoom = { horizontalFitToPages: spec.fitToWidth, verticalFitToPages: spec.fitToHeight ?? 0 };
  if (spec.area)
    layout.setPrintArea(
      `${cellAddress(spec.area.top, spec.area.left)}:${cellAddress(spec.area.bottom, spec.area.right)}`,
    );
  if (spec.titleRows) layout.setPrintTitleRows(`$${spec.titleRows.from + 1}:$${spec.titleRows.to + 1}`);
  if (spec.titleColumns)
    layout.setPrintTitleColumns(
      `$${columnLetters(spec.titleColumns.from)}:$${columnLetters(spec.titleColumns.to)}`,
    );
  if (spec.margins) {
    layout.topMargin = inchesToPoints(spec.margins.top);
    layout.bottomMargin = inchesToPoints(spec.margins.bottom);
    layout.leftMargin = inchesToPoints(spec.margins.left);
    layout.rightMargin = inchesToPoints(spec.margins.right);
    layout.headerMargin = inchesToPoints(spec.margins.header);
    layout.footerMargin = inchesToPoints(spec.margins.footer);
  }
  if (spec.centerHorizontally) layout.centerHorizontally = true;
  const pages = layout.headersFooters.defaultForAllPages;
  if (spec.header !== undefined) {
    const { left, center, right } = splitHeaderFooter(spec.header);
    if (left) pages.leftHeader = left;
    if (center) pages.centerHeader = center;
    if (right) pages.rightHeader = right;
  }
  if (spec.footer !== undefined) {
    const { left, center, right } = splitHeaderFooter(spec.footer);
    if (left) pages.leftFooter = left;
    if (center) pages.centerFooter = center;
    if (right) pages.rightFooter = right;
  }
}
