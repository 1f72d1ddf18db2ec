/** What every SpreadsheetML part writer shares: namespaces, the XML declaration, and text encoding. */
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The relationships namespace, and the prefix of every relationship type (`…/worksheet`). */
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold at all (cell text keeps them as _xHHHH_ escapes; other texts drop them)
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for element content or a double-quoted attribute. */
export const xmlText = (text: string): string =>
  text
    .replace(NOT_XML, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
