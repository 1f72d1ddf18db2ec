import { describe, expect, it } from 'vitest';
import { defaultContext } from './context';
import { checkPeriodDates } from './periodDates';
import { testEntry } from '../../../tests/helpers/testEntry';

describe('checkPeriodDates', () => {
  const run = (firstHalf: string, secondHalf: string) =>
    checkPeriodDates(testEntry({ firstHalf, secondHalf }), defaultContext('year-end')).map((f) => [
      f.place.field,
      f.message,
    ]);
  it('accepts dates inside their periods', () => {
    expect(run('・7/19研修 ・9/23訓練', '・町政懇談会(11/20、1/28) ・3/21')).toEqual([]);
  });
  it("warns about the seed's October training listed under 前期", () => {
    expect(run('・コンプライアンス研修(10/8.9)', '')).toEqual([
      [
        'firstHalf',
        '「前期 (4～9月)」に期間外の日付（10/8）があります。「後期 (10～3月)」の欄に書く内容でないか確認してください。',
      ],
    ]);
  });
  it('warns about a 前期 date under 後期', () => {
    expect(run('', '・5月28日 協議会')).toEqual([['secondHalf', expect.stringContaining('5月28日')]]);
  });
  it('names a date written twice once', () => {
    expect(run('・10月1日 説明会、10月1日 意見交換 ・10/14', '')).toEqual([
      ['firstHalf', expect.stringContaining('期間外の日付（10月1日、10/14）があります')],
    ]);
  });
  it('does not take a bare month for a date', () => {
    expect(run('10月以降に協議を行う。', '')).toEqual([]);
  });
});
