import { describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import { contractSheet } from '../contract/portCases';
import { reopen, sheetOf } from '../../../tests/helpers/reopen';
import { readXlsxSnapshot } from './readXlsxSnapshot';
import { writeXlsx } from './writeXlsx';

/** Edge cases of names and text, read back by ExcelJS (independent) and by readXlsxSnapshot. */
describe('writeXlsx', () => {
  const awkward = `R&D "予算" <1> O'Neil`;
  const sheets: SheetSpec[] = [
    contractSheet('目次', {
      cells: [{ row: 0, column: 0, value: '戻る', link: { sheet: awkward, cell: 'B2' } }],
    }),
    contractSheet(awkward, {
      cells: [
        { row: 1, column: 1, value: 'a & b < c > d "e" _x0041_ \u0007 𠮷' },
        { row: 2, column: 0, value: 0.1 + 0.2 },
      ],
      print: {
        paper: 'A4',
        orientation: 'landscape',
        fitToWidth: 1,
        fitToHeight: 1,
        area: { top: 0, left: 0, bottom: 4, right: 3 },
        titleRows: { from: 0, to: 1 },
      },
    }),
    contractSheet('隠し', { visibility: 'veryHidden', cells: [{ row: 0, column: 0, value: 'x' }] }),
  ];

  it('keeps sheet names, text, numbers, visibility, links and print ranges that need escaping', async () => {
    const bytes = await writeXlsx({ sheets, properties: { title: 'A & B <テスト>', creator: '総務課' } });
    const read = await readXlsxSnapshot(bytes, 'edge.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['目次', 'visible'],
      [awkward, 'visible'],
      ['隠し', 'veryHidden'],
    ]);
    expect(read.value.sheets[1]!.values[1]![1]).toBe('a & b < c > d "e" _x0041_ \u0007 𠮷');
    expect(read.value.sheets[1]!.values[2]![0]).toBe(0.1 + 0.2);
    expect(read.value.sheets[0]!.values[0]![0]).toBe('戻る');

    const workbook = await reopen(bytes);
    expect(workbook.title).toBe('A & B <テスト>');
    const ws = sheetOf(workbook, awkward);
    expect(ws.getCell('B2').value).toBe('a & b < c > d "e" _x0041_ \u0007 𠮷');
    expect(ws.pageSetup.printArea).toBe('A1:D5');
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(sheetOf(workbook, '目次').getCell('A1').value).toMatchObject({
      formula: `HYPERLINK("#'R&D ""予算"" <1> O''Neil'!B2","戻る")`,
    });
  });

  it('refuses what Excel would repair: two sheets of one name, an unknown style', async () => {
    await expect(
      writeXlsx({ sheets: [contractSheet('a'), contractSheet('A')], properties: { title: 't' } }),
    ).rejects.toThrow(/duplicate sheet name/);
    await expect(
      writeXlsx({
        sheets: [contractSheet('a', { cells: [{ row: 0, column: 0, value: 1, style: 'none' }] })],
        properties: { title: 't' },
      }),
    ).rejects.toThrow(/undefined style/);
  });

  it('writes the same bytes for the same workbook', async () => {
    const workbook = { sheets, properties: { title: 't' } };
    expect(await writeXlsx(workbook)).toEqual(await writeXlsx(workbook));
  });
});
