import { describe, expect, it } from 'vitest';
import {
  absoluteCellAddress,
  cellAddress,
  columnIndex,
  columnLetters,
  MAX_COLUMNS,
  MAX_ROWS,
  parseCellAddress,
  parseRangeAddress,
  rangeAddress,
} from './cellAddress';

const LAST_ROW = MAX_ROWS - 1;
const LAST_COLUMN = MAX_COLUMNS - 1;

describe('column letters ↔ index', () => {
  it.each([
    { name: 'the first column is A', column: 0, letters: 'A' },
    { name: 'Z is the 26th', column: 25, letters: 'Z' },
    { name: 'AA follows Z', column: 26, letters: 'AA' },
    { name: 'AZ then BA', column: 52, letters: 'BA' },
    { name: 'ZZ is the last two-letter column', column: 701, letters: 'ZZ' },
    { name: 'AAA follows ZZ', column: 702, letters: 'AAA' },
    { name: 'XFD is the last column of a sheet', column: LAST_COLUMN, letters: 'XFD' },
  ])('$name', ({ column, letters }) => {
    expect(columnLetters(column)).toBe(letters);
    expect(columnIndex(letters)).toBe(column);
    expect(columnIndex(letters.toLowerCase())).toBe(column);
  });

  it.each([
    { name: 'a negative column is a bug', column: -1 },
    { name: 'a fractional column is a bug', column: 1.5 },
  ])('$name', ({ column }) => {
    expect(() => columnLetters(column)).toThrow();
  });
});

describe('cell address ↔ row and column', () => {
  it.each([
    { name: 'A1 is the origin', row: 0, column: 0, address: 'A1', absolute: '$A$1' },
    { name: 'C5 is row 4, column 2', row: 4, column: 2, address: 'C5', absolute: '$C$5' },
    {
      name: 'the last cell of a sheet',
      row: LAST_ROW,
      column: LAST_COLUMN,
      address: 'XFD1048576',
      absolute: '$XFD$1048576',
    },
  ])('$name', ({ row, column, address, absolute }) => {
    expect(cellAddress(row, column)).toBe(address);
    expect(absoluteCellAddress(row, column)).toBe(absolute);
    expect(parseCellAddress(address)).toEqual({ row, column });
    expect(parseCellAddress(absolute)).toEqual({ row, column });
  });

  it.each([
    { name: 'lower case letters are read', text: 'c5', expected: { row: 4, column: 2 } },
    { name: 'a $ before the row only', text: 'C$5', expected: { row: 4, column: 2 } },
    { name: 'a $ before the column only', text: '$C5', expected: { row: 4, column: 2 } },
    { name: 'surrounding spaces are ignored', text: ' C5 ', expected: { row: 4, column: 2 } },
    {
      name: 'three letters past XFD still parse (no sheet limit)',
      text: 'ZZZ1',
      expected: { row: 0, column: 18277 },
    },
    { name: 'row 0 does not exist', text: 'A0', expected: undefined },
    { name: 'four letters are not a column', text: 'AAAA1', expected: undefined },
    { name: 'eight digits are not a row', text: 'A12345678', expected: undefined },
    { name: 'letters alone are not a cell', text: 'A', expected: undefined },
    { name: 'a range is not a cell', text: 'A1:B2', expected: undefined },
    { name: 'a sheet prefix is not part of a cell', text: 'Sheet1!A1', expected: undefined },
    { name: 'two $ in a row are not an address', text: '$$A1', expected: undefined },
    { name: 'the empty string', text: '', expected: undefined },
  ])('$name', ({ text, expected }) => {
    expect(parseCellAddress(text)).toEqual(expected);
  });
});

describe('range ↔ corners', () => {
  it.each([
    {
      name: 'a single cell is written as one address',
      range: { top: 2, left: 2, bottom: 2, right: 2 },
      text: 'C3',
    },
    {
      name: 'a block is written corner to corner',
      range: { top: 2, left: 2, bottom: 9, right: 3 },
      text: 'C3:D10',
    },
    { name: 'one row of cells', range: { top: 0, left: 0, bottom: 0, right: 4 }, text: 'A1:E1' },
  ])('$name', ({ range, text }) => {
    expect(rangeAddress(range)).toBe(text);
    expect(parseRangeAddress(text)).toEqual(range);
  });

  const cells = { wholeLines: false };
  const lines = { wholeLines: true };
  it.each([
    {
      name: 'corners in either order',
      text: 'B2:A1',
      options: cells,
      expected: { top: 0, left: 0, bottom: 1, right: 1 },
    },
    {
      name: 'crossed corners',
      text: 'A2:B1',
      options: cells,
      expected: { top: 0, left: 0, bottom: 1, right: 1 },
    },
    {
      name: 'absolute corners',
      text: '$A$1:$B$2',
      options: cells,
      expected: { top: 0, left: 0, bottom: 1, right: 1 },
    },
    { name: 'lower case', text: 'a1:b2', options: cells, expected: { top: 0, left: 0, bottom: 1, right: 1 } },
    {
      name: 'spaces around the whole text',
      text: ' A1:B2 ',
      options: cells,
      expected: { top: 0, left: 0, bottom: 1, right: 1 },
    },
    {
      name: 'the whole sheet as cells',
      text: 'A1:XFD1048576',
      options: cells,
      expected: { top: 0, left: 0, bottom: LAST_ROW, right: LAST_COLUMN },
    },
    { name: 'spaces inside are not an address', text: 'A1 :B2', options: cells, expected: undefined },
    { name: 'three parts are not a range', text: 'A1:B2:C3', options: cells, expected: undefined },
    { name: 'past column XFD', text: 'A1:XFE1', options: cells, expected: undefined },
    { name: 'past row 1,048,576', text: 'A1:A1048577', options: cells, expected: undefined },
    { name: 'row 0', text: 'A0:B2', options: cells, expected: undefined },
    { name: 'whole columns need wholeLines', text: 'A:C', options: cells, expected: undefined },
    {
      name: 'whole columns span every row',
      text: 'A:C',
      options: lines,
      expected: { top: 0, left: 0, bottom: LAST_ROW, right: 2 },
    },
    {
      name: 'one whole column',
      text: 'B',
      options: lines,
      expected: { top: 0, left: 1, bottom: LAST_ROW, right: 1 },
    },
    {
      name: 'whole columns, absolute and reversed',
      text: '$C:$A',
      options: lines,
      expected: { top: 0, left: 0, bottom: LAST_ROW, right: 2 },
    },
    {
      name: 'whole rows span every column',
      text: '3:5',
      options: lines,
      expected: { top: 2, left: 0, bottom: 4, right: LAST_COLUMN },
    },
    { name: 'whole rows need wholeLines', text: '3:5', options: cells, expected: undefined },
    { name: 'a column with a row is not a range', text: 'A:3', options: lines, expected: undefined },
    { name: 'a column with a cell is not a range', text: 'A:B2', options: lines, expected: undefined },
    { name: 'a whole column past XFD', text: 'XFE', options: lines, expected: undefined },
    { name: 'the empty string', text: '', options: lines, expected: undefined },
  ])('$name', ({ text, options, expected }) => {
    expect(parseRangeAddress(text, options)).toEqual(expected);
  });
});
