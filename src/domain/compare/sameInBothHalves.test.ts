import { describe, expect, it } from 'vitest';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { r2Sample } from '../sample/r2';
import { testEntry } from '../../../tests/helpers/testEntry';
import { checkSameInBothHalves, SAME_IN_BOTH_HALVES_CODE } from './sameInBothHalves';

const ctx = { form: STANDARD_FORM };
const run = (firstHalf: string, secondHalf: string) =>
  checkSameInBothHalves(testEntry({ firstHalf, secondHalf }), ctx).map((f) => [f.place.field, f.message]);

/** A long sentence both halves may share while reporting different things. */
const SHARED =
  '新型コロナウイルス感染症の感染拡大防止のため、住民会の役員と協議しながら、規模を縮小して開催した。';

describe('checkSameInBothHalves', () => {
  it("finds the seed's three sheets whose 前期 and 後期 are the same text, and no other", () => {
    const found = r2Sample().entries.flatMap((e) => checkSameInBothHalves(e, ctx));
    expect(
      found.map((f) => [f.code, f.severity, f.place.code, f.place.department, f.place.seq, f.place.field]),
    ).toEqual([
      [SAME_IN_BOTH_HALVES_CODE, 'warning', 'I-1-1-1', '総務課', 1, 'secondHalf'],
      [SAME_IN_BOTH_HALVES_CODE, 'warning', 'II-1-3-1', '保健福祉課', 2, 'secondHalf'],
      [SAME_IN_BOTH_HALVES_CODE, 'warning', 'II-1-3-2', '保健福祉課', 1, 'secondHalf'],
    ]);
  });

  it('says which fields are the same and what to write instead', () =>
    expect(run('国の基準の改正は無。', '国の基準の改正は無。')).toEqual([
      [
        'secondHalf',
        '「前期 (4～9月)」と「後期 (10～3月)」が同じ文です。「後期 (10～3月)」には、その期間に行ったことを書いてください（「前期 (4～9月)」から続けている取組なら、その後の様子を書いてください）。',
      ],
    ]));

  it('fires on the same text written with other spacing and punctuation', () =>
    expect(run('・情報の随時更新\n・担当職員の育成', '・情報の随時更新 ・担当職員の育成。')).toHaveLength(1));

  it('fires on a near copy: one word changed in a long text', () =>
    expect(
      run(`${SHARED}参加者にはアンケートを実施した。`, `${SHARED}参加者にはアンケートを実施する。`),
    ).toEqual([['secondHalf', expect.stringContaining('がほぼ同じ文です。')]]));

  it('is silent on different text sharing a long sentence', () =>
    expect(
      run(
        `${SHARED}・7/19防災士スキルアップ研修\n・9/23職員向け避難所開設訓練`,
        `${SHARED}・11/20町政懇談会\n・出前講座3/21 1回（合計年3回/42人）`,
      ),
    ).toEqual([]));

  it('is silent on a recurring activity reported with each half’s dates', () =>
    expect(run('・定例会議を開催（5/10、6/14、7/12）', '・定例会議を開催（10/11、11/8、12/13）')).toEqual(
      [],
    ));

  it.each([
    ['both empty', '', ''],
    ['one empty', '国の基準の改正は無。', ''],
    ['a stock answer', '特になし', '特になし'],
  ])('is silent on %s', (_, a, b) => expect(run(a, b)).toEqual([]));

  it('compares any 見出し group of a form, and only 文章 fields', () => {
    const text = (key: string, heading?: string) => ({
      key,
      label: key,
      aliases: [],
      kind: 'text' as const,
      inYearBand: true,
      requiredFrom: 'optional' as const,
      guidance: '',
      ...(heading && { heading }),
    });
    const form: FormDefinition = {
      id: 'quarters',
      version: 1,
      title: '四半期',
      fields: [text('q1', '実績'), text('q2', '実績'), text('q3', '実績'), text('note'), text('memo')],
    };
    const entry = testEntry();
    const copied = '・防災訓練を実施した（3住民会）';
    const found = checkSameInBothHalves(
      { ...entry, fields: { q1: copied, q2: '・備蓄品を点検した', q3: copied, note: copied, memo: copied } },
      { form },
    );
    expect(found.map((f) => [f.place.field, f.message.slice(0, 12)])).toEqual([
      ['q3', '「q1」と「q3」が同じ'],
    ]);
  });
});
