/**
 * The little XML the snapshot reader needs, read with indexOf over the part's text: no DOM, no DTD, no
 * entity but the five predefined ones and character references. What a conforming parser (saxes, under
 * ExcelJS) would refuse, this refuses too, by throwing CorruptPart: readXlsxSnapshot turns that into
 * `file.corrupt` at its boundary, so the exception never leaves this folder.
 */
export class CorruptPart extends Error {
  override readonly name = 'CorruptPart';
}

export const corrupt = (why: string): never => {
  throw new CorruptPart(why);
};

/** Characters XML 1.0 does not allow anywhere (raw): C0 controls other than tab/LF/CR, U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * A part's text ready for scanning: refused when it holds a character XML forbids or a DTD (`<!DOCTYPE`,
 * `<!ENTITY`: checkPackage refuses them first; this is the reader's own guard), with comments and CDATA
 * sections removed (ExcelJS's parser reports no CDATA text, so their content never reaches a cell).
 */
export function preparePart(xml: string, part: string): string {
  if (NOT_XML_CHAR.test(xml)) corrupt(`${part}: a character XML does not allow`);
  if (!xml.includes('<!')) return xml;
  let out = '';
  let pos = 0;
  for (let at = xml.indexOf('<!', pos); at !== -1; at = xml.indexOf('<!', pos)) {
    const [open, close] = xml.startsWith('<!--', at)
      ? ['<!--', '-->']
      : xml.startsWith('<![CDATA[', at)
        ? ['<![CDATA[', ']]>']
        : [];
    if (open === undefined || close === undefined)
      return corrupt(`${part}: a DTD or an unknown <! declaration`);
    const end = xml.indexOf(close, at + open.length);
    if (end === -1) corrupt(`${part}: an unterminated ${open}`);
    out += xml.slice(pos, at);
    pos = end + close.length;
  }
  return out + xml.slice(pos);
}

const isXmlChar = (c: number): boolean =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

function entity(name: string): string {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  // As saxes: `&#x…;` (lower-case x only) or `&#…;`, and the code point must be an XML character.
  const code =
    /^#x[0-9a-f]+$/i.test(name) && name[1] === 'x'
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : NaN;
  return isXmlChar(code)
    ? String.fromCodePoint(code)
    : corrupt(`an undefined entity or a bad character reference: &${name};`);
}

function decodeEntities(text: string): string {
  let out = '';
  let pos = 0;
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', pos)) {
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1) corrupt('an unterminated entity reference');
    out += text.slice(pos, amp) + entity(text.slice(amp + 1, semi));
    pos = semi + 1;
  }
  return out + text.slice(pos);
}

/** Character data as an XML parser reports it: line ends normalised to `\n` (before references), entities decoded. */
export function decodeText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return text.includes('&') ? decodeEntities(text) : text;
}

/** An attribute value as an XML parser reports it: tab, CR, LF and CRLF become a space, entities decoded. */
export function decodeAttribute(raw: string): string {
  const text = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return text.includes('&') ? decodeEntities(text) : text;
}

/** ExcelJS's `utils.xmlDecode`, which it applies a second time to `t="str"` values and to sheet names. */
export const excelJsXmlDecode = (text: string): string =>
  text.replace(
    /&([a-z]*);/g,
    (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c,
  );

/** SpreadsheetML's `_xHHHH_` escapes in `<t>` text, decoded as ExcelJS does: upper-case hex only, one pass. */
export const decodeEscapes = (text: string): string =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

export interface Tag {
  /** The element name as written (`c`, `x:c`), prefixed with `/` for an end tag. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Index of the tag's closing `>`. */
  readonly end: number;
  readonly selfClosing: boolean;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** The tag starting at `lt` (an index of `<`), its attributes decoded. A `>` inside a quoted value is fine. */
export function readTag(xml: string, lt: number): Tag {
  const closing = xml.charCodeAt(lt + 1) === 0x2f;
  let i = closing ? lt + 2 : lt + 1;
  const nameStart = i;
  for (
    let c = xml.charCodeAt(i);
    i < xml.length && !isSpace(c) && c !== 0x3e && c !== 0x2f;
    c = xml.charCodeAt(++i)
  );
  const name = closing ? `/${xml.slice(nameStart, i)}` : xml.slice(nameStart, i);
  let attributes: Record<string, string> | undefined;
  for (;;) {
    while (isSpace(xml.charCodeAt(i))) i++;
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return { name, attributes: attributes ?? NO_ATTRIBUTES, end: i, selfClosing: false };
    if (c === 0x2f && xml.charCodeAt(i + 1) === 0x3e)
      return { name, attributes: attributes ?? NO_ATTRIBUTES, end: i + 1, selfClosing: true };
    if (Number.isNaN(c) || name === '' || name.startsWith('/')) corrupt(`a malformed tag at ${lt}`);
    const eq = xml.indexOf('=', i);
    if (eq === -1) corrupt(`a malformed attribute at ${i}`);
    const attribute = xml.slice(i, eq).trimEnd();
    i = eq + 1;
    while (isSpace(xml.charCodeAt(i))) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") return corrupt(`an unquoted attribute at ${i}`);
    const close = xml.indexOf(quote, i + 1);
    if (close === -1) corrupt(`an unterminated attribute at ${i}`);
    const raw = xml.slice(i + 1, close);
    if (raw.includes('<')) corrupt(`a < in an attribute at ${i}`);
    (attributes ??= {})[attribute] = decodeAttribute(raw);
    i = close + 1;
  }
}

/** The text up to the next tag, and that tag's index (`<`). */
export function textUntilTag(xml: string, from: number): { readonly raw: string; readonly lt: number } {
  const lt = xml.indexOf('<', from);
  if (lt === -1) corrupt('an element that never ends');
  return { raw: xml.slice(from, lt), lt };
}

/** Index just past the end tag `</name>` at or after `from` (the element's content is skipped unread). */
export function skipPast(xml: string, from: number, name: string): number {
  const at = xml.indexOf(`</${name}`, from);
  if (at === -1) return corrupt(`<${name}> never ends`);
  return readTag(xml, at).end + 1;
}

/** The start tag of the first top-level `<name …>` (exact name: `<sheet` does not find `<sheets>`), or undefined. */
export function findTag(
  xml: string,
  name: string,
  from = 0,
): { readonly lt: number; readonly tag: Tag } | undefined {
  const open = `<${name}`;
  for (let lt = xml.indexOf(open, from); lt !== -1; lt = xml.indexOf(open, lt + 1)) {
    const next = xml.charCodeAt(lt + open.length);
    if (isSpace(next) || next === 0x3e || next === 0x2f) return { lt, tag: readTag(xml, lt) };
  }
  return undefined;
}

/** Every `<name …>` start tag, in document order (for flat lists: `<sheet>`, `<Relationship>`, `<mergeCell>`). */
export function allTags(xml: string, name: string, from = 0, to = xml.length): Tag[] {
  const tags: Tag[] = [];
  for (
    let found = findTag(xml, name, from);
    found && found.lt < to;
    found = findTag(xml, name, found.tag.end)
  )
    tags.push(found.tag);
  return tags;
}
