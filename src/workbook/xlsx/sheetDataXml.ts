import { perObject } from '../../domain/memo';
import { cellAddress, parseCellAddress } from '../../domain/cellAddress';
import { invariant } from '../../domain/result';
import type { CellRange, CellSpec, CellStyle, SheetSpec } from '../../domain/template/sheetSpec';
import { escapeCellText } from '../escapeCellText';
import { linkFormula, normaliseLineBreaks } from '../excelConventions';
import type { SharedStrings, Styles } from './xlsxTables';
import { xmlText } from './xmlParts';

const XML_SPECIAL = /[&<>"]/;

/** Column letters by 0-based column, computed once. */
const LETTERS: string[] = [];
const columnName = (column: number): string => (LETTERS[column] ??= cellAddress(0, column).slice(0, -1));

/** A cell as one number (Excel has 16,384 columns), for maps keyed by cell. */
const cellKey = (row: number, column: number): number => row * 16384 + column;

/**
 * The top-left cell of each merge by covered cell (covered cells keep no value, and take the anchor's
 * style). Made once per merges list: the report sheets of one form share theirs.
 */
const mergeAnchors = perObject((merges: readonly CellRange[]) => {
  const map = new Map<number, { row: number; column: number }>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) map.set(cellKey(r, c), { row: m.top, column: m.left });
  return map as ReadonlyMap<number, { row: number; column: number }>;
});

/** What one sheet's XML needs from the workbook being written. */
export interface SheetContext {
  readonly styles: Styles;
  readonly strings: SharedStrings;
  readonly selected: boolean;
  readonly activeCell?: string;
  readonly overlay?: ReadonlyMap<string, string>;
  /** The sheet's code name, kept from the sheet it replaces (a VBA project's module names it). */
  readonly codeName?: string;
  readonly nextTableId: () => number;
}

export type CellGrid = Map<number, Map<number, CellSpec>>;

/** Cells by row, then column; a merge's covered cells exist with the anchor's style unless styled themselves. */
export function cellGrid(
  spec: SheetSpec,
  overlay: ReadonlyMap<string, string> | undefined,
): {
  grid: CellGrid;
  put: (cell: CellSpec) => void;
  anchors: ReadonlyMap<number, { row: number; column: number }>;
} {
  const grid: CellGrid = new Map();
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
      const at = parseCellAddress(address);
      if (!at) continue;
      const { row, column } = at;
      if (!grid.get(row)?.has(column)) put({ row, column });
    }
  return { grid, put, anchors };
}

/** The rows' XML, the last row written and the widest column used (for the dimension). */
export function sheetDataXml(
  spec: SheetSpec,
  grid: CellGrid,
  anchors: ReadonlyMap<number, unknown>,
  ctx: SheetContext,
): { rows: string; lastRow: number | undefined; maxColumn: number } {
  const xfOf = styleIndexer(spec, ctx);
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
  return { rows: parts.join(''), lastRow: sortedRows[sortedRows.length - 1], maxColumn };
}

/** The style index of a cell: its named style with any overlay fill laid over it (0: no style). */
function styleIndexer(
  spec: SheetSpec,
  { styles, overlay }: SheetContext,
): (name: string | undefined, address: string) => number {
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
  return xfOf;
}
