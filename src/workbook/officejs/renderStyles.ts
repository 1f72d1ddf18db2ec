import { rangeAddress } from '../../domain/cellAddress';
import type { CellRange, CellStyle, SheetSpec } from '../../domain/template/sheetSpec';
import { invariant } from '../../domain/result';
import { DEFAULT_FONT_SIZE } from '../excelConventions';
import { estimateBytes } from './payload';
import type { ExcelFeatures } from './requirements';

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Cells as few rectangles: runs along each row, stacked down while the column span repeats. */
export function cellsToRanges(
  cells: readonly { readonly row: number; readonly column: number }[],
): CellRange[] {
  const rows = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = rows.get(row);
    if (columns) columns.push(column);
    else rows.set(row, [column]);
  }
  const open = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  const done: CellRange[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const columns = [...new Set(rows.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of columns) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const keys = new Set(runs.map(([l, r]) => `${l}:${r}`));
    for (const [key, range] of [...open]) {
      if (!keys.has(key) || range.bottom !== row - 1) {
        done.push(range);
        open.delete(key);
      }
    }
    for (const [left, right] of runs) {
      const range = open.get(`${left}:${right}`);
      if (range) range.bottom = row;
      else open.set(`${left}:${right}`, { top: row, left, bottom: row, right });
    }
  }
  return [...done, ...open.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Where a style goes: one range, or (ExcelApi 1.9) several as one RangeAreas address. */
interface StyleTarget {
  readonly address?: string;
  readonly range?: CellRange;
  readonly multiRow: boolean;
  readonly multiColumn: boolean;
}

/** Property sets a style costs on one target (for the payload estimate). */
function styleActions(style: CellStyle, target: StyleTarget): number {
  const borders = style.border ? 4 + (target.multiRow ? 1 : 0) + (target.multiColumn ? 1 : 0) : 0;
  const flags = [
    style.fontSize !== undefined && style.fontSize !== DEFAULT_FONT_SIZE,
    style.bold,
    style.underline,
    style.color,
    style.fill,
    style.horizontal,
    style.vertical,
    style.wrap,
    style.locked === false,
  ];
  return 1 + borders + flags.filter(Boolean).length;
}

function applyStyle(format: Excel.RangeFormat, style: CellStyle, target: StyleTarget): void {
  if (style.fontSize !== undefined && style.fontSize !== DEFAULT_FONT_SIZE) format.font.size = style.fontSize;
  if (style.bold) format.font.bold = true;
  if (style.underline) format.font.underline = 'Single';
  if (style.color) format.font.color = style.color;
  if (style.fill) format.fill.color = style.fill;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap) format.wrapText = true;
  if (style.border) {
    // A thin black line is what `Continuous` draws by default: one property per edge keeps requests small.
    const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (target.multiRow) edges.push('InsideHorizontal');
    if (target.multiColumn) edges.push('InsideVertical');
    for (const edge of edges) format.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous';
  }
  if (style.locked === false) format.protection.locked = false;
}

/** A RangeAreas address stays short (Excel limits formula-like text; 2,000 characters is far below). */
const ADDRESS_CHARS = 2_000;

/** Ranges grouped into RangeAreas addresses of at most `ADDRESS_CHARS` characters. */
function areaTargets(ranges: readonly CellRange[]): StyleTarget[] {
  const targets: StyleTarget[] = [];
  let group: CellRange[] = [];
  let length = 0;
  const flush = (): void => {
    if (group.length === 0) return;
    targets.push({
      address: group.map(rangeAddress).join(','),
      multiRow: group.some((r) => r.bottom > r.top),
      multiColumn: group.some((r) => r.right > r.left),
    });
    group = [];
    length = 0;
  };
  for (const r of ranges) {
    const text = rangeAddress(r);
    if (length + text.length + 1 > ADDRESS_CHARS) flush();
    group.push(r);
    length += text.length + 1;
  }
  flush();
  return targets;
}

export interface StyleWork {
  readonly style: string;
  readonly targets: readonly StyleTarget[];
  readonly bytes: number;
}

/**
 * Each named style with the ranges it covers: with RangeAreas (ExcelApi 1.9) set once for all of them,
 * else range by range. A cell covered by a merge that the spec leaves unstyled takes the top-left cell's
 * style (as the ExcelJS adapter does), so borders and fills cover the merged area.
 */
export function styleWork(spec: SheetSpec, features: Pick<ExcelFeatures, 'rangeAreas'>): StyleWork[] {
  const byCell = new Map<string, { row: number; column: number; style: string }>();
  for (const cell of spec.cells) {
    if (cell.style === undefined) continue;
    invariant(spec.styles[cell.style], `sheet ${spec.name} uses an undefined style: ${cell.style}`);
    byCell.set(`${cell.row},${cell.column}`, { row: cell.row, column: cell.column, style: cell.style });
  }
  for (const m of spec.merges) {
    const anchor = byCell.get(`${m.top},${m.left}`);
    if (!anchor) continue;
    for (let row = m.top; row <= m.bottom; row += 1)
      for (let column = m.left; column <= m.right; column += 1)
        if (!byCell.has(`${row},${column}`))
          byCell.set(`${row},${column}`, { row, column, style: anchor.style });
  }
  const byStyle = new Map<string, { row: number; column: number }[]>();
  for (const cell of byCell.values()) {
    const cells = byStyle.get(cell.style);
    if (cells) cells.push(cell);
    else byStyle.set(cell.style, [cell]);
  }
  return [...byStyle].map(([style, cells]) => {
    const ranges = cellsToRanges(cells);
    const targets: StyleTarget[] = features.rangeAreas
      ? areaTargets(ranges)
      : ranges.map((range) => ({
          range,
          multiRow: range.bottom > range.top,
          multiColumn: range.right > range.left,
        }));
    const definition = spec.styles[style] ?? {};
    const actions = targets.reduce((n, t) => n + styleActions(definition, t), 0);
    return { style, targets, bytes: estimateBytes(actions, ...targets.map((t) => t.address)) };
  });
}

export function renderStyle(ws: Excel.Worksheet, spec: SheetSpec, work: StyleWork): void {
  const style = spec.styles[work.style] ?? {};
  for (const target of work.targets) {
    const r = target.range;
    const format = r
      ? ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1).format
      : ws.getRanges(target.address ?? '').format;
    applyStyle(format, style, target);
  }
}
