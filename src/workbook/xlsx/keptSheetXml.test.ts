import { describe, expect, it } from 'vitest';
import { keptSheetMerges, keptSheetSelected, rewriteKeptSheet, type KeptSheetChanges } from './keptSheetXml';

/** A worksheet part around the given children; `p` is a namespace prefix (`x:`) or ''. */
const sheet = (inner: string, p = ''): string =>
  `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${inner}</${p}worksheet>`;

/** A marked cell's new format: 100 + its old one, +10 for the second fill colour (readable in the XML). */
const markedXf = (oldXf: number, fill: string): number => 100 + oldXf + (fill === '#FFEB9C' ? 10 : 0);

const changes = (fills: Record<string, string>, view: Partial<KeptSheetChanges> = {}): KeptSheetChanges => ({
  fills: new Map(Object.entries(fills)),
  markedXf,
  selected: false,
  ...view,
});

const ERR = '#FFC7CE';
const WARN = '#FFEB9C';

describe('rewriteKeptSheet: marks', () => {
  it.each([
    [
      'points an existing cell at the copy of its own format',
      '<sheetData><row r="2"><c r="B2" s="3" t="s"><v>0</v></c></row></sheetData>',
      { B2: ERR },
      '<sheetData><row r="2"><c r="B2" s="103" t="s"><v>0</v></c></row></sheetData>',
    ],
    [
      'gives a cell without s (format 0) the copy of format 0',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
      { A1: WARN },
      '<sheetData><row r="1"><c s="110" r="A1"><v>1</v></c></row></sheetData>',
    ],
    [
      'inserts a missing cell in column order, between and after the cells the row has',
      '<sheetData><row r="3"><c r="A3"><v>1</v></c><c r="D3"><v>2</v></c></row></sheetData>',
      { C3: ERR, F3: ERR },
      '<sheetData><row r="3"><c r="A3"><v>1</v></c><c r="C3" s="100"/><c r="D3"><v>2</v></c><c r="F3" s="100"/></row></sheetData>',
    ],
    [
      'inserts missing rows in row order, before, between and after the rows the sheet has',
      '<sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="5"><c r="A5"><v>2</v></c></row></sheetData>',
      { B1: ERR, B3: ERR, B9: ERR },
      '<sheetData><row r="1"><c r="B1" s="100"/></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="B3" s="100"/></row><row r="5"><c r="A5"><v>2</v></c></row><row r="9"><c r="B9" s="100"/></row></sheetData>',
    ],
    [
      'opens a self-closing row and a self-closing sheetData',
      '<sheetData><row r="4" ht="20" customHeight="1"/></sheetData>',
      { A4: ERR },
      '<sheetData><row r="4" ht="20" customHeight="1"><c r="A4" s="100"/></row></sheetData>',
    ],
    [
      'fills an empty sheetData',
      '<sheetData/>',
      { B2: ERR },
      '<sheetData><row r="2"><c r="B2" s="100"/></row></sheetData>',
    ],
    [
      'gives a new cell its row’s format (customFormat) or else its column’s',
      '<cols><col min="2" max="3" width="9" style="7" customWidth="1"/></cols><sheetData><row r="1" s="5" customFormat="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>',
      { C1: ERR, C2: ERR },
      '<cols><col min="2" max="3" width="9" style="7" customWidth="1"/></cols><sheetData><row r="1" s="5" customFormat="1"><c r="A1"><v>1</v></c><c r="C1" s="105"/></row><row r="2"><c r="A2"><v>1</v></c><c r="C2" s="107"/></row></sheetData>',
    ],
    [
      'counts rows and cells written without r',
      '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>',
      { B1: ERR, A2: ERR },
      '<sheetData><row><c><v>1</v></c><c s="100"><v>2</v></c></row><row><c s="100"><v>3</v></c></row></sheetData>',
    ],
    [
      'widens the row’s spans and the dimension to a new cell',
      '<dimension ref="A1:B2"/><sheetData><row r="2" spans="1:2"><c r="A2"><v>1</v></c></row></sheetData>',
      { D2: ERR, A5: ERR },
      '<dimension ref="A1:D5"/><sheetData><row r="2" spans="1:4"><c r="A2"><v>1</v></c><c r="D2" s="100"/></row><row r="5"><c r="A5" s="100"/></row></sheetData>',
    ],
    [
      'inserts several rows in one gap in order, before a row whose spans grow',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="5" spans="1:1"><c r="A5"><v>2</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A7:B7"/></mergeCells>',
      { A2: ERR, A3: ERR, C5: ERR },
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" s="100"/></row><row r="3"><c r="A3" s="100"/></row><row r="5" spans="1:3"><c r="A5"><v>2</v></c><c r="C5" s="100"/></row></sheetData><mergeCells count="1"><mergeCell ref="A7:B7"/></mergeCells>',
    ],
    [
      'takes nothing inside a comment, a CDATA section or an inline string for an element',
      '<sheetData><!-- <row r="1"><c r="A1"/></row> --><row r="1"><c r="A1" t="inlineStr"><is><r><t><![CDATA[<c r="B1">]]></t></r></is></c><c r="B1" s="2"/></row></sheetData>',
      { B1: ERR },
      '<sheetData><!-- <row r="1"><c r="A1"/></row> --><row r="1"><c r="A1" t="inlineStr"><is><r><t><![CDATA[<c r="B1">]]></t></r></is></c><c r="B1" s="102"/></row></sheetData>',
    ],
  ])('%s', (_name, inner, fills, expected) => {
    expect(rewriteKeptSheet(sheet(inner), changes(fills))).toBe(sheet(expected));
  });

  it('works on a part written with a namespace prefix', () => {
    const xml = sheet('<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>', 'x:');
    expect(rewriteKeptSheet(xml, changes({ A1: ERR, B1: ERR }))).toBe(
      sheet(
        '<x:sheetData><x:row r="1"><x:c s="100" r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="100"/></x:row></x:sheetData>',
        'x:',
      ),
    );
  });

  it('returns the same text when nothing changes', () => {
    const xml = sheet('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData/>');
    expect(rewriteKeptSheet(xml, changes({}))).toBe(xml);
  });
});

describe('rewriteKeptSheet: the view', () => {
  it.each([
    [
      'selects the sheet and sets the active cell of a plain view',
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
      { selected: true, activeCell: 'C4' },
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="C4" sqref="C4"/></sheetView></sheetViews>',
    ],
    [
      'replaces the selection of the active pane of a frozen view',
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A4" activeCellId="0" sqref="A4:B5"/></sheetView></sheetViews>',
      { selected: true, activeCell: 'D9' },
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="D9" sqref="D9"/></sheetView></sheetViews>',
    ],
    [
      'adds a selection for the active pane after the pane',
      '<sheetViews><sheetView workbookViewId="0"><pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/></sheetView></sheetViews>',
      { selected: true, activeCell: 'B2' },
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/><selection pane="topRight" activeCell="B2" sqref="B2"/></sheetView></sheetViews>',
    ],
    [
      'unselects a sheet the file no longer opens on',
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>',
      { selected: false },
      '<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>',
    ],
    [
      'adds a view to a sheet without one, before its columns',
      '<dimension ref="A1"/><cols><col min="1" max="1" width="9"/></cols>',
      { selected: true, activeCell: 'A2' },
      '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0" tabSelected="1"><selection activeCell="A2" sqref="A2"/></sheetView></sheetViews><cols><col min="1" max="1" width="9"/></cols>',
    ],
  ])('%s', (_name, head, view, expected) => {
    expect(rewriteKeptSheet(sheet(`${head}<sheetData/>`), changes({}, view))).toBe(
      sheet(`${expected}<sheetData/>`),
    );
  });
});

describe('keptSheetMerges', () => {
  it('reads the merged areas, ignoring a ref it cannot read', () => {
    const xml = sheet(
      '<sheetData/><mergeCells count="3"><mergeCell ref="B5:D6"/><mergeCell ref="A1"/><mergeCell ref="?"/></mergeCells>',
    );
    expect(keptSheetMerges(xml)).toEqual([
      { top: 4, left: 1, bottom: 5, right: 3 },
      { top: 0, left: 0, bottom: 0, right: 0 },
    ]);
    expect(keptSheetMerges(sheet('<sheetData/>'))).toEqual([]);
  });
});

describe('keptSheetSelected', () => {
  it.each([
    [
      'a view saved selected (Excel)',
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>',
      '',
      true,
    ],
    [
      'a view saved selected (LibreOffice)',
      '<sheetViews><sheetView tabSelected="true" workbookViewId="0"/></sheetViews>',
      '',
      true,
    ],
    [
      'a prefixed part',
      '<x:sheetViews><x:sheetView tabSelected="1" workbookViewId="0"/></x:sheetViews>',
      'x:',
      true,
    ],
    [
      'a view not selected',
      '<sheetViews><sheetView tabSelected="0" workbookViewId="0"/></sheetViews>',
      '',
      false,
    ],
    ['a view without the attribute', '<sheetViews><sheetView workbookViewId="0"/></sheetViews>', '', false],
    ['no views', '', '', false],
    ['a view inside a comment', '<!--<sheetViews><sheetView tabSelected="1"/></sheetViews>-->', '', false],
  ])('%s', (_name, views, p, selected) => {
    expect(keptSheetSelected(sheet(`${views}<${p}sheetData/>`, p))).toBe(selected);
  });
});
