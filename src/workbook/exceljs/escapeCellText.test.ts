import { describe, expect, it } from 'vitest';
import { contractSheet, contractWorkbook } from '../contract/portCases';
import { escapeCellText } from '../escapeCellText';
import { excelJsFactory } from './excelJsFactory';

const roundTrip = async (text: string): Promise<unknown> => {
  const port = await excelJsFactory.create(
    contractWorkbook(contractSheet('A', { cells: [{ row: 0, column: 0, value: text }] })),
  );
  const opened = await excelJsFactory.open(await port.toBuffer(), 'a.xlsx');
  return opened.ok ? (await opened.value.readSnapshot()).sheets[0]?.values[0]?.[0] : opened.error.code;
};

describe('escapeCellText: text written through ExcelJS reads back unchanged', () => {
  it.each([
    ['an escape-like _xHHHH_ a department typed', '_x0041_ と _x000D_ と _x005f_x0041_'],
    ['control characters Excel would escape', 'ベル\u0007と\u0001と\u001F'],
    ['a tab and line breaks', '・一\t二\n・三'],
    ['emoji, full-width and a leading =', '=😀 全角　スペース'],
    ['text without anything to escape', '町公式サイトの情報更新を働きかけた。'],
    // ExcelJS in Node cut characters outside the BMP at every 16 KB of a part (utf8ZipWriter.ts).
    ['characters outside the BMP at every position of a long part (𠮷, emoji)', 'a👍🏽𠮷'.repeat(6_000)],
  ])('%s', async (_name, text) => {
    expect(await roundTrip(text)).toBe(text);
  });

  it.each([
    ['_x0041_', '_x005F_x0041_'],
    ['a_x00e9_b', 'a_x005F_x00e9_b'],
    ['_x005f_x0041_', '_x005F_x005f_x005F_x0041_'],
    ['\u0001', '_x0001_'],
    ['_x12_', '_x12_'],
    ['plain', 'plain'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeCellText(text)).toBe(escaped);
  });
});
