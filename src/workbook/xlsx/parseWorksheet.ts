import { mergeColumnSpans, type ColumnSpan } from '../../domain/extract/snapshot';
import { readRun } from './parseSharedStrings';
import { allTags, corrupt, decodeText, findTag, readTag, skipPast, textUntilTag, type Tag } from './xmlScan';

/** A `<c>` as written: its attributes and content, before ExcelJS's typing rules (cellValue.ts) apply. */
export interface RawCell {
  readonly r: string | undefined;
  readonly s: string | undefined;
  readonly t: string | undefined;
  /** The cell's `<f>`, if any: whether it has text, and its `t`, `ref` and `si` attributes. */
  readonly formula: RawFormula | undefined;
  /** The `<v>` and inline `<is><t>` text, decoded and concatenated (ExcelJS gathers both into one value). */
  readonly text: string | undefined;
  /** An inline string's rich-text runs: each run's text, '' for a run without one. */
  readonly runs: readonly string[] | undefined;
}

export interface RawFormula {
  readonly text: boolean;
  readonly t: string | undefined;
  readonly ref: string | undefined;
  readonly si: string | undefined;
}

export interface RawRow {
  readonly r: string | undefined;
  readonly s: string | undefined;
  readonly cells: readonly RawCell[];
}

export interface RawWorksheet {
  readonly rows: readonly RawRow[];
  /** `<mergeCell ref>` in document order. */
  readonly merges: readonly string[];
  /** `<hyperlink>`s with a relationship id (external links: ExcelJS turns their cells into hyperlink values). */
  readonly hyperlinks: readonly { readonly ref: string | undefined; readonly rId: string }[];
  /** The `<col hidden>` spans, 0-based, sorted and merged. */
  readonly hiddenColumns: readonly ColumnSpan[];
}

/** One `<col>` of a worksheet's `<cols>`: columns `left`…`right`, 0-based, and what it sets on them. */
export interface ColumnRange extends ColumnSpan {
  readonly width: number | undefined;
  readonly customWidth: boolean;
  readonly style: number | undefined;
  readonly hidden: boolean;
}

const MAX_COLUMN = 16384;
const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/**
 * The `<col>`s of a worksheet's `<cols>`, which comes before its `<sheetData>` (`before`, where that starts:
 * only the text up to it is searched). `p` is the prefix the part's elements carry, if any. A `<col>` whose
 * min/max are not 1 ≤ min ≤ max ≤ 16384 is left out, as Excel would refuse it.
 */
export function readColumns(xml: string, p = '', before = xml.length): ColumnRange[] {
  const open = `<${p}cols`;
  const lt = xml.lastIndexOf(open, before);
  if (lt === -1) return [];
  const next = xml.charCodeAt(lt + open.length);
  if (next !== 0x3e && next !== 0x20 && next !== 0x2f && next !== 0x09 && next !== 0x0a && next !== 0x0d)
    return [];
  const cols = readTag(xml, lt);
  if (cols.selfClosing) return [];
  const end = xml.indexOf(`</${p}cols`, cols.end);
  return allTags(xml, `${p}col`, cols.end, end < 0 ? before : end).flatMap((c) => {
    const a = c.attributes;
    const [min, max] = [Number(a.min), Number(a.max)];
    if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min && max <= MAX_COLUMN))
      return [];
    const width = a.width === undefined ? undefined : Number(a.width);
    const style = a.style === undefined ? undefined : Number(a.style);
    return [
      {
        left: min - 1,
        right: max - 1,
        width: width !== undefined && Number.isFinite(width) ? width : undefined,
        customWidth: isTrue(a.customWidth),
        style: style !== undefined && Number.isInteger(style) ? style : undefined,
        hidden: isTrue(a.hidden),
      },
    ];
  });
}

const emptyCell = (a: Tag['attributes']): RawCell => ({
  r: a.r,
  s: a.s,
  t: a.t,
  formula: undefined,
  text: undefined,
  runs: undefined,
});

/**
 * The content of a `<c>` whose start tag is `tag`, walked the way ExcelJS's CellXform walks it: text counts
 * inside `<f>`, `<v>` and `<t>`; `<r>` runs are rich text. Phonetic runs (`<rPh>`) of an inline string are
 * skipped (ExcelJS loses the whole cell on them).
 */
function readCell(xml: string, tag: Tag): { readonly cell: RawCell; readonly end: number } {
  const a = tag.attributes;
  if (tag.selfClosing) return { cell: emptyCell(a), end: tag.end + 1 };
  const start = tag.end + 1;
  // Fast path, most cells: <c …><v>…</v></c>
  if (xml.startsWith('<v>', start)) {
    const lt = xml.indexOf('<', start + 3);
    if (lt !== -1 && xml.startsWith('</v></c>', lt)) {
      const raw = xml.slice(start + 3, lt);
      return { cell: { ...emptyCell(a), text: raw === '' ? undefined : decodeText(raw) }, end: lt + 8 };
    }
  }
  let current: string | undefined;
  let formula:
    { text: boolean; t: string | undefined; ref: string | undefined; si: string | undefined } | undefined;
  let text: string | undefined;
  let runs: string[] | undefined;
  for (let p = start; ;) {
    const { raw, lt } = textUntilTag(xml, p);
    if (raw !== '' && current !== undefined) {
      const decoded = decodeText(raw);
      if (current === 'f' && formula) formula.text = true;
      else if (runs === undefined) text = (text ?? '') + decoded;
    }
    const child = readTag(xml, lt);
    p = child.end + 1;
    switch (child.name) {
      case '/c':
        return { cell: { r: a.r, s: a.s, t: a.t, formula, text, runs }, end: p };
      case 'f':
        formula = {
          text: formula?.text ?? false,
          t: child.attributes.t,
          ref: child.attributes.ref,
          si: child.attributes.si,
        };
        current = child.selfClosing ? undefined : 'f';
        break;
      case 'v':
      case 't':
        current = child.selfClosing ? undefined : child.name;
        break;
      case '/f':
      case '/v':
      case '/t':
      case '/is':
        current = undefined;
        break;
      case 'r': {
        // ExcelJS fails on a run after plain inline text (it sets a property on a string).
        if (text !== undefined) corrupt(`a rich-text run after plain text in a cell at ${lt}`);
        const run = child.selfClosing ? { text: undefined, end: p } : readRun(xml, p);
        (runs ??= []).push(run.text ?? '');
        p = run.end;
        current = undefined;
        break;
      }
      case 'rPh':
        if (!child.selfClosing) p = skipPast(xml, p, 'rPh');
        break;
      default:
        break;
    }
  }
}

function readSheetData(xml: string, from: number): { readonly rows: RawRow[]; readonly end: number } {
  const rows: RawRow[] = [];
  let row: RawCell[] | undefined;
  for (let p = from; ;) {
    const lt = xml.indexOf('<', p);
    if (lt === -1) corrupt('<sheetData> never ends');
    const tag = readTag(xml, lt);
    p = tag.end + 1;
    switch (tag.name) {
      case '/sheetData':
        return { rows, end: p };
      case 'row':
        row = [];
        rows.push({ r: tag.attributes.r, s: tag.attributes.s, cells: row });
        if (tag.selfClosing) row = undefined;
        break;
      case '/row':
        row = undefined;
        break;
      case 'c': {
        const { cell, end } = readCell(xml, tag);
        row?.push(cell);
        p = end;
        break;
      }
      default:
        break;
    }
  }
}

/** The `<name>` list that follows `from` (`<mergeCells>`, `<hyperlinks>`), as its child tags. */
function list(xml: string, from: number, name: string, child: string): Tag[] {
  const found = findTag(xml, name, from);
  if (!found || found.tag.selfClosing) return [];
  const start = found.tag.end + 1;
  return allTags(xml, child, start, skipPast(xml, start, name));
}

/** A worksheet part's cells, merges and hyperlinks; everything else in it (formats, validations…) is skipped. */
export function parseWorksheet(xml: string): RawWorksheet {
  const data = findTag(xml, 'sheetData');
  const hiddenColumns = mergeColumnSpans(
    readColumns(xml, '', data?.lt ?? xml.length).filter((c) => c.hidden),
  );
  let rows: RawRow[] = [];
  let after = 0;
  if (data) {
    if (data.tag.selfClosing) after = data.tag.end + 1;
    else ({ rows, end: after } = readSheetData(xml, data.tag.end + 1));
  }
  return {
    rows,
    merges: list(xml, after, 'mergeCells', 'mergeCell').map(
      (m) => m.attributes.ref ?? corrupt('a <mergeCell> without ref'),
    ),
    hyperlinks: list(xml, after, 'hyperlinks', 'hyperlink').flatMap((h) => {
      const rId = h.attributes['r:id'];
      return rId ? [{ ref: h.attributes.ref, rId }] : [];
    }),
    hiddenColumns,
  };
}
