/** An underscore that starts `_xHHHH_` (a lookahead: `_x005f_x0041_` holds two, sharing an underscore). */
const ESCAPE_LIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const hex4 = (c: string): string => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

/**
 * Cell text as a file must store it to come back unchanged. SpreadsheetML escapes characters XML cannot
 * hold as `_xHHHH_`, and readers (Excel, ExcelJS, readXlsxSnapshot) decode that pattern in a shared string;
 * ExcelJS does not escape when it writes, so exceljs/escapeForSave does it for each save; xlsx/writeXlsx
 * escapes as it writes. Unescaped, a department's `_x0041_` would come back as `A`, and a control character
 * would be dropped. Escape as Excel does: a literal `_xHHHH_` gets its underscore written as `_x005F_`, and
 * a control character (other than tab and line feed) becomes `_xHHHH_`.
 */
export const escapeCellText = (text: string): string =>
  text.replace(ESCAPE_LIKE, '_x005F_').replace(NOT_IN_XML, (c) => `_x${hex4(c)}_`);
