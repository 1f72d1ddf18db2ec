import ExcelJS from 'exceljs';

/**
 * Test helper: a workbook written by ExcelJS directly (not through a SheetSpec), holding every kind of value a
 * department file can: rich text, numbers, booleans, errors, dates with date formats, formulas (cached
 * results of each type, none, shared), text that looks like a formula or an `_xHHHH_` escape, line breaks,
 * a 40,000-character cell, a hyperlink, merges, hidden, very hidden and empty sheets. With
 * `useSharedStrings: false` strings are written as `t="str"` and rich text as inline strings.
 */
export async function edgeCaseWorkbook(
  options: { readonly useSharedStrings?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('値');
  ws.getCell('A1').value = { richText: [{ text: '目指す', font: { bold: true } }, { text: '姿' }] };
  ws.getCell('B1').value = { richText: [{ text: '' }, { text: '' }] };
  ws.getCell('C1').value = { richText: [{ text: '一_x000D_' }, { text: '\r\n二', font: { italic: true } }] };
  ws.getRow(2).values = [3.25, 0, -1.5e-7, 1e21, 12345678901234];
  ws.getRow(3).values = [true, false];
  ws.getCell('A4').value = { error: '#REF!' };
  ws.getCell('B4').value = { error: '#N/A' };
  ws.getCell('A5').value = new Date(Date.UTC(2020, 3, 1));
  ws.getCell('A5').numFmt = 'yyyy/m/d';
  ws.getCell('B5').value = new Date(Date.UTC(2020, 9, 1, 9, 30));
  ws.getCell('B5').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('C5').value = 43922;
  ws.getCell('C5').numFmt = '[$-ja-JP]ggge"年"m"月"d"日"';
  ws.getCell('D5').value = new Date(Date.UTC(2021, 2, 31));
  ws.getCell('E5').value = 43922;
  ws.getCell('E5').numFmt = '#,##0"円"';
  ws.getRow(6).values = ['=SUM(1,2)', '+81', '-', "'quoted", '@x'];
  ws.getRow(7).values = ['_x000D_', '_x0041_', 'a_x005F_x0041_b', '_x00e9_', 'x_x000a_y'];
  ws.getCell('A8').value = '長'.repeat(20_000) + 'x'.repeat(20_000);
  ws.getRow(9).values = ['一行目\r\n二行目', '改行\n', 'lone\rcr', '  ', '', 'タブ\tと&<>"\''];
  ws.getCell('A10').value = { formula: '1+1', result: 2 };
  ws.getCell('B10').value = { formula: '"x"&"y"', result: 'x&y<z>' };
  ws.getCell('C10').value = { formula: '1=1', result: true };
  ws.getCell('D10').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('E10').value = { formula: 'NOW()' };
  ws.getCell('F10').value = { formula: '0*1', result: 0 };
  ws.getCell('G10').value = { formula: '1=2', result: false };
  ws.getCell('H10').value = { formula: 'DATE(2020,4,1)', result: new Date(Date.UTC(2020, 3, 1)) };
  ws.getCell('H10').numFmt = 'yyyy/m/d';
  ws.getCell('I10').value = { formula: 'HYPERLINK("#\'値\'!A1","値へ")', result: '値へ' };
  ws.getRow(11).values = [1, 2, 3];
  ws.fillFormula('A12:C12', 'A11*2', [2, 4, 6]);
  ws.getCell('A13').value = { text: '町のサイト', hyperlink: 'https://example.jp/' };
  ws.getCell('A14').value = '見出し';
  ws.mergeCells('A14:C15');
  ws.getCell('D14').value = '隣';
  ws.mergeCells('D14:D16');
  ws.getCell('F20').style = { font: { bold: true } };

  workbook.addWorksheet('隠し', { state: 'hidden' }).getCell('B2').value = '隠れた値';
  workbook.addWorksheet('秘', { state: 'veryHidden' }).getCell('A1').value = 'meta';
  workbook.addWorksheet('空');
  const buffer = await workbook.xlsx.writeBuffer({ useSharedStrings: options.useSharedStrings ?? true });
  return new Uint8Array(buffer as ArrayBuffer);
}
