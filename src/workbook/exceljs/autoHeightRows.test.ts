import { describe, expect, it } from 'vitest';
import { range } from '../../domain/template/sheetSpec';
import { contractSheet, contractWorkbook } from '../contract/portCases';
import { writeXlsx } from '../xlsx/writeXlsx';
import { dropCustomHeight } from './autoHeightRows';
import { excelJsFactory } from './excelJsFactory';
import { sheetXml } from '../../../tests/helpers/reopen';

/**
 * A row that grows with its text (SheetSpec.autoHeightRows) keeps its starting height but is written
 * without customHeight, so Excel fits it to what is typed; every other height stays fixed. Both writers.
 */
const SHEET = contractSheet('取組', {
  styles: { input: { wrap: true, locked: false, vertical: 'top', border: true } },
  cells: [
    { row: 0, column: 0, value: '見出し' },
    { row: 1, column: 0, value: '目指す姿' },
    { row: 1, column: 1, value: '一行目\n二行目\n三行目', style: 'input' },
    { row: 2, column: 0, value: '目標の達成' },
    { row: 2, column: 1, style: 'input' },
    { row: 3, column: 0, value: '評価・検証' },
    { row: 3, column: 1, style: 'input' },
  ],
  merges: [range(0, 0, 0, 1)],
  columnWidths: [12, 60],
  rowHeights: { 0: 19.5, 1: 45, 2: 24, 3: 45 },
  autoHeightRows: [1, 3],
});

const rowAttributes = (xml: string): Record<number, string> =>
  Object.fromEntries(
    [...xml.matchAll(/<row r="(\d+)"([^>]*)>/g)].map((m) => [
      Number(m[1]),
      [/ ht="([^"]+)"/.exec(m[2] ?? '')?.[1], /customHeight="1"/.test(m[2] ?? '') ? 'fixed' : 'auto'].join(
        ' ',
      ),
    ]),
  );

const WRITERS = [
  ['ExcelJS', async () => (await excelJsFactory.create(contractWorkbook(SHEET))).toBuffer()],
  ['the own writer', () => writeXlsx(contractWorkbook(SHEET))],
] as const;

describe('auto-height rows', () => {
  it.each(WRITERS)(
    '%s writes their height without customHeight, and fixes every other row',
    async (_name, write) => {
      expect(rowAttributes(await sheetXml(await write(), '取組'))).toEqual({
        1: '19.5 fixed',
        2: '45 auto',
        3: '24 fixed',
        4: '45 auto',
      });
    },
  );

  it('ExcelJS writes a workbook without auto-height rows as before, and leaves its writer as it was', async () => {
    const port = await excelJsFactory.create(contractWorkbook({ ...SHEET, autoHeightRows: [] }));
    expect(Object.values(rowAttributes(await sheetXml(await port.toBuffer(), '取組')))).toEqual([
      '19.5 fixed',
      '45 fixed',
      '24 fixed',
      '45 fixed',
    ]);
    const again = await excelJsFactory.create(contractWorkbook(SHEET));
    await again.toBuffer();
    expect(rowAttributes(await sheetXml(await again.toBuffer(), '取組'))[2]).toBe('45 auto');
  });

  it.each([
    [
      'a marked row loses the flag',
      '<row r="2" ht="45" customHeight="1" spans="1:2">',
      '<row r="2" ht="45" spans="1:2">',
    ],
    ['another row keeps it', '<row r="3" ht="24" customHeight="1">', '<row r="3" ht="24" customHeight="1">'],
    ['row 20 is not row 2', '<row r="20" ht="45" customHeight="1">', '<row r="20" ht="45" customHeight="1">'],
  ])('dropCustomHeight: %s', (_name, xml, expected) =>
    expect(dropCustomHeight(xml, new Set([2]))).toBe(expected),
  );
});
