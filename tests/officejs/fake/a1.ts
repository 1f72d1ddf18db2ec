import {
  columnLetters,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRangeAddress,
  rangeAddress,
} from '../../../src/domain/cellAddress';
import { FakeOfficeError } from './errors';

/** A rectangle of cells, 0-based and inclusive (the fake's internal form of an A1 address). */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export { MAX_COLUMNS, MAX_ROWS };
export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

export const rectRows = (r: Rect): number => r.bottom - r.top + 1;
export const rectColumns = (r: Rect): number => r.right - r.left + 1;
export const rectCells = (r: Rect): number => rectRows(r) * rectColumns(r);
export const isEntireColumns = (r: Rect): boolean => r.top === 0 && r.bottom === MAX_ROWS - 1;
export const isEntireRows = (r: Rect): boolean => r.left === 0 && r.right === MAX_COLUMNS - 1;
export const sameRect = (a: Rect, b: Rect): boolean =>
  a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
export const intersects = (a: Rect, b: Rect): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
export const contains = (outer: Rect, row: number, column: number): boolean =>
  row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;

/** `A1`, `$A$1`, `A1:B2`, `A:C`, `3:5`, optionally after `Sheet!` / `'My sheet'!`. */
export function parseA1(address: string): Rect {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const rect = parseRangeAddress(bare.replace(/\$/g, ''), { wholeLines: true });
  if (!rect) throw new FakeOfficeError('InvalidArgument', `Invalid address: ${address}`);
  return rect;
}

/** `A1`, `A1:B2`, `A:C` (whole columns) or `3:5` (whole rows), as Excel writes them. */
export function rectToA1(r: Rect): string {
  if (isEntireColumns(r) && !isEntireRows(r)) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  if (isEntireRows(r) && !isEntireColumns(r)) return `${r.top + 1}:${r.bottom + 1}`;
  return rangeAddress(r);
}

/** How Excel prefixes an address with a sheet name: quoted unless the name is plain letters, digits and `_`. */
export function sheetPrefix(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/**
 * Cells as few rectangles, the way Excel reports a multi-area range: runs along each row, then runs of
 * identical column spans stacked down. Input in any order.
 */
export function cellsToRects(cells: readonly { readonly row: number; readonly column: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = byRow.get(row) ?? [];
    columns.push(column);
    byRow.set(row, columns);
  }
  const open = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  const done: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const columns = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of columns) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(key, { top: row, left, bottom: row, right });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key) && rect.bottom < row) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
