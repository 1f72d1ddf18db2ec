import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellSpec, CellValue } from '../../domain/template/sheetSpec';
import { contractSheet, contractWorkbook } from '../contract/portCases';
import { excelJsFactory } from '../exceljs/excelJsFactory';
import { readXlsxSnapshot } from './readXlsxSnapshot';
import { excelJsSnapshot } from '../../../tests/helpers/xlsxPackage';

/** Text with what trips readers: line ends, XML specials, escape look-alikes, controls, astral characters. */
const text = fc
  .array(
    fc.constantFrom(
      '目指す',
      'a',
      ' ',
      '\n',
      '\r\n',
      '\r',
      '&',
      '<',
      '>',
      '"',
      "'",
      '&amp;',
      '_x000D_',
      '_x0041_',
      '_x005F_',
      '\t',
      '\u0001',
      '😀',
      '=SUM(1)',
      '',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const value: fc.Arbitrary<CellValue> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const cell: fc.Arbitrary<CellSpec> = fc.record({
  row: fc.integer({ min: 0, max: 12 }),
  column: fc.integer({ min: 0, max: 6 }),
  value,
  formula: fc.option(fc.constantFrom('ROW()', 'A1&"x"', 'SUM(A1:B2)'), { nil: undefined }),
});

describe('readXlsxSnapshot on random sheets written by Suishin', () => {
  it('reads exactly what the ExcelJS path reads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(cell, { selector: (c) => `${c.row},${c.column}`, maxLength: 30 }),
        fc.boolean(),
        async (cells, merged) => {
          // A merge over cells that may hold values (the writer keeps only the top-left one).
          const merges = merged ? [{ top: 2, left: 1, bottom: 4, right: 3 }] : [];
          const port = await excelJsFactory.create(
            contractWorkbook(
              contractSheet('入力', {
                cells: cells.map(({ formula, ...c }) => (formula ? { ...c, formula } : c)),
                merges,
              }),
            ),
          );
          const bytes = await port.toBuffer();
          expect(await readXlsxSnapshot(bytes, 'r.xlsx')).toEqual(await excelJsSnapshot(bytes, 'r.xlsx'));
        },
      ),
      { numRuns: 60 },
    );
  });
});
