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

/**
 * Where this table's entries start in a styles part that already holds others (a master 総務課 has saved:
 * Suishin's styles are appended to its styles.xml, so the indices its own cells use stay valid). A new
 * workbook starts from nothing: its fills 0 and 1 are the two every styles part begins with.
 */
export interface StyleBase {
  readonly fonts: number;
  /** Fills before this table's first own fill (at least the two required ones, none and gray125). */
  readonly fills: number;
  readonly borders: number;
  readonly xfs: number;
  readonly dxfs: number;
  /** The first custom number format id free. */
  readonly numFmt: number;
}

const NEW_WORKBOOK: StyleBase = { fonts: 0, fills: 2, borders: 0, xfs: 0, dxfs: 0, numFmt: 164 };

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

  constructor(private readonly base: StyleBase = NEW_WORKBOOK) {
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
    return this.base.fonts + this.idOf(this.fonts, xml);
  }

  private fill(hex: string | undefined): number {
    if (hex === undefined) return 0;
    const local = this.idOf(
      this.fills,
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
    return this.base.fills + local - 2;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    const id = this.base.numFmt + this.numFmts.size;
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
    const borderId = this.base.borders + (style.border ? 1 : 0);
    const numFmtId = this.numFmt(style.numberFormat);
    const alignment =
      style.wrap || style.horizontal || style.vertical
        ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ''}${style.vertical ? ` vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const protection = style.locked === false ? '<protection locked="0"/>' : '';
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${style.border ? ' applyBorder="1"' : ''}` +
      `${alignment ? ' applyAlignment="1"' : ''}${protection ? ' applyProtection="1"' : ''}` +
      `${alignment || protection ? `>${alignment}${protection}</xf>` : '/>'}`;
    return this.base.xfs + this.idOf(this.xfs, xml);
  }

  /**
   * A copy of a cell format the styles part already holds (`xf`: its `<xf>` element as written there) with a
   * solid fill instead of its own: a mark on a cell of a sheet kept as it is, whose font, border, number
   * format, alignment and protection stay the cell's own.
   */
  xfWithFill(xf: string, hex: string): number {
    const fillId = this.fill(hex);
    const open = /^<xf\b[^>]*?(?=\/?>)/.exec(xf)?.[0];
    if (open === undefined) throw new Error(`styles.xml: not a cell format: ${xf.slice(0, 40)}`);
    // Set in place where the attribute is written, else added after the others.
    const set = (tag: string, name: string, value: string) => {
      const at = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
      return at.test(tag)
        ? tag.replace(at, (_m, head: string) => `${head}"${value}"`)
        : `${tag} ${name}="${value}"`;
    };
    const withFill = set(set(open.trimEnd(), 'fillId', String(fillId)), 'applyFill', '1');
    return this.base.xfs + this.idOf(this.xfs, `${withFill}${xf.slice(open.length)}`);
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
    return (
      this.base.dxfs +
      this.idOf(
        this.dxfs,
        `<dxf><fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor rgb="${argb(hex)}"/></patternFill></fill></dxf>`,
      )
    );
  }

  /** This table's own entries of each list, as XML (the fills without the two required ones). */
  private entries(): Record<'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs', string[]> {
    const thin = '<color indexed="64"/>';
    return {
      numFmts: [...this.numFmts].map(
        ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`,
      ),
      fonts: [...this.fonts.keys()],
      fills: [...this.fills.keys()].slice(2),
      borders: [
        '<border><left/><right/><top/><bottom/><diagonal/></border>',
        `<border><left style="thin">${thin}</left><right style="thin">${thin}</right><top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border>`,
      ],
      cellXfs: [...this.xfs.keys()],
      dxfs: [...this.dxfs.keys()],
    };
  }

  /**
   * An existing styles part with this table's entries appended to each list (see StyleBase: the table was
   * made with that part's counts). Lists the part lacks are added where CT_Stylesheet places them.
   */
  appendTo(stylesXml: string): string {
    let xml = stylesXml;
    for (const [tag, items] of Object.entries(this.entries())) {
      if (items.length === 0) continue;
      xml = appendToList(xml, tag, items);
    }
    return xml;
  }

  xml(): string {
    const list = (tag: string, map: Map<string, number>, extra = '') =>
      `<${tag} count="${map.size}"${extra}>${[...map.keys()].join('')}</${tag}>`;
    const own = this.entries();
    const numFmts =
      this.numFmts.size > 0 ? `<numFmts count="${this.numFmts.size}">${own.numFmts.join('')}</numFmts>` : '';
    const fills = `<fills count="${this.fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${own.fills.join('')}</fills>`;
    const borders = `<borders count="2">${own.borders.join('')}</borders>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}${list('fonts', this.fonts)}${fills}${borders}` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `${list('cellXfs', this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `${list('dxfs', this.dxfs)}<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }
}

/** CT_Stylesheet's children in schema order (ECMA-376 Part 1, §18.8.39). */
export const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;

/** `<tag …>…</tag>` or `<tag …/>` (no namespace prefix) in xml: where it starts, its open tag and where it ends. */
function findList(
  xml: string,
  tag: string,
): { start: number; open: string; inner: string; end: number } | undefined {
  const match = new RegExp(`<${tag}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (!match) return undefined;
  const start = match.index;
  const openEnd = start + match[0].length;
  if (match[2] === '/') return { start, open: `<${tag}${match[1] ?? ''}>`, inner: '', end: openEnd };
  const close = xml.indexOf(`</${tag}>`, openEnd);
  if (close < 0) throw new Error(`styles.xml: <${tag}> is not closed`);
  return {
    start,
    open: `<${tag}${match[1] ?? ''}>`,
    inner: xml.slice(openEnd, close),
    end: close + tag.length + 3,
  };
}

/** The list's children counted as the elements themselves (a count attribute may be missing or wrong). */
const childCount = (inner: string, child: string): number =>
  (inner.match(new RegExp(`<${child}[\\s/>]`, 'g')) ?? []).length;

/** The element name of a list's children. */
const CHILD: Record<string, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

/** items appended to the list `tag` of a styles part, its count updated; a missing list is inserted in order. */
function appendToList(xml: string, tag: string, items: readonly string[]): string {
  const found = findList(xml, tag);
  if (found) {
    const count = childCount(found.inner, CHILD[tag]!) + items.length;
    const open = /\scount="[^"]*"/.test(found.open)
      ? found.open.replace(/\scount="[^"]*"/, ` count="${count}"`)
      : found.open.replace(/>$/, ` count="${count}">`);
    return `${xml.slice(0, found.start)}${open}${found.inner}${items.join('')}</${tag}>${xml.slice(found.end)}`;
  }
  const list = `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  const later = STYLESHEET_ORDER.slice(
    STYLESHEET_ORDER.indexOf(tag as (typeof STYLESHEET_ORDER)[number]) + 1,
  );
  for (const next of later) {
    const at = findList(xml, next);
    if (at) return `${xml.slice(0, at.start)}${list}${xml.slice(at.start)}`;
  }
  const end = xml.lastIndexOf('</styleSheet>');
  if (end < 0) throw new Error('styles.xml: no </styleSheet>');
  return `${xml.slice(0, end)}${list}${xml.slice(end)}`;
}

/** The cell formats (`<cellXfs>`' `<xf>` elements, as written) of an existing styles part, by index. */
export function cellXfsOf(stylesXml: string): string[] {
  const inner = findList(stylesXml, 'cellXfs')?.inner ?? '';
  return inner.match(/<xf\b[^>]*?\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g) ?? [];
}

/**
 * Where a new table of styles starts in an existing styles part: after every font, fill, border, cell format
 * and dxf it holds, and after its highest custom number format id.
 */
export function styleBaseOf(stylesXml: string): StyleBase {
  const count = (tag: string) => {
    const found = findList(stylesXml, tag);
    return found ? childCount(found.inner, CHILD[tag]!) : 0;
  };
  const ids = [...(findList(stylesXml, 'numFmts')?.inner ?? '').matchAll(/numFmtId="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  return {
    fonts: count('fonts'),
    fills: Math.max(2, count('fills')),
    borders: count('borders'),
    xfs: count('cellXfs'),
    dxfs: count('dxfs'),
    numFmt: Math.max(164, ...ids.map((id) => id + 1)),
  };
}

/**
 * Shared strings, only for text that needs SpreadsheetML's `_xHHHH_` escapes (a control character, or a
 * literal `_x0041_`): readers agree on decoding them in shared strings (Excel, ExcelJS, readXlsxSnapshot),
 * not in inline ones. All other text is written inline, so the table stays tiny.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();

  /** `base`: the strings an existing table holds already (these are appended after them: appendTo). */
  constructor(private readonly base = 0) {}

  indexOf(escaped: string): number {
    let i = this.index.get(escaped);
    if (i === undefined) this.index.set(escaped, (i = this.index.size));
    return this.base + i;
  }

  /** An existing sharedStrings part (of `base` strings) with these strings appended. */
  appendTo(sstXml: string): string {
    const end = sstXml.lastIndexOf('</sst>');
    if (this.index.size === 0) return sstXml;
    if (end < 0) throw new Error('sharedStrings.xml: no </sst>');
    const head = sstXml
      .slice(0, end)
      .replace(/(<sst\b[^>]*?)\suniqueCount="\d*"/, '$1')
      .replace(/(<sst\b[^>]*?)\scount="\d*"/, '$1')
      .replace(/<sst\b/, `<sst uniqueCount="${this.base + this.index.size}"`);
    return `${head}${this.items()}${sstXml.slice(end)}`;
  }

  private items(): string {
    return [...this.index.keys()].map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join('');
  }

  get size(): number {
    return this.index.size;
  }

  xml(): string {
    const items = this.items();
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.index.size}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}
