import { cellAddress, parseRangeAddress } from '../../domain/cellAddress';
import type { SheetSnapshot } from '../../domain/extract/snapshot';
import type { CellRange, CellValue } from '../../domain/template/sheetSpec';
import { normaliseLineBreaks, quoteSheetName } from '../excelConventions';

/** True for number formats that show a date or time (`yyyy/m/d`, `[$-ja-JP]ggge年m月d日`, `h:mm`), not `General`, `0.0%`, `0.00E+00`. */
export function isDateFormat(numberFormat: unknown): boolean {
  if (typeof numberFormat !== 'string' || numberFormat === '@' || /^general$/i.test(numberFormat))
    return false;
  const bare = numberFormat
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, (m) => (/^\[(h+|m+|s+)\]$/i.test(m) ? 'h' : ''))
    .replace(/E[+-]/gi, '');
  return /[ymdhsge]/i.test(bare);
}

/** An Excel date serial as ISO text, as the ExcelJS adapter reads dates: `2020-04-01` or `2020-04-01T09:30:00`. */
export function serialToIso(serial: number): string | null {
  const ms = Math.round((serial - 25_569) * 86_400) * 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A value as `Range.values` returns it → a snapshot value: `''` → null, dates → ISO, errors stay their text. */
export function snapshotValue(value: unknown, numberFormat: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return normaliseLineBreaks(value);
  if (typeof value === 'number')
    return !Number.isFinite(value) ? null : isDateFormat(numberFormat) ? serialToIso(value) : value;
  if (typeof value === 'boolean') return value;
  return null;
}

/**
 * The rectangles of a `RangeAreas.address` (`'I-1-1-1 総務課'!A9:D9, 'I-1-1-1 総務課'!A12`), 0-based. The
 * sheet's own prefix is removed first (quoted or not), so a sheet name with a comma cannot split an area.
 */
export function parseAreas(address: string, sheet: string): CellRange[] {
  const bare = address
    .split(`${quoteSheetName(sheet)}!`)
    .join('')
    .split(`${sheet}!`)
    .join('');
  return bare
    .split(',')
    .map((part) => part.trim().replace(/\$/g, ''))
    .filter((part) => part !== '')
    .flatMap((part) => parseRangeAddress(part) ?? []);
}

/** Each cell of some areas as an A1 address, in reading order. */
export function areaCells(areas: readonly CellRange[]): string[] {
  const cells: { row: number; column: number }[] = [];
  for (const a of areas)
    for (let r = a.top; r <= a.bottom; r += 1)
      for (let c = a.left; c <= a.right; c += 1) cells.push({ row: r, column: c });
  cells.sort((x, y) => x.row - y.row || x.column - y.column);
  return cells.map((c) => cellAddress(c.row, c.column));
}

export interface UsedBlock {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
  /** Only when formula cells could not be read as special cells (ExcelApi < 1.9). */
  readonly formulas?: readonly (readonly unknown[])[];
}

const VISIBILITY: Readonly<Record<string, SheetSnapshot['visibility']>> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};
export const snapshotVisibility = (visibility: string): SheetSnapshot['visibility'] =>
  VISIBILITY[visibility] ?? 'visible';

/**
 * A sheet snapshot from blocks of its used range (values offset to start at A1), its merges and its formula
 * cells — the same representation the ExcelJS adapter reads from files.
 */
export function buildSnapshot(
  name: string,
  visibility: string,
  blocks: readonly UsedBlock[],
  merges: readonly CellRange[],
  formulaAreas: readonly CellRange[] | undefined,
): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulaCells: { row: number; column: number }[] = [];
  for (const block of blocks) {
    block.values.forEach((row, i) =>
      row.forEach((raw, j) => {
        const r = block.rowIndex + i;
        const c = block.columnIndex + j;
        const format = block.numberFormat[i]?.[j];
        const formula = block.formulas?.[i]?.[j];
        if (typeof formula === 'string' && formula.startsWith('=') && format !== '@')
          formulaCells.push({ row: r, column: c });
        const value = snapshotValue(raw, format);
        if (value === null) return;
        const line = (values[r] ??= []);
        line[c] = value;
      }),
    );
  }
  const cells = formulaAreas
    ? areaCells(formulaAreas)
    : formulaCells
        .sort((a, b) => a.row - b.row || a.column - b.column)
        .map((c) => cellAddress(c.row, c.column));
  return {
    name,
    visibility: snapshotVisibility(visibility),
    values: Array.from(values, (row) => (row ? Array.from(row, (v) => v ?? null) : [])),
    merges: merges
      .filter((m) => m.bottom > m.top || m.right > m.left)
      .sort((a, b) => a.top - b.top || a.left - b.left),
    formulaCells: cells,
  };
}
