/**
 * What readLimits needs to know about an XML part, learnt from its bytes as they stream past (chunk by
 * chunk, nothing kept): how many cells it stores, whether it declares a DTD, and its longest run of bytes
 * without markup (one text node or one tag — a cell's text is at most 32,767 characters in Excel).
 */
const LT = 0x3c;
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
const DTD_MARKS = [ascii('<!DOCTYPE'), ascii('<!ENTITY')];
const CELL = ascii('<c');
/** After `<c`: whitespace, `>` or `/` (so `<col`, `<cfRule`, `<c:chart` are not cells). */
const CELL_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);
/** A mark this long may be split between two chunks: the tail of a chunk is carried over. */
const LONGEST_MARK = 9;

const startsAt = (buf: Uint8Array, at: number, mark: readonly number[]): boolean =>
  mark.every((b, i) => buf[at + i] === b);

export class XmlScan {
  cells = 0;
  dtd = false;
  /** The most bytes between two `<` (or from the start, or to the end). */
  longestRun = 0;
  private carry: Uint8Array = new Uint8Array(0);
  /** Bytes pushed so far; and where the last `<` seen was, counted the same way. */
  private seen = 0;
  private lastLt = 0;

  /** The next chunk of the part; `last` once it has ended (an empty chunk is fine). */
  push(chunk: Uint8Array, last = false): void {
    const start = this.seen - this.carry.length;
    let buf = chunk;
    if (this.carry.length > 0) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
    }
    this.seen += chunk.length;
    this.carry = new Uint8Array(0);
    for (let i = buf.indexOf(LT); i !== -1; i = buf.indexOf(LT, i + 1)) {
      if (!last && buf.length - i < LONGEST_MARK) {
        this.carry = buf.slice(i);
        break;
      }
      this.longestRun = Math.max(this.longestRun, start + i - this.lastLt);
      this.lastLt = start + i;
      if (startsAt(buf, i, CELL) && CELL_END.has(buf[i + 2] ?? 0)) this.cells += 1;
      else if (buf[i + 1] === 0x21 && DTD_MARKS.some((m) => startsAt(buf, i, m))) this.dtd = true;
    }
    this.longestRun = Math.max(this.longestRun, this.seen - this.carry.length - this.lastLt);
  }
}
