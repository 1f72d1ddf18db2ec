import { cellAddress, parseCellAddress, parseRangeAddress, rangeAddress } from '../../domain/cellAddress';
import type { CellRange } from '../../domain/template/sheetSpec';
import { readColumns } from './parseWorksheet';
import { allTags, findTag, skipPast, type Tag } from './xmlScan';

/**
 * A worksheet Suishin keeps (one the opened file already had) changed as little as a mark or the active cell
 * needs: each marked cell's `s` points at another cell format, a marked cell the sheet has no `<c>` for is
 * inserted in column order (its `<row>` in row order), `<dimension>` grows to hold it, and the first sheet
 * view gets the selection and tabSelected. Every other byte of the part stays as it was.
 *
 * The part is scanned with comments and CDATA sections blanked out (same length), so nothing inside them is
 * taken for an element; the edits are made to the original text at the positions found.
 */

export interface KeptSheetChanges {
  /** Fills to lay over cells: A1 address → `#RRGGBB` (the marks). */
  readonly fills: ReadonlyMap<string, string>;
  /** The cell format a cell of format `oldXf` gets with `fill`: a copy of the old one with that fill. */
  readonly markedXf: (oldXf: number, fill: string) => number;
  /** Whether the file opens on this sheet (its first view's tabSelected). */
  readonly selected: boolean;
  /** The active cell to set (A1), if any. */
  readonly activeCell?: string;
}

interface Splice {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const TRUE = new Set(['1', 'true']);

/** Comments and CDATA sections replaced by spaces of the same length. */
const masked = (xml: string): string =>
  xml.includes('<!')
    ? xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length))
    : xml;

/** The namespace prefix of the part's root element (`x:` for `<x:worksheet>`), or ''. */
function prefixOf(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/.exec(xml);
  return root?.[1] ?? '';
}

/** A start tag's text with one attribute set in place (or added after the name; removed for undefined). */
function withAttribute(tag: string, name: string, value: string | undefined): string {
  const existing = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (value === undefined) return tag.replace(existing, '');
  if (existing.test(tag)) return tag.replace(existing, (_m, head: string) => `${head}"${value}"`);
  return tag.replace(/^<[^\s/>]+/, (n) => `${n} ${name}="${value}"`);
}

/** The merged areas of a worksheet (its `<mergeCells>`). */
export function keptSheetMerges(xml: string): CellRange[] {
  const text = masked(xml);
  const p = prefixOf(text);
  const list = findTag(text, `${p}mergeCells`);
  if (!list || list.tag.selfClosing) return [];
  const end = text.indexOf(`</${p}mergeCells`, list.tag.end);
  return allTags(text, `${p}mergeCell`, list.tag.end, end < 0 ? text.length : end).flatMap((m) => {
    const range = parseRangeAddress(m.attributes.ref ?? '');
    return range ? [range] : [];
  });
}

/** Whether the sheet's first view is selected (tabSelected): Excel groups every sheet saved selected. */
export function keptSheetSelected(xml: string): boolean {
  const text = masked(xml);
  const p = prefixOf(text);
  const views = findTag(text, `${p}sheetViews`);
  const dataAt = findTag(text, `${p}sheetData`)?.lt ?? text.length;
  if (!views || views.lt > dataAt) return false;
  const view = findTag(text, `${p}sheetView`, views.tag.end);
  return !!view && view.lt < dataAt && TRUE.has(view.tag.attributes.tabSelected ?? '');
}

/** The worksheet's XML with the changes made, or the same string when nothing changes. */
export function rewriteKeptSheet(xml: string, changes: KeptSheetChanges): string {
  const text = masked(xml);
  const p = prefixOf(text);
  const splices = [...viewSplices(text, p, changes), ...markSplices(text, p, changes)];
  if (splices.length === 0) return xml;
  // From the end; at one position, the splice made last first (each is made in document order, so an insert
  // made before a replacement at the same place ends up in front of it).
  const order = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  let out = xml;
  for (const s of order) out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
  return out;
}

/** CT_Worksheet's children after sheetViews, up to sheetData: where a missing `<sheetViews>` goes before. */
const AFTER_VIEWS = ['sheetFormatPr', 'cols', 'sheetData'];

/** The first sheet view's tabSelected and selection (the active cell in the active pane). */
function viewSplices(text: string, p: string, changes: KeptSheetChanges): Splice[] {
  const { selected, activeCell } = changes;
  const selection = (pane: string | undefined) =>
    `<${p}selection${pane && pane !== 'topLeft' ? ` pane="${pane}"` : ''} activeCell="${activeCell}" sqref="${activeCell}"/>`;
  const views = findTag(text, `${p}sheetViews`);
  const dataAt = findTag(text, `${p}sheetData`)?.lt ?? text.length;
  if (!views || views.lt > dataAt) {
    if (!selected && activeCell === undefined) return [];
    const at = AFTER_VIEWS.map((t) => findTag(text, `${p}${t}`)?.lt).find((lt) => lt !== undefined);
    const view =
      `<${p}sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}` +
      (activeCell === undefined ? '/>' : `>${selection(undefined)}</${p}sheetView>`);
    return [{ at: at ?? dataAt, remove: 0, insert: `<${p}sheetViews>${view}</${p}sheetViews>` }];
  }
  const view = findTag(text, `${p}sheetView`, views.tag.end);
  if (!view || view.lt > dataAt) return [];
  const open = text.slice(view.lt, view.tag.end + 1);
  const wasSelected = TRUE.has(view.tag.attributes.tabSelected ?? '');
  const newOpen =
    wasSelected === selected ? open : withAttribute(open, 'tabSelected', selected ? '1' : undefined);
  if (activeCell === undefined)
    return newOpen === open ? [] : [{ at: view.lt, remove: open.length, insert: newOpen }];
  if (view.tag.selfClosing)
    return [
      {
        at: view.lt,
        remove: open.length,
        insert: `${newOpen.replace(/\s*\/>$/, '>')}${selection(undefined)}</${p}sheetView>`,
      },
    ];
  const splices: Splice[] = newOpen === open ? [] : [{ at: view.lt, remove: open.length, insert: newOpen }];
  const end = text.indexOf(`</${p}sheetView`, view.tag.end);
  const pane = findTag(text, `${p}pane`, view.tag.end);
  const paneTag = pane && pane.lt < end ? pane : undefined;
  const activePane = paneTag && (paneTag.tag.attributes.activePane ?? 'topLeft');
  let chosen: { lt: number; tag: Tag } | undefined;
  for (
    let s = findTag(text, `${p}selection`, view.tag.end);
    s && s.lt < end;
    s = findTag(text, `${p}selection`, s.tag.end)
  )
    if ((s.tag.attributes.pane ?? 'topLeft') === (activePane ?? 'topLeft')) chosen = s;
  if (chosen) {
    const old = text.slice(chosen.lt, chosen.tag.end + 1);
    const tag = withAttribute(
      withAttribute(withAttribute(old, 'activeCellId', undefined), 'sqref', activeCell),
      'activeCell',
      activeCell,
    );
    splices.push({ at: chosen.lt, remove: old.length, insert: tag });
  } else
    splices.push({
      at: paneTag ? paneTag.tag.end + 1 : view.tag.end + 1,
      remove: 0,
      insert: selection(activePane),
    });
  return splices;
}

/** Marked cells by row, then column (0-based), in order. */
function marksByRow(fills: ReadonlyMap<string, string>): Map<number, Map<number, string>> {
  const rows = new Map<number, Map<number, string>>();
  const sorted = [...fills]
    .flatMap(([address, fill]) => {
      const at = parseCellAddress(address);
      return at ? [{ ...at, fill }] : [];
    })
    .sort((a, b) => a.row - b.row || a.column - b.column);
  for (const { row, column, fill } of sorted) {
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    cells.set(column, fill);
  }
  return rows;
}

/** The style columns give their empty cells (`<col style>`), by 0-based column. */
function columnStyles(text: string, p: string): (column: number) => number | undefined {
  const ranges = readColumns(text, p, findTag(text, `${p}sheetData`)?.lt ?? text.length);
  return (column) => ranges.find((r) => column >= r.left && column <= r.right)?.style;
}

/** Each marked cell's `s` changed, and the cells and rows it lacks inserted; `<dimension>` widened to them. */
function markSplices(text: string, p: string, changes: KeptSheetChanges): Splice[] {
  if (changes.fills.size === 0) return [];
  const rows = marksByRow(changes.fills);
  const colStyle = columnStyles(text, p);
  const newCell: NewCell = (row, column, fill, rowStyle) =>
    `<${p}c r="${cellAddress(row, column)}" s="${changes.markedXf(rowStyle ?? colStyle(column) ?? 0, fill)}"/>`;
  const newRow = (row: number) =>
    `<${p}row r="${row + 1}">${[...rows.get(row)!].map(([c, fill]) => newCell(row, c, fill, undefined)).join('')}</${p}row>`;
  const splices: Splice[] = [];
  const pending = [...rows.keys()];

  const data = findTag(text, `${p}sheetData`);
  if (!data) return [];
  if (data.tag.selfClosing) {
    splices.push({
      at: data.lt,
      remove: data.tag.end + 1 - data.lt,
      insert: `<${p}sheetData>${pending.map(newRow).join('')}</${p}sheetData>`,
    });
    return [...splices, ...dimensionSplices(text, p, rows)];
  }
  const dataEnd = text.indexOf(`</${p}sheetData`, data.tag.end);
  let row = -1;
  for (
    let found = findTag(text, `${p}row`, data.tag.end);
    found && found.lt < dataEnd;
    found = findTag(text, `${p}row`, found.tag.end)
  ) {
    const { tag, lt } = found;
    row = tag.attributes.r !== undefined ? Number(tag.attributes.r) - 1 : row + 1;
    while (pending.length > 0 && pending[0]! < row)
      splices.push({ at: lt, remove: 0, insert: newRow(pending.shift()!) });
    if (pending[0] !== row) continue;
    pending.shift();
    splices.push(
      ...rowSplices(text, p, { lt, tag, row }, rows.get(row)!, { newCell, markedXf: changes.markedXf }),
    );
  }
  if (pending.length > 0) splices.push({ at: dataEnd, remove: 0, insert: pending.map(newRow).join('') });
  return [...splices, ...dimensionSplices(text, p, rows)];
}

/** A new `<c>` for a marked cell the sheet lacks (its format: the row's, else the column's, else 0's). */
type NewCell = (row: number, column: number, fill: string, rowStyle: number | undefined) => string;

/** One row's marked cells: `s` replaced on the cells it has, the others inserted in column order. */
function rowSplices(
  text: string,
  p: string,
  { lt, tag, row }: { lt: number; tag: Tag; row: number },
  marked: ReadonlyMap<number, string>,
  { newCell, markedXf }: { newCell: NewCell; markedXf: KeptSheetChanges['markedXf'] },
): Splice[] {
  const rowStyle =
    TRUE.has(tag.attributes.customFormat ?? '') && tag.attributes.s !== undefined
      ? Number(tag.attributes.s)
      : undefined;
  const pending = [...marked.keys()];
  const insert = (before: number) => {
    const cells: string[] = [];
    while (pending.length > 0 && pending[0]! < before) {
      const c = pending.shift()!;
      cells.push(newCell(row, c, marked.get(c)!, rowStyle));
    }
    return cells.join('');
  };
  const splices: Splice[] = [];
  const spans = /^(\d+):(\d+)$/.exec(tag.attributes.spans ?? '');
  const last = Math.max(...pending);
  const openText = text.slice(lt, tag.end + 1);
  let newOpen = openText;
  if (spans && (pending[0]! + 1 < Number(spans[1]) || last + 1 > Number(spans[2])))
    newOpen = withAttribute(
      openText,
      'spans',
      `${Math.min(Number(spans[1]), pending[0]! + 1)}:${Math.max(Number(spans[2]), last + 1)}`,
    );
  if (tag.selfClosing) {
    const cells = insert(Infinity);
    return [
      { at: lt, remove: openText.length, insert: `${newOpen.replace(/\s*\/>$/, '>')}${cells}</${p}row>` },
    ];
  }
  if (newOpen !== openText) splices.push({ at: lt, remove: openText.length, insert: newOpen });
  const rowEnd = text.indexOf(`</${p}row`, tag.end);
  let column = -1;
  for (
    let c = findTag(text, `${p}c`, tag.end);
    c && c.lt < rowEnd && pending.length > 0;
    c = findTag(text, `${p}c`, c.tag.selfClosing ? c.tag.end : skipPast(text, c.tag.end, `${p}c`))
  ) {
    column = parseCellAddress(c.tag.attributes.r ?? '')?.column ?? column + 1;
    const before = insert(column);
    if (before) splices.push({ at: c.lt, remove: 0, insert: before });
    if (pending[0] !== column) continue;
    pending.shift();
    const old = text.slice(c.lt, c.tag.end + 1);
    const xf = markedXf(Number(c.tag.attributes.s ?? 0), marked.get(column)!);
    splices.push({ at: c.lt, remove: old.length, insert: withAttribute(old, 's', String(xf)) });
  }
  const after = insert(Infinity);
  if (after) splices.push({ at: rowEnd, remove: 0, insert: after });
  return splices;
}

/** `<dimension ref>` widened to hold every marked cell (a sheet without one is left without). */
function dimensionSplices(
  text: string,
  p: string,
  rows: ReadonlyMap<number, ReadonlyMap<number, string>>,
): Splice[] {
  const dimension = findTag(text, `${p}dimension`);
  if (!dimension) return [];
  const old = parseRangeAddress(dimension.tag.attributes.ref ?? '');
  const marked = [...rows].flatMap(([row, cells]) => [...cells.keys()].map((column) => ({ row, column })));
  const range = marked.reduce(
    (r, m) => ({
      top: Math.min(r.top, m.row),
      left: Math.min(r.left, m.column),
      bottom: Math.max(r.bottom, m.row),
      right: Math.max(r.right, m.column),
    }),
    old ?? { top: marked[0]!.row, left: marked[0]!.column, bottom: marked[0]!.row, right: marked[0]!.column },
  );
  if (
    old &&
    old.top === range.top &&
    old.left === range.left &&
    old.bottom === range.bottom &&
    old.right === range.right
  )
    return [];
  const tag = text.slice(dimension.lt, dimension.tag.end + 1);
  return [{ at: dimension.lt, remove: tag.length, insert: withAttribute(tag, 'ref', rangeAddress(range)) }];
}
