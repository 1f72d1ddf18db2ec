import type { CellValue } from '../../domain/template/sheetSpec';
import { normaliseLineBreaks } from '../excelConventions';
import { corrupt, decodeEscapes, decodeText, readTag, skipPast, textUntilTag } from './xmlScan';

/**
 * The text of a `<t>` element whose start tag ends at `from`: entities and `_xHHHH_` escapes decoded (as
 * ExcelJS's TextXform), and the index past its end tag.
 */
export function readT(xml: string, from: number): { readonly text: string; readonly end: number } {
  const { raw, lt } = textUntilTag(xml, from);
  const close = readTag(xml, lt);
  if (close.name !== '/t') corrupt(`an element inside <t> at ${lt}`);
  return { text: decodeEscapes(decodeText(raw)), end: close.end + 1 };
}

/**
 * A rich-text run whose `<r>` start tag ends at `from`: the text of its last `<t>` (undefined without one;
 * the `<rPr>` font is skipped), and the index past `</r>`.
 */
export function readRun(
  xml: string,
  from: number,
): { readonly text: string | undefined; readonly end: number } {
  let text: string | undefined;
  for (let p = from; ;) {
    const tag = readTag(xml, textUntilTag(xml, p).lt);
    p = tag.end + 1;
    if (tag.name === '/r') return { text, end: p };
    if (tag.name === 'rPr' && !tag.selfClosing) p = skipPast(xml, p, 'rPr');
    else if (tag.name === 't') {
      if (tag.selfClosing) text = '';
      else ({ text, end: p } = readT(xml, p));
    }
  }
}

/** What a shared string reads as in a snapshot: its plain text (runs concatenated), empty text as null. */
const plain = (text: string): CellValue => (text === '' ? null : normaliseLineBreaks(text));

/**
 * One `<si>` whose start tag ends at `from`, as ExcelJS reads it: a `<t>` is the text (a later `<t>` replaces
 * it), rich runs are concatenated, phonetic runs (`<rPh>`, the furigana) are left out. A run after a plain
 * `<t>` makes ExcelJS fail, so it is corrupt here too.
 */
function readSi(xml: string, from: number): { readonly value: CellValue; readonly end: number } {
  let text: string | undefined;
  let runs: string[] | undefined;
  for (let p = from; ;) {
    const tag = readTag(xml, textUntilTag(xml, p).lt);
    p = tag.end + 1;
    if (tag.name === '/si')
      return { value: runs ? plain(runs.join('')) : text !== undefined ? plain(text) : null, end: p };
    if (tag.name === 't') {
      if (tag.selfClosing) text = '';
      else ({ text, end: p } = readT(xml, p));
      runs = undefined;
    } else if (tag.name === 'r') {
      if (text !== undefined) corrupt(`sharedStrings.xml: a rich-text run after plain text at ${p}`);
      const run = tag.selfClosing ? { text: undefined, end: p } : readRun(xml, p);
      (runs ??= []).push(run.text ?? '');
      p = run.end;
    } else if (tag.name === 'rPh' && !tag.selfClosing) p = skipPast(xml, p, 'rPh');
  }
}

/**
 * xl/sharedStrings.xml → each `<si>` as its snapshot value. Anything but `<si>` inside `<sst>` makes ExcelJS
 * fail ("Unexpected xml node"), so it is corrupt here too.
 */
export function parseSharedStrings(xml: string): CellValue[] {
  const values: CellValue[] = [];
  let lt = xml.indexOf('<');
  while (lt !== -1 && xml.startsWith('<?', lt)) lt = xml.indexOf('<', xml.indexOf('?>', lt) + 2);
  if (lt === -1) return values;
  const root = readTag(xml, lt);
  if (root.name !== 'sst') corrupt(`sharedStrings.xml: the root is <${root.name}>, not <sst>`);
  if (root.selfClosing) return values;
  for (let p = root.end + 1; ;) {
    const tag = readTag(xml, textUntilTag(xml, p).lt);
    p = tag.end + 1;
    if (tag.name === '/sst') return values;
    if (tag.name !== 'si') return corrupt(`sharedStrings.xml: an unexpected <${tag.name}>`);
    if (tag.selfClosing) values.push(null);
    else {
      const si = readSi(xml, p);
      values.push(si.value);
      p = si.end;
    }
  }
}
