import { describe, expect, it } from 'vitest';
import { formatStamp } from './formatStamp';

describe('formatStamp', () => {
  it.each([
    [
      'a stamp with an offset reads as 和暦 date and the clock time it was taken at',
      '2026-12-02T11:49:03+09:00',
      '令和8年12月2日 11:49',
    ],
    ['a UTC stamp keeps its own clock time', '2026-12-02T03:35:08+00:00', '令和8年12月2日 3:35'],
    ['the first year of an era is 元年', '2019-05-01T09:00:00+09:00', '令和元年5月1日 9:00'],
    ['the day before 令和 is 平成', '2019-04-30T23:59:59+09:00', '平成31年4月30日 23:59'],
    [
      'months and days have no leading zero, minutes keep theirs',
      '2021-03-09T08:05:00+09:00',
      '令和3年3月9日 8:05',
    ],
    ['text that is not a stamp is kept', '不明', '不明'],
  ])('%s', (_name, stamp, expected) => {
    expect(formatStamp(stamp)).toBe(expected);
  });
});
