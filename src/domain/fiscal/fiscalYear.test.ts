import { describe, expect, it } from 'vitest';
import { datesInText } from './datesInText';
import { fiscalYearOf, formatFiscalYear, parseFiscalYear, periodOfMonth, periodRange } from './fiscalYear';

describe('fiscal year', () => {
  it.each([
    ['令和2年度', 2020],
    ['令和２年度', 2020],
    ['令和元年度', 2019],
    ['R2', 2020],
    ['r3年度', 2021],
    ['2020年度', 2020],
    ['平成31年度', 2019],
    ['令和 6 年度', 2024],
  ])('parses %s', (text, year) => expect(parseFiscalYear(text)).toBe(year));

  it.each(['', '令和', '来年度', 'R0'])('rejects %j', (text) =>
    expect(parseFiscalYear(text)).toBeUndefined(),
  );

  it.each([
    [2020, '令和2年度'],
    [2019, '令和元年度'],
    [2025, '令和7年度'],
    [2018, '平成30年度'],
  ])('formats %d as %s', (y, s) => expect(formatFiscalYear(y)).toBe(s));

  it('maps months to 前期 (4～9月) and 後期 (10～3月)', () => {
    expect([4, 9].map(periodOfMonth)).toEqual(['firstHalf', 'firstHalf']);
    expect([10, 12, 1, 3].map(periodOfMonth)).toEqual([
      'secondHalf',
      'secondHalf',
      'secondHalf',
      'secondHalf',
    ]);
  });

  it('gives the calendar range of each period', () => {
    expect(periodRange(2020, 'firstHalf')).toEqual({ from: '2020-04-01', to: '2020-09-30' });
    expect(periodRange(2020, 'secondHalf')).toEqual({ from: '2020-10-01', to: '2021-03-31' });
  });

  it('knows which fiscal year a date falls in', () => {
    expect(fiscalYearOf(2021, 3)).toBe(2020);
    expect(fiscalYearOf(2021, 4)).toBe(2021);
  });
});

describe('datesInText', () => {
  it.each([
    ['the seed: an October training listed under 前期', '・コンプライアンス研修(10/8.9)', [[10, 8]]],
    [
      'several dates',
      '住民会長との町政懇談会(11/20、1/28)',
      [
        [11, 20],
        [1, 28],
      ],
    ],
    [
      'a range',
      '観光シーズン(7/11～9/27)の早朝特別便',
      [
        [7, 11],
        [9, 27],
      ],
    ],
    ['kanji dates', '10月27日、役員会に出席', [[10, 27]]],
    ['full-width digits', '研修（１０／８）', [[10, 8]]],
    ['a bare month is not a date', '10月以降に協議を行う', []],
    ['a fraction is not a date', '有料化対策経費の1/2相当額の負担', []],
    ['a ratio after a counter is not a date', '（合計年3回/42人）', []],
    ['an impossible date', '13/40', []],
  ])('%s', (_name, text, expected) => {
    expect(datesInText(text).map((d) => [d.month, d.day])).toEqual(expected);
  });
});
