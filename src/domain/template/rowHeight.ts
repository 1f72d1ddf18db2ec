/**
 * Row heights for wrapped text. Excel does not grow a row whose height the file sets, and a written file
 * is never auto-fitted, so the height must be estimated from the text: a cut-off cell prints cut off.
 * The estimate errs on the tall side: a little white space is harmless, a hidden line is not.
 */

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;
/** Column widths are counted in digits of the default 11pt font. */
const BASE_FONT_SIZE = 11;
/**
 * Line height per point of font size. 游ゴシック (Japanese Excel's default) needs 1.7 (18.75pt rows at
 * 11pt); MS Pゴシック 1.23 and Calibri 1.36 get a little air.
 */
export const LINE_HEIGHT_FACTOR = 1.7;
/** Share of a line's width the estimate fills: kinsoku shifts and glyphs wider than two digits. */
const FILL_RATIO = 0.92;
/** Cell padding, top and bottom together, in points. */
const PADDING = 4;
/** Excel row heights step by one pixel: 0.75pt. */
const STEP = 0.75;

/**
 * Display width in half-width units: ASCII and the half-width forms (ｱ, ￨) count 1, everything else 2 —
 * kanji, kana and full-width forms, and also the East Asian "ambiguous" characters (× ○ ※ … °), which
 * Japanese fonts draw full-width.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

function charWidth(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp >= 0xff61 && cp <= 0xffdc) return 1; // half-width katakana and hangul
  if (cp >= 0xffe8 && cp <= 0xffee) return 1; // half-width symbols
  return 2;
}

/** How many half-width units one wrapped line of a cell `widthChars` wide holds (displayWidth units). */
export function lineCapacity(widthChars: number, fontSize = BASE_FONT_SIZE): number {
  return Math.max(1, ((widthChars * BASE_FONT_SIZE) / fontSize) * FILL_RATIO - 1);
}

/** How many lines the text takes in a cell `widthChars` wide (at least 1, also for empty text). */
export function wrappedLineCount(text: string, widthChars: number, fontSize = BASE_FONT_SIZE): number {
  const capacity = lineCapacity(widthChars, fontSize);
  // One pass over the text (every cell of a master is measured): each line break (\r\n, \r or \n) ends a
  // line of displayWidth units, and a line takes at least one row.
  let lines = 0;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d || code === 0x0a) {
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      lines += Math.max(1, Math.ceil(width / capacity));
      width = 0;
    } else {
      // A surrogate pair is one character (code point above the BMP: width 2), as displayWidth counts it.
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
      width += charWidth(code);
    }
  }
  lines += Math.max(1, Math.ceil(width / capacity));
  return Math.max(1, lines);
}

export interface RowHeightOptions {
  /** The cell's width in characters (a merged cell: the sum of its columns). */
  readonly widthChars: number;
  readonly fontSize: number;
  /** Points; an empty input keeps room to write by hand. */
  readonly min?: number;
  readonly max?: number;
  readonly lineHeightFactor?: number;
}

/** The row height in points that shows the whole text, between min and max, on Excel's 0.75pt grid. */
export function estimateRowHeight(text: string, options: RowHeightOptions): number {
  const {
    widthChars,
    fontSize,
    min = 0,
    max = MAX_ROW_HEIGHT,
    lineHeightFactor = LINE_HEIGHT_FACTOR,
  } = options;
  const stepped = linesHeight(wrappedLineCount(text, widthChars, fontSize), fontSize, lineHeightFactor);
  return Math.min(Math.max(stepped, min), Math.min(max, MAX_ROW_HEIGHT));
}

/** The height in points, on Excel's 0.75pt grid, that shows `lines` lines (unbounded: may pass 409). */
export function linesHeight(lines: number, fontSize: number, lineHeightFactor = LINE_HEIGHT_FACTOR): number {
  const raw = lines * fontSize * lineHeightFactor + PADDING;
  return Math.ceil(raw / STEP - 1e-9) * STEP;
}

/** The most lines one row can show: Excel caps a row at MAX_ROW_HEIGHT. */
export function maxLinesInRow(fontSize: number, lineHeightFactor = LINE_HEIGHT_FACTOR): number {
  let lines = 1;
  while (linesHeight(lines + 1, fontSize, lineHeightFactor) <= MAX_ROW_HEIGHT) lines++;
  return lines;
}

/**
 * About how many full-width characters one row of Excel's largest height shows in a cell this wide, without
 * line breaks (each break starts a line): rounded down to tens. The sheet's own input rule and the
 * validation both quote it, so a department hears the same number from Excel and from Suishin.
 */
export function charactersThatFit(widthChars: number, fontSize: number): number {
  const perLine = lineCapacity(widthChars, fontSize) / 2;
  return Math.floor((perLine * maxLinesInRow(fontSize)) / 10) * 10;
}
