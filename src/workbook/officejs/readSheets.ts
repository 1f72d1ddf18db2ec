import type { SheetSnapshot } from '../../domain/extract/snapshot';
import type { CellRange } from '../../domain/template/sheetSpec';
import { isOfficeError, OfficeOperationError } from './officeErrors';
import type { ExcelFeatures } from './requirements';
import { readMerges } from './readMerges';
import { buildSnapshot, parseAreas, type UsedBlock } from './snapshotValues';

interface Chosen {
  readonly name: string;
  readonly visibility: string;
  readonly proxy: Excel.Worksheet;
}

interface Extras {
  readonly merges?: Excel.RangeAreas;
  readonly formulas?: Excel.RangeAreas;
}

/** Merged areas known up front (read by `readMerges`), instead of queued with the values. */
type KnownMerges = readonly (readonly CellRange[])[] | undefined;

/** Cells per sync to start with in the fallback for workbooks too large for one response (~40 bytes a cell ≈ 4 MB). */
const CELLS_PER_READ = 100_000;
const TOO_LARGE = new Set([
  'ResponsePayloadSizeLimitExceeded',
  'RangeExceedsLimit',
  'OperationCellsExceedLimit',
]);

const valueProps = (features: ExcelFeatures): string =>
  features.rangeAreas ? 'values,numberFormat' : 'values,numberFormat,formulas';

/** Merged areas (unless already known) and formula cells of a whole sheet (null objects when there are none). */
function queueExtras(ws: Excel.Worksheet, features: ExcelFeatures, withMerges = true): Extras {
  const whole = ws.getRange();
  return {
    ...(features.mergedAreas && withMerges && { merges: whole.getMergedAreasOrNullObject().load('address') }),
    ...(features.rangeAreas && {
      formulas: whole.getSpecialCellsOrNullObject('Formulas' as Excel.SpecialCellType).load('address'),
    }),
  };
}

const areasOf = (areas: Excel.RangeAreas | undefined, sheet: string): CellRange[] | undefined =>
  areas === undefined ? undefined : areas.isNullObject ? [] : parseAreas(areas.address, sheet);

const blockOf = (range: Excel.Range, features: ExcelFeatures): UsedBlock => ({
  rowIndex: range.rowIndex,
  columnIndex: range.columnIndex,
  values: range.values,
  numberFormat: range.numberFormat,
  ...(!features.rangeAreas && { formulas: range.formulas }),
});

/**
 * Past the 5-million-cell limit "the API doesn't always throw an error. In some cases, Range.values returns
 * null" (resource-limits doc): such a range is read again in blocks, like one that threw.
 */
const readNothing = (range: Excel.Range, features: ExcelFeatures): boolean =>
  range.values == null || range.numberFormat == null || (!features.rangeAreas && range.formulas == null);

/**
 * Snapshots of the named sheets (all when omitted), in tab order, in two syncs: the sheet list, then each
 * sheet's used range (values and number formats, offset to A1), merged areas and formula cells. A workbook
 * too large for one response is read again in blocks of rows (one sync per ~4 MB).
 */
export async function readSheetsInExcel(
  context: Excel.RequestContext,
  wanted: readonly string[] | undefined,
  features: ExcelFeatures,
): Promise<SheetSnapshot[]> {
  const collection = context.workbook.worksheets;
  collection.load('items/name,items/visibility');
  await context.sync();
  const names = wanted && new Set(wanted.map((n) => n.toLowerCase()));
  const chosen: Chosen[] = collection.items
    .filter((ws) => !names || names.has(ws.name.toLowerCase()))
    .map((proxy) => ({ name: proxy.name, visibility: proxy.visibility, proxy }));
  if (chosen.length === 0) return [];

  return readValues(context, chosen, features, undefined);
}

/**
 * Values, formulas and merges in one sync. When that sync fails and merges were in it, they may be why
 * (`getMergedAreasOrNullObject` fails past 512 merged areas): merges are then read on their own, sheet by
 * sheet, and the values again without them.
 */
async function readValues(
  context: Excel.RequestContext,
  chosen: readonly Chosen[],
  features: ExcelFeatures,
  known: KnownMerges,
): Promise<SheetSnapshot[]> {
  const extras = chosen.map((c) => queueExtras(c.proxy, features, known === undefined));
  const used = chosen.map((c) =>
    c.proxy.getUsedRangeOrNullObject(true).load(`rowIndex,columnIndex,${valueProps(features)}`),
  );
  try {
    await context.sync();
  } catch (error) {
    if (!isOfficeError(error)) throw error;
    if (TOO_LARGE.has(error.code)) return await readInBlocks(context, chosen, features, known);
    if (!features.mergedAreas || known !== undefined) throw error;
    return await readValues(context, chosen, features, await readMerges(context, chosen));
  }
  if (used.some((range) => !range.isNullObject && readNothing(range, features)))
    return await readInBlocks(context, chosen, features, known);
  return chosen.map((c, i) => {
    const range = used[i] as Excel.Range;
    const extra = extras[i] ?? {};
    return buildSnapshot(
      c.name,
      c.visibility,
      range.isNullObject ? [] : [blockOf(range, features)],
      known?.[i] ?? areasOf(extra.merges, c.name) ?? [],
      areasOf(extra.formulas, c.name),
    );
  });
}

interface BlockRequest {
  readonly sheet: number;
  readonly top: number;
  readonly rows: number;
  readonly left: number;
  readonly columns: number;
}

const cellsOf = (r: BlockRequest): number => r.rows * r.columns;

/**
 * The fallback: used-range sizes first, then blocks of rows, several small ones to a sync. How many cells
 * fit in a response depends on their text, which is unknown until read: when a response is still too
 * large, the work of that sync is halved and tried again (a 5 MB response holds at least ~50 full cells).
 */
async function readInBlocks(
  context: Excel.RequestContext,
  chosen: readonly Chosen[],
  features: ExcelFeatures,
  known: KnownMerges,
): Promise<SheetSnapshot[]> {
  const merges = known ?? (features.mergedAreas ? await readMerges(context, chosen) : undefined);
  const extras = chosen.map((c) => queueExtras(c.proxy, features, false));
  const sizes = chosen.map((c) =>
    c.proxy.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
  );
  await context.sync();
  let budget = CELLS_PER_READ;
  const pending: BlockRequest[] = [];
  sizes.forEach((size, sheet) => {
    if (size.isNullObject) return;
    const rowsPerBlock = Math.max(1, Math.floor(budget / size.columnCount));
    for (let top = size.rowIndex; top < size.rowIndex + size.rowCount; top += rowsPerBlock)
      pending.push({
        sheet,
        top,
        rows: Math.min(rowsPerBlock, size.rowIndex + size.rowCount - top),
        left: size.columnIndex,
        columns: size.columnCount,
      });
  });
  const read: { request: BlockRequest; block: UsedBlock }[] = [];
  while (pending.length > 0) {
    const batch: BlockRequest[] = [];
    let cells = 0;
    while (
      pending.length > 0 &&
      (batch.length === 0 || cells + cellsOf(pending[0] as BlockRequest) <= budget)
    ) {
      const next = pending.shift() as BlockRequest;
      batch.push(next);
      cells += cellsOf(next);
    }
    const ranges = batch.map((r) =>
      (chosen[r.sheet] as Chosen).proxy
        .getRangeByIndexes(r.top, r.left, r.rows, r.columns)
        .load(`rowIndex,columnIndex,${valueProps(features)}`),
    );
    let tooLarge: unknown;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per response-sized block of rows, halved when still too large
      await context.sync();
      if (ranges.some((range) => readNothing(range, features)))
        tooLarge = new OfficeOperationError('RangeExceedsLimit');
    } catch (error) {
      if (!isOfficeError(error) || !TOO_LARGE.has(error.code)) throw error;
      tooLarge = error;
    }
    if (tooLarge !== undefined) {
      const single = batch.length === 1 ? batch[0] : undefined;
      if (single && single.rows === 1) throw tooLarge;
      budget = Math.max(1, Math.floor(cells / 2));
      if (single) {
        const half = Math.ceil(single.rows / 2);
        pending.unshift(
          { ...single, rows: half },
          { ...single, top: single.top + half, rows: single.rows - half },
        );
      } else pending.unshift(...batch);
      continue;
    }
    batch.forEach((request, i) => read.push({ request, block: blockOf(ranges[i] as Excel.Range, features) }));
  }
  return chosen.map((c, i) => {
    const extra = extras[i] ?? {};
    const blocks = read.filter((r) => r.request.sheet === i).map((r) => r.block);
    return buildSnapshot(c.name, c.visibility, blocks, merges?.[i] ?? [], areasOf(extra.formulas, c.name));
  });
}
