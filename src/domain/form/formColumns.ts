import { perObject } from '../memo';
/**
 * The 様式 sheet's columns, as 総務課 and other tools write them: found by name (any order, extra columns
 * ignored) in a header row that may sit below title rows.
 */
import type { CellValue } from '../template/sheetSpec';
import { keyUnlessNoneOf, normalizeKey } from '../text/normalizeKey';

export const FORM_SHEET_NAME = '様式';

export const FORM_COLUMNS = {
  heading: '見出し',
  label: '項目',
  key: 'キー',
  kind: '種類',
  choices: '選択肢',
  requirement: '必須の時期',
  maxLength: '文字数の目安',
  guidance: '記入の手引き',
  formula: '計算式',
  judge: '判定',
  tally: '集計',
  yearBand: '年度欄',
  published: '公表',
  carry: '引継ぎ',
} as const;
export type FormColumn = keyof typeof FORM_COLUMNS;

/** The columns the sheet is written with, in this order. */
export const FORM_COLUMN_ORDER: readonly FormColumn[] = [
  'heading',
  'label',
  'key',
  'kind',
  'choices',
  'requirement',
  'maxLength',
  'guidance',
  'formula',
  'judge',
  'tally',
  'yearBand',
  'published',
  'carry',
];

/** Without these a row cannot be read. */
export const REQUIRED_COLUMNS: readonly FormColumn[] = ['label', 'key', 'kind', 'requirement'];

/** How deep under title rows the header row is looked for. */
const HEADER_SEARCH_ROWS = 20;

export interface FormHeader {
  readonly row: number;
  readonly columns: Readonly<Partial<Record<FormColumn, number>>>;
}

/** The mark for yes in 集計 and 年度欄. */
export const MARK = '○';
const MARKS = new Set(
  ['○', '〇', '◯', '●', '◎', 'o', 'O', '1', 'true', 'はい', 'yes', '✓', '✔', 'レ'].map(normalizeKey),
);

export const cellString = (value: CellValue | undefined): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value.trim() : String(value);

/** 公表 written as not published: ×, 非公表, いいえ … (FALSE, 0). */
export const UNPUBLISHED_MARK = '×';
const NOT_PUBLISHED = new Set(
  ['×', '✕', '✖', '✗', 'x', 'X', '0', 'false', '非公表', '公表しない', 'いいえ', 'no', '-', '－'].map(
    normalizeKey,
  ),
);

/**
 * 公表 of a row: true for ○ or a blank cell (and for a sheet without the column), false for × / 非公表,
 * undefined for anything else (the reader warns and keeps the field out, the safe side for publication).
 */
export function readPublished(value: CellValue | undefined): boolean | undefined {
  if (value === false) return false;
  if (cellString(value).length === 0 || isMarked(value)) return true;
  return NOT_PUBLISHED.has(normalizeKey(cellString(value))) ? false : undefined;
}

/** 引継ぎ written as 参考: last year's value shown read-only beside next year's sheet. */
export const REFERENCE_MARK = '参考';
const REFERENCE = new Set(['参考', '参照', '前年度', '前年度参考', '表示'].map(normalizeKey));

/**
 * 引継ぎ of a row: `carry` for ○ (the text starts next year's sheet), `reference` for 参考, null for a blank
 * cell (starts empty), undefined for anything else (the reader warns and reads it as blank).
 */
export function readCarry(value: CellValue | undefined): 'carry' | 'reference' | null | undefined {
  if (value === false || cellString(value).length === 0) return null;
  if (isMarked(value)) return 'carry';
  return REFERENCE.has(normalizeKey(cellString(value))) ? 'reference' : undefined;
}

/** A cell marked ○ (or TRUE, 1, 〇 …). */
export const isMarked = (value: CellValue | undefined): boolean =>
  value === true || (typeof value !== 'boolean' && MARKS.has(normalizeKey(cellString(value))));

/**
 * The column names' keys in column order, and each key's column: keyed once, since every cell of every
 * sheet's first rows is tried.
 */
let columnKeys:
  | {
      readonly names: readonly (readonly [FormColumn, string])[];
      readonly exact: ReadonlyMap<string, FormColumn>;
    }
  | undefined;

const NOTE_OPENING = /^[(（【[]/u;
const HAS_OPENING = /[(（【[]/u;

/** Which of the sheet's column names a header cell's key holds (exact, or the name followed by a note). */
function columnOf(key: string): FormColumn | undefined {
  if (key.length === 0) return undefined;
  columnKeys ??= (() => {
    const names = FORM_COLUMN_ORDER.map((c) => [c, normalizeKey(FORM_COLUMNS[c])] as const);
    const exact = new Map<string, FormColumn>();
    for (const [c, name] of names) if (!exact.has(name)) exact.set(name, c);
    return { names, exact };
  })();
  const { names, exact } = columnKeys;
  // A name followed by a note needs an opening bracket in the cell.
  return (
    exact.get(key) ??
    (HAS_OPENING.test(key)
      ? names.find(([, name]) => key.startsWith(name) && NOTE_OPENING.test(key.slice(name.length)))?.[0]
      : undefined)
  );
}

/** The first row (of the first twenty) naming both 項目 and キー; its named columns, first of each name. */
export function findFormHeader(grid: readonly (readonly CellValue[])[]): FormHeader | undefined {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const header = headerInRow(
      r,
      (grid[r] ?? []).map((cell) => normalizeKey(cellString(cell))),
    );
    if (header) return header;
  }
  return undefined;
}

/**
 * findFormHeader over keys already made (headerKeys): a caller that also looks for another header in the
 * same rows (classifySheet) keys each cell once.
 */
export function findFormHeaderInKeys(keys: readonly (readonly string[])[]): FormHeader | undefined {
  for (let r = 0; r < Math.min(keys.length, HEADER_SEARCH_ROWS); r++) {
    const header = headerInRow(r, keys[r] ?? []);
    if (header) return header;
  }
  return undefined;
}

/**
 * The keys (normalizeKey of cellString) of the grid's first rows, where a header is looked for. With
 * `words` (keys), a cell whose key starts with none of them may get another key that starts with none of
 * them either (keyUnlessNoneOf): for a caller that looks only for keys starting with those words.
 */
export function headerKeys(grid: readonly (readonly CellValue[])[], words?: readonly string[]): string[][] {
  const rows = grid.slice(0, HEADER_SEARCH_ROWS);
  if (!words) return rows.map((row) => row.map((cell) => normalizeKey(cellString(cell))));
  const firsts = firstsOf(words);
  if (firsts.has('')) return rows.map((row) => row.map((cell) => normalizeKey(cellString(cell))));
  return rows.map((row) => row.map((cell) => keyUnlessNoneOf(cellString(cell), firsts)));
}

/** The words' first characters, made once per list (a caller keys every sheet's first rows by one list). */
const firstsOf = perObject(
  (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.charAt(0))),
);

/** The keys of the column names: a header cell's key starts with one of them (see columnOf). */
export const formColumnKeys = (): readonly string[] =>
  FORM_COLUMN_ORDER.map((c) => normalizeKey(FORM_COLUMNS[c]));

/** The row's named columns (first of each name) when it names both 項目 and キー. */
function headerInRow(r: number, keys: readonly string[]): FormHeader | undefined {
  const columns: Partial<Record<FormColumn, number>> = {};
  keys.forEach((key, c) => {
    const column = columnOf(key);
    if (column !== undefined && columns[column] === undefined) columns[column] = c;
  });
  return columns.label !== undefined && columns.key !== undefined ? { row: r, columns } : undefined;
}

/**
 * The sheet's title: the text above the header that mentions 様式 (else the first text there), without its
 * 「様式：」 prefix or 「の様式」 suffix. Undefined when there is none (or it says only 様式).
 */
export function formTitle(grid: readonly (readonly CellValue[])[], headerRow: number): string | undefined {
  const texts = grid
    .slice(0, headerRow)
    .flatMap((row) => row.map(cellString))
    .filter((t) => t.length > 0);
  const text = texts.find((t) => t.includes('様式')) ?? texts[0];
  if (text === undefined) return undefined;
  const title = text
    .replace(/^様式\s*[:：]?\s*/u, '')
    .replace(/\s*の様式$/u, '')
    .trim();
  return title.length > 0 ? title : undefined;
}

/** The title row text buildFormSheet writes (formTitle reads the title back). */
export const formTitleText = (title: string): string => `様式：${title}`;
