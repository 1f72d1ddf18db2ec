import type { CellValue as ExcelValue, Style, Worksheet, WorksheetProtection } from 'exceljs';
import { cellAddress } from '../../domain/cellAddress';
import { invariant } from '../../domain/result';
import type { CellRange, CellSpec, SheetSpec } from '../../domain/template/sheetSpec';
import { DEFAULT_FONT_SIZE, linkFormula, normaliseLineBreaks, SHEET_PROTECTION } from '../excelConventions';
import { argb } from '../a1';
import { markAutoHeightRows } from './autoHeightRows';
import { SHEET_FONT, toExcelStyle } from './excelStyle';
import { renderConditionalFormat } from './renderConditionalFormat';
import { renderPrint } from './renderPrint';
import { renderTable } from './renderTable';
import { renderValidation } from './renderValidation';

/**
 * Passwordless protection (see excelConventions.SHEET_PROTECTION). Without a password ExcelJS writes no hash,
 * so there is no SHA-512 spin count to pay.
 */
const PROTECTION: Partial<WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatRows: SHEET_PROTECTION.allowFormatRows,
};

/**
 * A cell's value in ExcelJS terms. Strings stay literal text (ExcelJS writes a plain string as a shared
 * string, never a formula, whatever its first character); they are escaped only when the file is saved
 * (escapeForSave), so the workbook in memory reads back what was written. A link is a HYPERLINK formula
 * whose cached result is its text (see excelConventions.linkFormula).
 */
function excelValue(cell: CellSpec): ExcelValue {
  if (cell.formula !== undefined) return { formula: cell.formula.replace(/^=/, '') };
  if (cell.link) {
    const text = cell.value === null || cell.value === undefined ? cell.link.cell : String(cell.value);
    return { formula: linkFormula(cell.link.sheet, cell.link.cell, text), result: text };
  }
  return typeof cell.value === 'string' ? normaliseLineBreaks(cell.value) : (cell.value ?? null);
}

/** The cells of a merge other than its top-left, as A1 addresses. */
function coveredCells(m: CellRange): string[] {
  const cells: string[] = [];
  for (let r = m.top; r <= m.bottom; r += 1)
    for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) cells.push(cellAddress(r, c));
  return cells;
}

export { checkSheetName } from '../sheetRules';

/** Render a spec onto a new, empty worksheet (0-based spec → 1-based ExcelJS). */
export async function renderSheet(ws: Worksheet, spec: SheetSpec): Promise<void> {
  const styles = new Map(Object.entries(spec.styles).map(([name, style]) => [name, toExcelStyle(style)]));
  const plain = toExcelStyle({});
  const styleOf = (name: string | undefined): Partial<Style> => {
    if (name === undefined) return plain;
    const style = styles.get(name);
    invariant(style, `sheet ${spec.name} uses an undefined style: ${name}`);
    return style;
  };

  const lastColumn = Math.max(spec.columnWidths.length, ...spec.cells.map((c) => c.column + 1));
  for (let c = 0; c < lastColumn; c += 1) {
    const column = ws.getColumn(c + 1);
    const width = spec.columnWidths[c];
    if (width !== undefined) column.width = width;
    column.font = { ...SHEET_FONT, size: DEFAULT_FONT_SIZE }; // empty cells of the column too
  }
  for (const c of spec.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  for (const [row, height] of Object.entries(spec.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  markAutoHeightRows(
    ws,
    (spec.autoHeightRows ?? []).map((r) => r + 1),
  );

  // Style objects are shared between cells and never mutated: marks replace a cell's style object.
  const styled = new Map<string, Partial<Style>>();
  for (const cell of spec.cells) styled.set(cellAddress(cell.row, cell.column), styleOf(cell.style));
  const covered = new Set(spec.merges.flatMap((m) => coveredCells(m)));
  for (const cell of spec.cells) {
    const target = ws.getCell(cell.row + 1, cell.column + 1);
    if (!covered.has(target.address)) target.value = excelValue(cell); // Excel keeps only the top-left value
    target.style = styled.get(target.address) ?? plain;
  }
  for (const m of spec.merges) {
    ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    // Cells the spec leaves unstyled take the top-left style, so borders and fills cover the merged area.
    const anchor = styled.get(cellAddress(m.top, m.left)) ?? plain;
    for (const address of coveredCells(m)) ws.getCell(address).style = styled.get(address) ?? anchor;
  }

  for (const v of spec.validations) renderValidation(ws, v);
  for (const cf of spec.conditionalFormats) renderConditionalFormat(ws, cf);
  for (const t of spec.tables ?? []) renderTable(ws, t);
  if (spec.print) renderPrint(ws, spec.print);
  if (spec.frozen && (spec.frozen.rows > 0 || spec.frozen.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: spec.frozen.columns, ySplit: spec.frozen.rows }];
  }
  if (spec.tabColor) ws.properties.tabColor = { argb: argb(spec.tabColor) };
  ws.state = spec.visibility ?? 'visible';
  if (spec.protect) await ws.protect('', { ...PROTECTION });
}
