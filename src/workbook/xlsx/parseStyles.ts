import { allTags, corrupt, findTag, skipPast } from './xmlScan';

/**
 * Which cell styles make a number a date, decided exactly as ExcelJS 4.4.0 decides it (so both readers give
 * the same snapshot): the style's `numFmtId`, looked up in the file's own `<numFmts>` first, then in
 * ExcelJS's table of built-in formats — which has no code for the locale formats 27–36 and 50–58, so those
 * are not dates — and the format is a date when, outside `[…]` and `"…"`, it holds one of `y m d h M s b`.
 */
export interface StyleTable {
  /** False when the part has no `<cellXfs>`: ExcelJS then fails on any cell or row with a style. */
  readonly hasCellXfs: boolean;
  isDate(styleId: number): boolean;
}

/** ExcelJS's built-in number formats (lib/xlsx/defaultnumformats.js, the entries with a code). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** ExcelJS's `utils.isDateFmt`. */
export const isDateFormat = (format: string | undefined): boolean =>
  !!format && /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** The start and end of the first `<name>…</name>` section, or undefined (also for an empty `<name/>`). */
function section(xml: string, name: string): { readonly from: number; readonly to: number } | undefined {
  const found = findTag(xml, name);
  if (!found || found.tag.selfClosing) return undefined;
  return { from: found.tag.end + 1, to: skipPast(xml, found.tag.end + 1, name) };
}

export function parseStyles(xml: string): StyleTable {
  const formats = new Map<number, string>();
  const numFmts = section(xml, 'numFmts');
  if (numFmts) {
    for (const tag of allTags(xml, 'numFmt', numFmts.from, numFmts.to)) {
      const code = tag.attributes.formatCode ?? corrupt('styles.xml: a <numFmt> without formatCode');
      formats.set(parseInt(tag.attributes.numFmtId ?? '', 10), code.replace(/[\\](.)/g, '$1'));
    }
  }
  const cellXfs = section(xml, 'cellXfs');
  const dates = cellXfs
    ? allTags(xml, 'xf', cellXfs.from, cellXfs.to).map((xf) => {
        const id = parseInt(xf.attributes.numFmtId ?? '', 10);
        return !!id && isDateFormat(formats.get(id) || BUILT_IN_FORMATS[id]);
      })
    : [];
  return { hasCellXfs: dates.length > 0, isDate: (styleId) => dates[styleId] === true };
}
