/**
 * Hierarchy tokens of the 体系, parsed from the raw label BEFORE any NFKC (which would turn `①` into `1`).
 *   roman   I / Ⅰ / Ｉ / II / Ⅱ …        基本項目
 *   number  1 / １                       推進項目
 *   circled ① … ⑳ ㉑ … ㊿                取組項目 group
 *   paren   (1) / （１） / ⑴ … ⒇           取組項目 item
 */
export type TokenKind = 'roman' | 'number' | 'circled' | 'paren';

export interface HierarchyToken {
  readonly kind: TokenKind;
  readonly value: number;
  /** The token as it was written. */
  readonly raw: string;
  /** The label after the token, whitespace-trimmed. */
  readonly rest: string;
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

export function romanToNumber(roman: string): number | undefined {
  const upper = roman.normalize('NFKC').toUpperCase();
  if (!/^[IVXL]+$/.test(upper)) return undefined;
  let total = 0;
  for (let i = 0; i < upper.length; i++) {
    const v = ROMAN_VALUES[upper[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[upper[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return numberToRoman(total) === upper ? total : undefined;
}

export function numberToRoman(n: number): string {
  const table: ReadonlyArray<readonly [number, string]> = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

const SEP = '[\\s\\u3000.．、,，:：]*';
// Roman numerals: ASCII, full-width (Ｉ Ｖ Ｘ) and the Unicode numeral forms Ⅰ–Ⅻ / ⅰ–ⅻ.
const ROMAN_RE = new RegExp(
  `^[\\s\\u3000]*([IVXＩＶＸ\\u2160-\\u216B\\u2170-\\u217B]+)(?![A-Za-zＡ-Ｚａ-ｚ])${SEP}`,
);
const NUMBER_RE = new RegExp(`^[\\s\\u3000]*([0-9０-９]{1,3})(?![0-9０-９/／月日年.．%％])${SEP}`);
const CIRCLED_RE = new RegExp(`^[\\s\\u3000]*([\\u2460-\\u2473\\u3251-\\u325F\\u32B1-\\u32BF])${SEP}`);
const PAREN_RE = new RegExp(
  `^[\\s\\u3000]*(?:[(（]\\s*([0-9０-９]{1,3})\\s*[)）]|([\\u2474-\\u2487]))${SEP}`,
);

export function circledToNumber(ch: string): number | undefined {
  const c = ch.codePointAt(0);
  if (c === undefined) return undefined;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21;
  if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36;
  return undefined;
}

export function numberToCircled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

const toNumber = (digits: string): number => Number(digits.normalize('NFKC'));

/** Parse the leading hierarchy token of a label, or undefined when it has none. */
export function parseLeadingToken(
  label: string,
  kinds: readonly TokenKind[] = ['roman', 'circled', 'paren', 'number'],
): HierarchyToken | undefined {
  for (const kind of kinds) {
    const token = matchKind(label, kind);
    if (token) return token;
  }
  return undefined;
}

function matchKind(label: string, kind: TokenKind): HierarchyToken | undefined {
  switch (kind) {
    case 'roman': {
      const m = ROMAN_RE.exec(label);
      const value = m?.[1] ? romanToNumber(m[1]) : undefined;
      return m && value !== undefined ? build(kind, value, m[1] ?? '', label.slice(m[0].length)) : undefined;
    }
    case 'number': {
      const m = NUMBER_RE.exec(label);
      return m?.[1] ? build(kind, toNumber(m[1]), m[1], label.slice(m[0].length)) : undefined;
    }
    case 'circled': {
      const m = CIRCLED_RE.exec(label);
      const value = m?.[1] ? circledToNumber(m[1]) : undefined;
      return m && value !== undefined ? build(kind, value, m[1] ?? '', label.slice(m[0].length)) : undefined;
    }
    case 'paren': {
      const m = PAREN_RE.exec(label);
      if (!m) return undefined;
      const value = m[1] !== undefined ? toNumber(m[1]) : (m[2]?.codePointAt(0) ?? 0) - 0x2474 + 1;
      return build(kind, value, m[0].trim(), label.slice(m[0].length));
    }
  }
}

const build = (kind: TokenKind, value: number, raw: string, rest: string): HierarchyToken => ({
  kind,
  value,
  raw,
  rest: rest.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''),
});

/** The printed form of a token: `I`, `1`, `①`, `(1)`. */
export function formatToken(kind: TokenKind, value: number): string {
  switch (kind) {
    case 'roman':
      return numberToRoman(value);
    case 'number':
      return String(value);
    case 'circled':
      return numberToCircled(value);
    case 'paren':
      return `(${value})`;
  }
}

/** Remove every circled or parenthesized number from a label (for matching labels by their words). */
export function stripTokens(label: string): string {
  return label
    .replace(/[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF\u2474-\u2487]/g, ' ')
    .replace(/[(（]\s*[0-9０-９]{1,3}\s*[)）]/g, ' ');
}
