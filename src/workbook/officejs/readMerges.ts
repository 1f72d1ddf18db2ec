import type { CellRange } from '../../domain/template/sheetSpec';
import { isOfficeError } from './officeErrors';
import { parseAreas } from './snapshotValues';

interface Sheet {
  readonly name: string;
  readonly proxy: Excel.Worksheet;
}

/** Rows per request when a sheet's merged areas are read in blocks; halved while a block still fails. */
const MERGE_ROWS = 200;
/** Excel's last column index (XFD). */
const LAST_COLUMN = 16_383;

const areasOf = (areas: Excel.RangeAreas, sheet: string): CellRange[] =>
  areas.isNullObject ? [] : parseAreas(areas.address, sheet);

const key = (r: CellRange): string => `${r.top},${r.left},${r.bottom},${r.right}`;

/**
 * The merged areas of each sheet. `Range.getMergedAreasOrNullObject` "will fail to return the result" when a
 * range holds more than 512 merged areas (Excel.Range reference), so one such sheet must not fail the whole
 * read: all sheets in one sync first; when that fails, sheet by sheet; a sheet that still fails, in blocks of
 * rows (halved down to one row while a block fails). An area read from two blocks is kept once.
 */
export async function readMerges(
  context: Excel.RequestContext,
  sheets: readonly Sheet[],
): Promise<CellRange[][]> {
  const all = sheets.map((s) => s.proxy.getRange().getMergedAreasOrNullObject().load('address'));
  try {
    await context.sync();
    return all.map((areas, i) => areasOf(areas, (sheets[i] as Sheet).name));
  } catch (error) {
    if (!isOfficeError(error)) throw error;
  }
  const merges: CellRange[][] = [];
  for (const sheet of sheets) merges.push(await mergesOfSheet(context, sheet));
  return merges;
}

async function mergesOfSheet(context: Excel.RequestContext, sheet: Sheet): Promise<CellRange[]> {
  const whole = sheet.proxy.getRange().getMergedAreasOrNullObject().load('address');
  try {
    await context.sync();
    return areasOf(whole, sheet.name);
  } catch (error) {
    if (!isOfficeError(error)) throw error;
  }
  const used = sheet.proxy.getUsedRangeOrNullObject(false).load('rowIndex,rowCount');

  await context.sync();
  if (used.isNullObject) return [];
  const pending: { top: number; rows: number }[] = [];
  for (let top = used.rowIndex; top < used.rowIndex + used.rowCount; top += MERGE_ROWS)
    pending.push({ top, rows: Math.min(MERGE_ROWS, used.rowIndex + used.rowCount - top) });
  const found = new Map<string, CellRange>();
  while (pending.length > 0) {
    const block = pending.shift() as { top: number; rows: number };
    const areas = sheet.proxy
      .getRangeByIndexes(block.top, 0, block.rows, LAST_COLUMN + 1)
      .getMergedAreasOrNullObject()
      .load('address');
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- fallback only: one sync per block of rows of a sheet with more than 512 merged areas
      await context.sync();
    } catch (error) {
      if (!isOfficeError(error) || block.rows === 1) throw error;
      const half = Math.ceil(block.rows / 2);
      pending.unshift({ top: block.top, rows: half }, { top: block.top + half, rows: block.rows - half });
      continue;
    }
    for (const area of areasOf(areas, sheet.name)) found.set(key(area), area);
  }
  return [...found.values()];
}
