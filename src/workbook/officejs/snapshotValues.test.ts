import { describe, expect, it } from 'vitest';
import { splitHeaderFooter } from './headerFooter';
import { areaCells, isDateFormat, parseAreas, serialToIso, snapshotValue } from './snapshotValues';
import { columnWidthPoints } from './units';

describe('reading values as the ExcelJS adapter does', () => {
  it.each([
    ['yyyy/m/d', true],
    ['[$-ja-JP]ggge"年"m"月"d"日"', true],
    ['h:mm', true],
    ['[h]:mm:ss', true],
    ['General', false],
    ['@', false],
    ['0.0%', false],
    ['0.00E+00', false],
    ['"件数"0', false],
  ])('%s is a date format: %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  it('turns date serials into ISO text, with a time only when there is one', () => {
    expect(serialToIso(43922)).toBe('2020-04-01');
    expect(serialToIso(43922.396)).toBe('2020-04-01T09:30:14');
    expect(snapshotValue(43922, 'yyyy/m/d')).toBe('2020-04-01');
    expect(snapshotValue(43922, 'General')).toBe(43922);
  });

  it('reads empty text as null, \\r\\n as \\n, and keeps errors as their text', () => {
    expect([
      snapshotValue('', 'General'),
      snapshotValue('a\r\nb', '@'),
      snapshotValue('#REF!', 'General'),
      snapshotValue(false, 'General'),
    ]).toEqual([null, 'a\nb', '#REF!', false]);
  });

  it('parses RangeAreas addresses, quoted or not, even when the sheet name has a comma', () => {
    expect(parseAreas("'I-1-1-1 総務課'!A9:D9, 'I-1-1-1 総務課'!$F$1", 'I-1-1-1 総務課')).toEqual([
      { top: 8, left: 0, bottom: 8, right: 3 },
      { top: 0, left: 5, bottom: 0, right: 5 },
    ]);
    expect(parseAreas('目次!E4:E5, 目次!G4', '目次')).toHaveLength(2);
    expect(parseAreas("'a,b'!A1:B1", 'a,b')).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(areaCells(parseAreas('S!B2:C3', 'S'))).toEqual(['B2', 'C2', 'B3', 'C3']);
  });
});

describe('units and headers', () => {
  it('converts file column widths to points as Excel shows them (7 px digit)', () => {
    expect([
      columnWidthPoints(10),
      columnWidthPoints(9.140625),
      columnWidthPoints(54),
      columnWidthPoints(0),
    ]).toEqual([52.5, 48, 283.5, 0]);
  });

  it.each([
    ['&L左&R右', { left: '左', center: '', right: '右' }],
    ['&C&P / &N', { left: '', center: '&P / &N', right: '' }],
    ['&LA&&L社&R令和2年度', { left: 'A&&L社', center: '', right: '令和2年度' }],
    ['中央だけ', { left: '', center: '中央だけ', right: '' }],
  ])('splits %s into sections', (text, sections) => {
    expect(splitHeaderFooter(text)).toEqual(sections);
  });
});
