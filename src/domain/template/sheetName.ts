import type { EntryKey } from '../entry/types';

/**
 * Sheet names Excel accepts and people can read: at most 31 characters, none of `[ ] : * ? / \`, not
 * starting or ending with `'`, unique in the workbook ignoring case, and never `History` (reserved).
 */
export const MAX_SHEET_NAME_LENGTH = 31;
export const TOC_SHEET_NAME = '目次';
export const PLAN_SHEET_NAME = '体系';
export const MASTER_SHEET_NAME = '全体計画';

const RESERVED = ['history'];
/** Forbidden characters become their full-width look-alikes, so the name still reads the same. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '[': '［',
  ']': '］',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
};

/** The comparison key: Excel compares sheet names without regard to case (width folded too, to be safe). */
export const sheetNameKey = (name: string): string => name.normalize('NFKC').toUpperCase();

/** Would Excel accept this name (uniqueness aside)? */
export const isValidSheetName = (name: string): boolean =>
  name.length >= 1 &&
  name.length <= MAX_SHEET_NAME_LENGTH &&
  !/[[\]:*?/\\]/.test(name) &&
  !/^'|'$/.test(name) &&
  !RESERVED.includes(name.toLowerCase());

const replaceForbidden = (text: string): string =>
  text
    .replace(/[[\]:*?/\\]/g, (c) => REPLACEMENTS[c] ?? '_')
    // eslint-disable-next-line no-control-regex -- control characters (tabs, line breaks) are not allowed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ');

/** A name Excel accepts, but not yet checked for uniqueness or length. */
export function sanitizeSheetName(name: string): string {
  const cleaned = replaceForbidden(name)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}

/** The first `max` UTF-16 units, never splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  // Every character is at least one unit long: a text of at most `max` units is kept whole.
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** `head` shortened so that `head + tail` fits; trailing spaces and quotes of the cut head removed. */
function fit(head: string, tail: string): string {
  const cut = truncate(head, MAX_SHEET_NAME_LENGTH - tail.length).replace(/[\s']+$/u, '');
  return cut + tail;
}

/**
 * Names already used in a workbook, compared as Excel compares them (sheetNameKey). A set, so that naming
 * thousands of sheets (a master view with one report sheet per entry) stays linear.
 */
export class SheetNameSet {
  private readonly keys = new Set<string>();

  constructor(names: Iterable<string> = []) {
    for (const name of names) this.add(name);
  }

  add(name: string): void {
    this.keys.add(this.keyOf(name));
  }

  has(name: string): boolean {
    return this.keys.has(this.keyOf(name));
  }

  // The name last asked about, and its key: a name found free is usually added next (uniqueSheetName, then add).
  private lastName: string | undefined;
  private lastKey = '';

  private keyOf(name: string): string {
    if (name !== this.lastName) {
      this.lastKey = sheetNameKey(name);
      this.lastName = name;
    }
    return this.lastKey;
  }
}

const isTaken = (name: string, taken: readonly string[] | SheetNameSet): boolean => {
  if (RESERVED.includes(name.toLowerCase())) return true;
  if (taken instanceof SheetNameSet) return taken.has(name);
  const key = sheetNameKey(name);
  return taken.some((t) => sheetNameKey(t) === key);
};

/**
 * A valid name not in `taken`: the sanitized `head + tail`, with the head cut to fit, and `~2`, `~3` …
 * appended when the name is taken. The tail (e.g. ` (2)`) is never cut.
 */
export function uniqueSheetName(head: string, taken: readonly string[] | SheetNameSet, tail = ''): string {
  const cleanHead = sanitizeSheetName(head);
  const cleanTail = replaceForbidden(tail).replace(/'+$/, '');
  for (let n = 1; ; n++) {
    const name = fit(cleanHead, cleanTail + (n === 1 ? '' : `~${n}`));
    if (!isTaken(name, taken)) return name;
  }
}

/**
 * An entry sheet's name: `I-1-1-1 総務課`, `II-1-3-2 町民生活課 (2)` for seq 2. A long department name is
 * cut so the code and seq stay whole; `~2` makes it unique when the cut names collide.
 */
export function entrySheetName(key: EntryKey, taken: readonly string[] = []): string {
  return uniqueSheetName(
    `${key.code} ${key.department}`,
    [...taken, TOC_SHEET_NAME],
    key.seq > 1 ? ` (${key.seq})` : '',
  );
}

/** A sheet name as formulas refer to it: always quoted, `'` doubled (`'I-1-1-1 総務課'`). */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** `'I-1-1-1 総務課'!C3`. */
export const sheetRef = (sheet: string, cell: string): string => `${quoteSheetName(sheet)}!${cell}`;
