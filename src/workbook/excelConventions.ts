import { cellAddress } from '../domain/cellAddress';

/**
 * How a spec becomes Excel features, shared by the ExcelJS and Office.js adapters so that a sheet built by
 * either looks and behaves the same. No adapter types here: each adapter maps these to its own API.
 */

/**
 * The font of every cell we write. ＭＳ Ｐゴシック ships with every Japanese Windows and Office, and its
 * metrics are stable: rows sized for it do not clip when printed, which 游ゴシック (taller line spacing) often
 * does with fixed row heights. The Japanese name is what Japanese Excel itself writes.
 */
export const SHEET_FONT_NAME = 'ＭＳ Ｐゴシック';
export const DEFAULT_FONT_SIZE = 11;

/**
 * Sheet protection without a password: cells stay selectable and rows may be resized (long answers need
 * taller rows); structure, formats and columns are locked. Office.js: `protect({ allowFormatRows: true })`.
 */
export const SHEET_PROTECTION = { allowFormatRows: true } as const;

/** Excel rejects (or "repairs") a file whose validation texts exceed these lengths. */
export const VALIDATION_LIMITS = { title: 32, message: 255, list: 255 } as const;

/**
 * The formula of a `blank` conditional format, relative to the range's top-left cell: true when the cell is
 * empty or holds only ASCII spaces. An expression rule (Office.js: a custom conditional format), not
 * `containsBlanks`, so both adapters write the same rule.
 */
export const blankRuleFormula = (top: number, left: number): string =>
  `LEN(TRIM(${cellAddress(top, left)}))=0`;

const formulaText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A sheet name as it appears in a reference: always quoted, `'` doubled (`'総務課 (2)'!A1`). */
export const quoteSheetName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * An internal link as a formula, without the leading `=`: `HYPERLINK("#'目次'!A1","目次へ")`. A formula
 * works the same in Excel, Excel on the web and LibreOffice, and ExcelJS 4.4.0 cannot write a plain
 * internal hyperlink correctly (exceljs#3027). The cell then reads as its text and counts as a formula cell.
 */
export const linkFormula = (sheet: string, cell: string, text: string): string =>
  `HYPERLINK(${formulaText(`#${quoteSheetName(sheet)}!${cell}`)},${formulaText(text)})`;

/** Excel's line break is `\n`; a `\r\n` (or a lone `\r`) would not survive the file's XML anyway. */
export const normaliseLineBreaks = (text: string): string => text.replace(/\r\n?/g, '\n');
