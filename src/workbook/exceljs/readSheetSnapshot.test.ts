import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetSnapshot } from './readSheetSnapshot';
import { reopen, sheetOf } from '../../../tests/helpers/reopen';

/** A sheet as a department's Excel might have saved it: built with ExcelJS, saved and re-opened. */
async function saved(fill: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('入力'));
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
  return sheetOf(await reopen(new Uint8Array(buffer)), '入力');
}

type Case = Readonly<{ name: string; value: ExcelJS.CellValue; numFmt?: string; expected: unknown }>;

const cases: readonly Case[] = [
  {
    name: 'rich text as its plain text',
    value: { richText: [{ text: '目指す', font: { bold: true } }, { text: '姿' }] },
    expected: '目指す姿',
  },
  {
    name: 'an external hyperlink as its text',
    value: { text: '町のサイト', hyperlink: 'https://example.jp/' },
    expected: '町のサイト',
  },
  { name: 'a date as an ISO date', value: new Date(Date.UTC(2020, 3, 1)), expected: '2020-04-01' },
  {
    name: 'a date and time as ISO date-time',
    value: new Date(Date.UTC(2020, 3, 1, 9, 30)),
    expected: '2020-04-01T09:30:00',
  },
  { name: 'an error value as its code', value: { error: '#REF!' }, expected: '#REF!' },
  { name: 'a formula as its cached number', value: { formula: 'SUM(1,2)', result: 3 }, expected: 3 },
  {
    name: 'a formula as its cached text',
    value: { formula: 'IF(TRUE,"済","")', result: '済' },
    expected: '済',
  },
  {
    name: 'a formula as its cached boolean',
    value: { formula: 'ISBLANK(Z1)', result: true },
    expected: true,
  },
  {
    name: 'a formula with an error result as the error code',
    value: { formula: '1/0', result: { error: '#DIV/0!' } },
    expected: '#DIV/0!',
  },
  { name: 'a formula never computed as empty', value: { formula: 'NOW()' }, expected: null },
  { name: 'empty text as empty', value: '', expected: null },
  {
    name: "Excel's escaped carriage return (_x000D_) as a plain line break",
    value: '一行目_x000D_\n二行目',
    expected: '一行目\n二行目',
  },
];

describe('readSheetSnapshot', () => {
  it.each(cases)('reads $name', async ({ value, expected }) => {
    const ws = await saved((s) => {
      s.getCell('B2').value = value;
    });
    expect(readSheetSnapshot(ws).values[1]?.[1] ?? null).toEqual(expected);
  });

  it('lists master and shared formula cells, with their cached results', async () => {
    const ws = await saved((s) => {
      s.getCell('A1').value = 1;
      s.getCell('A2').value = 2;
      s.getCell('A3').value = 3;
      s.fillFormula('B1:B3', 'A1*2', [2, 4, 6]);
    });
    expect(ws.getCell('B2').formulaType).toBe(ExcelJS.FormulaType.Shared);
    const snapshot = readSheetSnapshot(ws);
    expect(snapshot.formulaCells).toEqual(['B1', 'B2', 'B3']);
    expect(snapshot.values.map((row) => row[1])).toEqual([2, 4, 6]);
  });

  it('reads cells covered by a merge as empty, though ExcelJS repeats the top-left value there', async () => {
    const ws = await saved((s) => {
      s.getCell('A1').value = '見出し';
      s.mergeCells('A1:C2');
    });
    expect(ws.getCell('B2').value).toBe('見出し');
    const snapshot = readSheetSnapshot(ws);
    expect(snapshot.values).toEqual([['見出し']]);
    expect(snapshot.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
  });

  it('returns ragged rows from A1, with empty rows and gaps as empty', async () => {
    const ws = await saved((s) => {
      s.getCell('C1').value = 'c1';
      s.getCell('A3').value = 'a3';
      s.getCell('B4').style = { font: { bold: true } }; // styled but empty
    });
    expect(readSheetSnapshot(ws).values).toEqual([[null, null, 'c1'], [], ['a3']]);
  });

  it('reads the visibility', async () => {
    const ws = await saved((s) => {
      s.state = 'veryHidden';
    });
    expect(readSheetSnapshot(ws)).toMatchObject({ name: '入力', visibility: 'veryHidden', values: [] });
  });
});
