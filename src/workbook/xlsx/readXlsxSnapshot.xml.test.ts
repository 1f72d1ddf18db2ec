import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readXlsxSnapshot } from './readXlsxSnapshot';
import {
  excelJsSnapshot,
  SHEET_RELS,
  xlsxPackage,
  type PackageParts,
} from '../../../tests/helpers/xlsxPackage';

/**
 * Hand-written XML, each case read by both readers: readXlsxSnapshot must answer exactly what ExcelJS
 * (excelJsFactory.open + readSnapshot) answers — the same snapshot, or the same refusal. The cases are the
 * XML Excel, LibreOffice and other writers produce, and ExcelJS's own quirks on it (noted where surprising).
 */
const STYLES =
  '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="176"/><xf numFmtId="0"/></cellXfs>';
const row = (cells: string, r = '1'): string => `<row r="${r}">${cells}</row>`;
const cell = (content: string, attributes = ''): string => `<c r="A1"${attributes}>${content}</c>`;

const cases: readonly (readonly [string, PackageParts])[] = [
  // Values by type
  [
    'numbers, including exponents, text after digits and non-numbers',
    {
      sheetData: row(
        '<c r="A1"><v>3.25</v></c><c r="B1"><v>1E-3</v></c><c r="C1"><v> 12abc</v></c><c r="D1"><v>abc</v></c><c r="E1"><v>1e999</v></c><c r="F1" t="n"><v>-0.5</v></c>',
      ),
    },
  ],
  [
    'booleans, errors, t="d" and unknown types as ExcelJS types them',
    {
      sheetData: row(
        '<c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="b"><v>TRUE</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2020-04-01</v></c><c r="F1" t="zz"><v>1e3</v></c>',
      ),
    },
  ],
  [
    't="str" text, decoded a second time as ExcelJS does',
    {
      sheetData: row('<c r="A1" t="str"><v>a&amp;lt;b &amp;amp;</v></c><c r="B1" t="str"><v>x\r\ny</v></c>'),
    },
  ],
  [
    'inline strings: plain text keeps _xHHHH_, rich runs decode it, an empty one is empty',
    {
      sheetData: row(
        '<c r="A1" t="inlineStr"><is><t>a_x0041_</t></is></c><c r="B1" t="inlineStr"><is><r><t>a_x0041_</t></r><r><rPr><b/></rPr><t xml:space="preserve"> b</t></r></is></c><c r="C1" t="inlineStr"><is><t></t></is></c><c r="D1" t="inlineStr"><is><r><t>x</t><t>y</t></r><r/></is></c>',
      ),
    },
  ],
  [
    'entities and character references, line ends normalised as an XML parser does',
    {
      sheetData: row(
        '<c r="A1" t="inlineStr"><is><t>&#x41;&#66;&#x1F600;&lt;&gt;&quot;&apos;&amp;</t></is></c><c r="B1" t="inlineStr"><is><t>a\r&#10;b\r\nc&#13;</t></is></c>',
      ),
    },
  ],
  [
    'whitespace-only text, pretty-printed cells, single-quoted attributes',
    {
      sheetData: `<row r='1'>\n <c r='A1' t='inlineStr'>\n  <is>\n   <t xml:space="preserve">  </t>\n  </is>\n </c>\n <c r="B1">\n  <v>2</v>\n </c>\n</row>`,
    },
  ],
  [
    'CDATA text is not reported (ExcelJS listens for none), comments are skipped',
    {
      sheetData: row(
        '<!-- <c r="C1"><v>9</v></c> --><c r="A1" t="inlineStr"><is><t><![CDATA[abc]]>d</t></is></c>',
      ),
    },
  ],

  // Shared strings
  [
    'shared strings: plain, empty, rich, phonetic runs left out, _xHHHH_ decoded (upper-case hex only)',
    {
      sharedStrings:
        '<si/><si><t/></si><si><t>a_x000D_&#10;b_x005F_x0041_</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>x</t></r><r><rPr><sz val="11"/></rPr></r><rPh><t>q</t></rPh></si><si><t>_x000d_</t></si><si><r><t>a</t></r><t>b</t></si>',
      sheetData: row([0, 1, 2, 3, 4, 5].map((i) => `<c r="${'ABCDEF'[i]}1" t="s"><v>${i}</v></c>`).join('')),
    },
  ],
  [
    'a shared-string index without a shared-strings part reads as the number',
    { sheetData: row(cell('<v>3</v>', ' t="s"')) },
  ],

  // Formulas
  [
    'formulas: cached results by type; a result of 0, false or none reads as empty',
    {
      sheetData: row(
        '<c r="A1"><f>SUM(B2:B3)</f><v>12.5</v></c><c r="B1" t="str"><f>"x"</f><v>xy</v></c><c r="C1" t="b"><f>1=1</f><v>1</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1"><f>0*1</f><v>0</v></c><c r="F1" t="b"><f>1=2</f><v>0</v></c><c r="G1"><f>NOW()</f></c><c r="H1" t="str"><f>""</f><v></v></c>',
      ),
    },
  ],
  [
    'shared formulas: the master and its cells; an orphan shared cell reads as empty but is a formula cell',
    {
      sheetData:
        row(
          '<c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c><c r="B1"><f t="shared" si="7"/><v>9</v></c>',
        ) +
        row('<c r="A2"><f t="shared" si="0"/><v>4</v></c>', '2') +
        row('<c r="A3"><f t="shared" si="0"/></c>', '3'),
    },
  ],
  [
    'an array formula child (<f/> with t) is a formula cell with no value; an empty <f/> is no formula',
    {
      sheetData: row(
        '<c r="A1"><f></f><v>3</v></c><c r="B1"><f t="array" ref="B1:B2">ROW()</f><v>5</v></c><c r="C1"><f t="array" ref="C1"/><v>5</v></c>',
      ),
    },
  ],

  // Dates and styles
  [
    'dates: built-in 14–22/45–47 and custom formats are dates, style 0 and the locale built-ins (31) are not',
    {
      styles: STYLES,
      sheetData: row(
        '<c r="A1" s="0"><v>43922</v></c><c r="B1" s="1"><v>43922.5</v></c><c r="C1" s="2"><v>43922</v></c><c r="D1" s="3"><v>43922</v></c><c r="E1" s="9"><v>43922</v></c><c r="F1" s="1"><v>abc</v></c>',
      ),
    },
  ],
  [
    'formula results with a date format become dates, whatever their type (true is 1899-12-31)',
    {
      styles: STYLES,
      sheetData: row(
        '<c r="A1" s="1"><f>X</f><v>43922</v></c><c r="B1" s="1" t="b"><f>X</f><v>1</v></c><c r="C1" s="1" t="str"><f>X</f><v>43922</v></c><c r="D1" s="1" t="e"><f>X</f><v>#N/A</v></c>',
      ),
    },
  ],
  [
    'every built-in number format id, as ExcelJS decides which are dates',
    {
      styles: `<cellXfs><xf numFmtId="0"/>${Array.from({ length: 60 }, (_, i) => `<xf numFmtId="${i}"/>`).join('')}</cellXfs>`,
      sheetData: row(
        Array.from({ length: 60 }, (_, i) => `<c r="A${i + 1}" s="${i + 1}"><v>43922</v></c>`).join(''),
      ),
    },
  ],
  [
    'custom formats: escapes dropped, upper-case YYYY is not a date, a custom format replaces a built-in id',
    {
      styles:
        '<numFmts><numFmt numFmtId="176" formatCode="YYYY"/><numFmt numFmtId="177" formatCode="0\\h"/><numFmt numFmtId="178" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="14" formatCode="0.00"/><numFmt numFmtId="179" formatCode="#,##0&quot;円&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="14"/><xf numFmtId="179"/></cellXfs>',
      sheetData: row(
        [1, 2, 3, 4, 5].map((s) => `<c r="${'ABCDE'[s - 1]}1" s="${s}"><v>43922</v></c>`).join(''),
      ),
    },
  ],
  [
    'the 1904 date system (only date1904="1")',
    { workbookPr: '<workbookPr date1904="1"/>', styles: STYLES, sheetData: row(cell('<v>0</v>', ' s="1"')) },
  ],
  [
    'date1904="true" is not the 1904 system for ExcelJS',
    {
      workbookPr: '<workbookPr date1904="true"/>',
      styles: STYLES,
      sheetData: row(cell('<v>0</v>', ' s="1"')),
    },
  ],

  // Layout
  [
    'ragged rows, gaps, styled empty cells and trailing empty rows',
    {
      styles: STYLES,
      sheetData:
        row('<c r="C1"><v>1</v></c><c r="D1" s="4"/>') +
        row('<c r="B3" s="4"/>', '3') +
        row('<c r="A4"><v>2</v></c><c r="E4" s="4"/>', '4') +
        row('<c r="A9" s="4"/>', '9'),
    },
  ],
  [
    'a later row or cell with the same position replaces the earlier; an empty unstyled one does not',
    {
      styles: STYLES,
      sheetData:
        row('<c r="A1"><v>1</v></c>') +
        row('<c r="B1"><v>2</v></c><c r="B1"/><c r="C1"><v>3</v></c><c r="C1" s="4"/>'),
    },
  ],
  [
    'rows out of order, row 0 ignored, absolute references',
    {
      sheetData:
        row('<c r="$B$3"><v>3</v></c>', '3') +
        row('<c r="A1"><v>1</v></c>', '0') +
        row('<c r="A2"><v>2</v></c>', '2'),
    },
  ],
  [
    'a cell without r after cells with one takes the next column after the last cell ExcelJS keeps',
    {
      styles: STYLES,
      sheetData: row('<c r="A1"><v>1</v></c><c r="C1"/><c><v>2</v></c><c s="4"/><c><v>3</v></c>'),
    },
  ],
  [
    'an empty <sheetData/> and an empty sheet',
    { files: { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>' } },
  ],

  // Merges
  [
    'merges: covered cells are empty (even with values or formulas), sorted, reversed and single-cell refs',
    {
      sheetData:
        row('<c r="A1"><v>1</v></c><c r="B1"><f>X</f><v>2</v></c><c r="C1"><v>3</v></c>') +
        row('<c r="C2"><v>4</v></c>', '2') +
        row('<c r="A3"><v>5</v></c>', '3'),
      afterSheetData:
        '<mergeCells count="4"><mergeCell ref="C1:C2"/><mergeCell ref="A1:B1"/><mergeCell ref="E5:D4"/><mergeCell ref="G7"/></mergeCells>',
    },
  ],
  ['merges on an empty sheet', { afterSheetData: '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>' }],

  // Hyperlinks
  [
    'an external hyperlink turns a formula cell into its result (0 included), not a formula cell',
    {
      styles: STYLES,
      sheetData: row(
        '<c r="A1"><f>1-1</f><v>0</v></c><c r="B1" s="4"/><c r="C1"><v>5</v></c><c r="D1"><f>X</f><v>7</v></c><c r="E1"><f>X</f><v>8</v></c>',
      ),
      afterSheetData:
        '<hyperlinks><hyperlink ref="A1" r:id="rId9"/><hyperlink ref="B1" r:id="rId9"/><hyperlink ref="C1" r:id="rId9"/><hyperlink ref="D1" location="S!A1"/><hyperlink ref="E1:F1" r:id="rId9"/></hyperlinks>',
      files: { 'xl/worksheets/_rels/sheet1.xml.rels': SHEET_RELS('https://example.jp/') },
    },
  ],

  // Sheets
  [
    'sheets in tab order with their visibility; a chart sheet or dangling relationship is skipped',
    {
      sheets:
        '<sheet name="後" sheetId="2" state="veryHidden" r:id="rId2"/><sheet name="グラフ" sheetId="3" r:id="rId7"/><sheet name="前" sheetId="1" state="hidden" r:id="rId1"/>',
      files: {
        'xl/worksheets/sheet2.xml': `<worksheet><sheetData>${row(cell('<v>2</v>'))}</sheetData></worksheet>`,
      },
    },
  ],
  [
    'a sheet name is decoded twice, as ExcelJS does',
    { sheets: '<sheet name="a&amp;amp;b" sheetId="1" r:id="rId1"/>' },
  ],

  // Refused as corrupt, as ExcelJS refuses them
  ['an undefined entity', { sheetData: row(cell('<is><t>&nbsp;</t></is>', ' t="inlineStr"')) }],
  [
    'a character reference to a character XML forbids',
    { sheetData: row(cell('<is><t>&#1;</t></is>', ' t="inlineStr"')) },
  ],
  ['a raw control character', { sheetData: row(cell('<is><t>a\u000bb</t></is>', ' t="inlineStr"')) }],
  [
    'a shared-string index past the end',
    { sharedStrings: '<si><t>a</t></si>', sheetData: row(cell('<v>5</v>', ' t="s"')) },
  ],
  [
    'a rich run after plain text in a shared string',
    { sharedStrings: '<si><t>a</t><r><t>b</t></r></si>', sheetData: row(cell('<v>0</v>', ' t="s"')) },
  ],
  [
    'a rich run after plain text in an inline string',
    { sheetData: row(cell('<is><t>b</t><r><t>a</t></r></is>', ' t="inlineStr"')) },
  ],
  [
    'anything but <si> in the shared strings',
    { sharedStrings: '<si><t>a</t></si><extLst/>', sheetData: row(cell('<v>0</v>', ' t="s"')) },
  ],
  [
    'overlapping merges',
    {
      sheetData: row(cell('<v>1</v>')),
      afterSheetData: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
    },
  ],
  ['a column past XFD', { sheetData: row('<c r="ZZZZ1"><v>1</v></c>') }],
  ['a cell reference in lower case', { sheetData: row('<c r="b1"><v>1</v></c>') }],
  ['a row number that is not a number', { sheetData: row('<c r="A1"><v>1</v></c>', 'abc') }],
  [
    'a style with no <cellXfs> in the styles part',
    { styles: '<numFmts/>', sheetData: row(cell('<v>0</v>', ' s="1"')) },
  ],
  [
    'a row style without a styles part',
    { sheetData: '<row r="1" s="2" customFormat="1"><c r="A1"><v>0</v></c></row>' },
  ],
  [
    'a hyperlink whose relationship is missing',
    {
      sheetData: row(cell('<v>1</v>')),
      afterSheetData: '<hyperlinks><hyperlink ref="A1" r:id="rId9"/></hyperlinks>',
    },
  ],
  [
    'a sheet name longer than 31 characters',
    { sheets: `<sheet name="${'長'.repeat(32)}" sheetId="1" r:id="rId1"/>` },
  ],
  ['a sheet name with a character Excel forbids', { sheets: '<sheet name="a:b" sheetId="1" r:id="rId1"/>' }],
  [
    'two sheets whose names differ only in case',
    {
      sheets: '<sheet name="Abc" sheetId="1" r:id="rId1"/><sheet name="aBC" sheetId="2" r:id="rId2"/>',
      files: { 'xl/worksheets/sheet2.xml': '<worksheet><sheetData/></worksheet>' },
    },
  ],
  [
    'a workbook whose sheets all lack a worksheet part',
    { sheets: '<sheet name="S" sheetId="1" r:id="rId5"/>' },
  ],
  [
    'hidden columns: "1" and "true", ranges merged, "false"/"0" shown, a range to XFD, a bad range left out',
    {
      files: {
        'xl/worksheets/sheet1.xml':
          '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetFormatPr defaultRowHeight="13.5"/><cols><col min="2" max="2" width="3" hidden="1"/><col min="3" max="4" width="9" customWidth="1" hidden="true"/><col min="6" max="6" width="2" hidden="false"/><col min="7" max="7" hidden="0"/><col min="9" max="16384" width="9" hidden="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
      },
    },
  ],
];

describe('readXlsxSnapshot reads hand-written XML exactly as the ExcelJS path does', () => {
  // ExcelJS warns on the console before it fails on a long sheet name.
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => void vi.restoreAllMocks());

  it.each(cases)('%s', async (_name, parts) => {
    const bytes = await xlsxPackage(parts);
    expect(await readXlsxSnapshot(bytes, '総務課.xlsx')).toEqual(await excelJsSnapshot(bytes, '総務課.xlsx'));
  });
});

describe('hidden columns', () => {
  it('come as 0-based spans, merged where they touch (the preview in file mode leaves them out)', async () => {
    const sheet = (cols: string) =>
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const read = async (cols: string) => {
      const bytes = await xlsxPackage({ files: { 'xl/worksheets/sheet1.xml': sheet(cols) } });
      const r = await readXlsxSnapshot(bytes, 'f.xlsx');
      return r.ok ? r.value.sheets[0]!.hiddenColumns : r.error;
    };
    expect(
      await read(
        '<cols><col min="6" max="6" hidden="1"/><col min="2" max="3" hidden="true"/><col min="4" max="4" hidden="1"/></cols>',
      ),
    ).toEqual([
      { left: 1, right: 3 },
      { left: 5, right: 5 },
    ]);
    expect(await read('<cols><col min="1" max="3" width="9" hidden="0"/></cols>')).toBeUndefined();
    expect(await read('')).toBeUndefined();
    expect(
      await read('<cols><col min="0" max="3" hidden="1"/><col min="5" max="99999" hidden="1"/></cols>'),
    ).toBeUndefined();
  });
});

describe('where readXlsxSnapshot reads a file the ExcelJS path refuses or loses', () => {
  it.each([
    [
      'rows without r (implicit positions) are read in order',
      row('<c r="A1"><v>1</v></c>').replace(' r="1"', '') + '<row><c r="B2"><v>2</v></c></row>',
      [[1], [null, 2]],
    ],
    ['a row whose first cell has no r starts at column A', row('<c><v>1</v></c><c><v>2</v></c>'), [[1, 2]]],
  ])('%s (ExcelJS: file.corrupt)', async (_name, sheetData, values) => {
    const bytes = await xlsxPackage({ sheetData });
    expect((await excelJsSnapshot(bytes, 'f.xlsx')).ok).toBe(false);
    const read = await readXlsxSnapshot(bytes, 'f.xlsx');
    expect(read.ok && read.value.sheets[0]?.values).toEqual(values);
  });

  it('an inline string with phonetic runs reads as its text (ExcelJS loses the cell)', async () => {
    const bytes = await xlsxPackage({
      sheetData: row(
        cell('<is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is>', ' t="inlineStr"') +
          '<c r="B1"><v>2</v></c>',
      ),
    });
    const read = await readXlsxSnapshot(bytes, 'f.xlsx');
    expect(read.ok && read.value.sheets[0]?.values).toEqual([['漢字', 2]]);
  });
});
