import { describe, expect, it } from 'vitest';
import {
  CorruptPart,
  decodeAttribute,
  decodeEscapes,
  decodeText,
  excelJsXmlDecode,
  preparePart,
  readTag,
} from './xmlScan';

describe('decodeText', () => {
  it.each([
    ['plain text unchanged', '目指す姿', '目指す姿'],
    ['the five predefined entities', '&lt;&gt;&amp;&quot;&apos;', `<>&"'`],
    ['decimal and hexadecimal references, astral included', '&#65;&#x42;&#x1F600;', 'AB😀'],
    ['CRLF and CR as LF, before references (&#13; stays CR)', 'a\r\nb\rc&#13;', 'a\nb\nc\r'],
    ['an entity decodes once', '&amp;lt;', '&lt;'],
  ])('%s', (_name, raw, text) => expect(decodeText(raw)).toBe(text));

  it.each([
    ['an undefined entity', '&nbsp;'],
    ['an unterminated reference', 'a & b'],
    ['a reference to a character XML forbids', '&#0;'],
    ['an upper-case X reference (saxes accepts only x)', '&#X41;'],
  ])('refuses %s', (_name, raw) => expect(() => decodeText(raw)).toThrow(CorruptPart));
});

describe('attributes and ExcelJS decoding', () => {
  it('normalises whitespace in attribute values as an XML parser does', () => {
    expect(decodeAttribute('a\r\nb\tc\nd&#10;')).toBe('a b c d\n');
  });

  it('decodes ExcelJS-style a second time, named entities only', () => {
    expect(excelJsXmlDecode('a&lt;b&amp;&#65;&nbsp;')).toBe('a<b&&#65;&nbsp;');
  });

  it('decodes _xHHHH_ escapes with upper-case hex, in one pass', () => {
    expect(decodeEscapes('_x000D__x005F_x0041__x00e9_')).toBe('\r_x0041__x00e9_');
  });

  it('reads a tag whose attribute holds a >', () => {
    const xml = `<numFmt numFmtId='176' formatCode="[&gt;=100]0;[>0]0.0"/><x>`;
    expect(readTag(xml, 0)).toEqual({
      name: 'numFmt',
      attributes: { numFmtId: '176', formatCode: '[>=100]0;[>0]0.0' },
      end: xml.indexOf('/>') + 1,
      selfClosing: true,
    });
    expect(readTag('</row >', 0)).toMatchObject({ name: '/row', selfClosing: false });
  });
});

describe('preparePart', () => {
  it('removes comments and CDATA sections', () => {
    expect(preparePart('<a><!-- <b/> -->x<![CDATA[<c/>]]>y</a>', 'p')).toBe('<a>xy</a>');
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an ENTITY declaration', '<a><!ENTITY x "y"></a>'],
    ['an unterminated comment', '<a><!-- </a>'],
    ['a control character', '<a>\u0001</a>'],
  ])('refuses %s', (_name, xml) => expect(() => preparePart(xml, 'p')).toThrow(CorruptPart));
});
