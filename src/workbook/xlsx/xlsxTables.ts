import type { CellStyle } from '../../domain/template/sheetSpec';
import { DEFAULT_FONT_SIZE, SHEET_FONT_NAME } from '../excelConventions';
import { argb } from '../a1';
import { NS_MAIN, XML_HEAD, xmlText } from './xmlParts';

/** Built-in number formats Excel knows by id (no `<numFmt>` needed). */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/** The workbook's style table: fonts, fills, borders, formats and cell formats, each written once. */
export class Styles {
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly dxfs = new Map<string, number>();
  /** Cell format ids by a sheet's style table (report sheets of one form share it) and style name. */
  private readonly cache = new WeakMap<object, Map<string, number>>();
  /** XML of layout parts shared by many sheets (merges, validations, conditional formats), by identity. */
  private readonly fragments = new WeakMap<object, string>();

  constructor() {
    this.font({});
    this.fills.set('none', 0);
    this.fills.set('gray125', 1);
    this.xf({}, undefined);
  }

  private font(style: CellStyle): number {
    const size = style.fontSize ?? DEFAULT_FONT_SIZE;
    const xml =
      `<font>${style.bold ? '<b/>' : ''}${style.underline ? '<u/>' : ''}<sz val="${size}"/>` +
      `${style.color ? `<color rgb="${argb(style.color)}"/>` : ''}<name val="${xmlText(SHEET_FONT_NAME)}"/><family val="3"/><charset val="128"/></font>`;
    return this.idOf(this.fonts, xml);
  }

  private fill(hex: string | undefined): number {
    if (hex === undefined) return 0;
    return this.idOf(
      this.fills,
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.numFmts.size;
    this.numFmts.set(code, id);
    return id;
  }

  private idOf(map: Map<string, number>, xml: string): number {
    const known = map.get(xml);
    if (known !== undefined) return known;
    map.set(xml, map.size);
    return map.size - 1;
  }

  /** The cell format of a spec style, with an overlay fill (a mark) when given. */
  xf(style: CellStyle, overlayFill: string | undefined): number {
    const fontId = this.font(style);
    const fillId = this.fill(overlayFill ?? style.fill);
    const borderId = style.border ? 1 : 0;
    const numFmtId = this.numFmt(style.numberFormat);
    const alignment =
      style.wrap || style.horizontal || style.vertical
        ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ''}${style.vertical ? ` vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const protection = style.locked === false ? '<protection locked="0"/>' : '';
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}` +
      `${alignment ? ' applyAlignment="1"' : ''}${protection ? ' applyProtection="1"' : ''}` +
      `${alignment || protection ? `>${alignment}${protection}</xf>` : '/>'}`;
    return this.idOf(this.xfs, xml);
  }

  /** The cell format id of a named style of a sheet's style table, with an overlay fill when given. */
  xfCached(table: object, name: string, style: CellStyle, overlayFill: string | undefined): number {
    let ids = this.cache.get(table);
    if (!ids) this.cache.set(table, (ids = new Map()));
    const key = overlayFill === undefined ? name : `${name}\u0000${overlayFill}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = this.xf(style, overlayFill)));
    return id;
  }

  /** `make()`'s XML for a part, made once per part object (an empty part is written as nothing). */
  fragment(part: readonly unknown[], make: () => string): string {
    if (part.length === 0) return '';
    let xml = this.fragments.get(part);
    if (xml === undefined) this.fragments.set(part, (xml = make()));
    return xml;
  }

  dxfFill(hex: string): number {
    return this.idOf(
      this.dxfs,
      `<dxf><fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor rgb="${argb(hex)}"/></patternFill></fill></dxf>`,
    );
  }

  xml(): string {
    const list = (tag: string, map: Map<string, number>, extra = '') =>
      `<${tag} count="${map.size}"${extra}>${[...map.keys()].join('')}</${tag}>`;
    const numFmts =
      this.numFmts.size > 0
        ? `<numFmts count="${this.numFmts.size}">${[...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`).join('')}</numFmts>`
        : '';
    const fills = `<fills count="${this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${[...this.fills.keys()].slice(2).join('')}</fills>`;
    const thin = '<color indexed="64"/>';
    const borders =
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
      `<border><left style="thin">${thin}</left><right style="thin">${thin}</right><top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border></borders>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}${list('fonts', this.fonts)}${fills}${borders}` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `${list('cellXfs', this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `${list('dxfs', this.dxfs)}<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }
}

/**
 * Shared strings, only for text that needs SpreadsheetML's `_xHHHH_` escapes (a control character, or a
 * literal `_x0041_`): readers agree on decoding them in shared strings (Excel, ExcelJS, readXlsxSnapshot),
 * not in inline ones. All other text is written inline, so the table stays tiny.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();

  indexOf(escaped: string): number {
    let i = this.index.get(escaped);
    if (i === undefined) this.index.set(escaped, (i = this.index.size));
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  xml(): string {
    const items = [...this.index.keys()]
      .map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`)
      .join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.index.size}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}
