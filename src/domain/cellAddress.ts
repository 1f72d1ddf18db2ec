import { invariant } from './result';

/** 0-based column index → letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  invariant(Number.isInteger(column) && column >= 0, `column must be a non-negative integer, got ${column}`);
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based (row, column) → "C5". */
export const cellAddress = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** "C5" → { row: 4, column: 2 }; undefined for anything that is not a plain A1 address. */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const [, letters = '', digits = ''] = m;
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(digits);
  if (row < 1) return undefined;
  return { row: row - 1, column: column - 1 };
}
