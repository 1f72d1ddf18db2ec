import { describe, expect, it } from 'vitest';
import {
  compareProfiles,
  compareTexts,
  copiedBeyondDates,
  datesMaskedForCompare,
  maskedForCompare,
  NEAR_SIMILARITY,
  normalizeForCompare,
  textProfile,
  trigramSimilarity,
} from './textSimilarity';

describe('normalizeForCompare', () => {
  it.each([
    ['full-width digits and letters', '令和２年度　ＡＢＣ研修', '令和2年度abc研修'],
    ['half-width katakana and its middle dot', 'ｺﾝﾌﾟﾗｲｱﾝｽ･研修', 'コンプライアンス・研修'],
    ['bullet-like dots', '• 防災・減災 · 訓練', '・防災・減災・訓練'],
    [
      'line breaks, spaces and 句読点',
      '・研修を実施した。\r\n・訓練、 点検を行った．',
      '・研修を実施した・訓練点検を行った',
    ],
    ['a decimal point and a thousands comma stay', '収納率は99.5%、1,000件。', '収納率は99.5%1,000件'],
    ['bracket and quote variants', '【重点】〔研修〕『計画』', '(重点)(研修)「計画」'],
    ['dash and wave variants', '4－9月 7〜9月', '4-9月7~9月'],
  ])('folds %s', (_, text, normalized) => expect(normalizeForCompare(text)).toBe(normalized));

  it('keeps the long-vowel mark of katakana words', () =>
    expect(normalizeForCompare('センター')).toBe('センター'));
});

describe('maskedForCompare', () => {
  it.each([
    ['7/16', '・研修会 7/16 開催', '・研修会〓開催'],
    ['7月16日', '・研修会 7月16日 開催', '・研修会〓開催'],
    ['R2', 'R2の計画', '〓の計画'],
    ['令和2年度', '令和２年度の計画', '〓の計画'],
    ['令和元年度', '令和元年度の計画', '〓の計画'],
    ['2020年', '2020年に策定', '〓に策定'],
    ['a date list', '町政懇談会(11/20、1/28)', '町政懇談会(〓)'],
    ['a count', '参加者30名', '参加者〓名'],
  ])('masks %s', (_, text, masked) => expect(maskedForCompare(text)).toBe(masked));

  it('does not take letters inside a word for an era', () =>
    expect(maskedForCompare('HR2担当')).toBe('hr〓担当'));

  it('masks only years and dates in the dates variant', () =>
    expect(datesMaskedForCompare('令和2年度 7/16 参加者30名')).toBe('〓参加者30名'));
});

describe('trigramSimilarity (Dice over trigram multisets of the normalized text)', () => {
  it('is 1 for texts equal after normalization', () =>
    expect(trigramSimilarity('防災訓練を実施した。', '防災訓練を 実施した')).toBe(1));

  it('is 0 for texts sharing no trigram', () => expect(trigramSimilarity('防災訓練', '財政計画')).toBe(0));

  it('is the Dice coefficient: 2 shared of 2 + 3 trigrams', () =>
    // abcd → abc, bcd; abcde → abc, bcd, cde.
    expect(trigramSimilarity('abcd', 'abcde')).toBeCloseTo((2 * 2) / (2 + 3), 10));

  it('counts repeats: a text twice is not the text once', () =>
    expect(trigramSimilarity('防災訓練防災訓練', '防災訓練')).toBeLessThan(0.7));

  it.each([
    ['equal short texts', '無', '無', 1],
    ['different short texts', '無', '有', 0],
    ['a short text inside a longer one', 'ab', 'abc', 0],
    ['an empty text', '', '', 0],
    ['an empty and a filled text', '', '防災', 0],
  ])('defines texts shorter than 3 characters: %s', (_, a, b, similarity) =>
    expect(trigramSimilarity(a, b)).toBe(similarity),
  );
});

const LONG =
  '防災備蓄品については計画どおりの整備を行った。自主防災組織の結成に向けて、各住民会への説明を行い、' +
  '新たに2つの住民会で組織が結成された。今後も未結成の住民会に対して、引き続き働きかけを行う。';

describe('compareTexts', () => {
  it('is the same text after normalization', () =>
    expect(compareTexts(LONG, LONG.replaceAll('。', '。\n'))).toEqual({ kind: 'same' }));

  it('never calls empty texts the same', () => {
    expect(compareTexts('', '')).toEqual({ kind: 'different' });
    expect(compareTexts(' \n　', '。')).toEqual({ kind: 'different' });
  });

  it('is near when one word of a long text was edited', () => {
    const c = compareTexts(LONG, LONG.replace('働きかけを行う', '働きかけていく'));
    expect(c).toMatchObject({ kind: 'near', onlyDatesChanged: false });
    expect(c.kind === 'near' && c.similarity).toBeGreaterThanOrEqual(NEAR_SIMILARITY);
  });

  it('is near with only dates changed, whatever the similarity', () => {
    const c = compareTexts('・防災訓練(令和2年9月1日)', '・防災訓練(令和3年8月30日)');
    expect(c).toMatchObject({ kind: 'near', onlyDatesChanged: true, onlyYearsAndDates: true });
    expect(c.kind === 'near' && c.similarity).toBeLessThan(NEAR_SIMILARITY);
  });

  it('tells a changed count from a changed date', () =>
    expect(compareTexts('・防災訓練 参加者30名', '・防災訓練 参加者45名')).toMatchObject({
      kind: 'near',
      onlyDatesChanged: true,
      onlyYearsAndDates: false,
    }));

  it('is different when only the dates are left once masked', () =>
    expect(compareTexts('7/16', '8/20')).toEqual({ kind: 'different' }));

  it('is different for texts sharing a long sentence but saying different things', () =>
    expect(
      compareTexts(
        `${LONG}前期は避難所運営訓練を実施した。`,
        `${LONG}後期は冬季の停電を想定し、福祉避難所の開設手順を確認するとともに、備蓄品の点検を行った。`,
      ),
    ).toEqual({ kind: 'different' }));

  it('is different for texts of very different length (without counting trigrams)', () =>
    expect(compareTexts(LONG, LONG.slice(0, 20))).toEqual({ kind: 'different' }));

  it('gives the same answer from prepared profiles', () => {
    const a = textProfile(LONG);
    const b = textProfile(LONG.replace('2つ', '3つ'));
    expect(compareProfiles(a, b)).toEqual(compareTexts(LONG, LONG.replace('2つ', '3つ')));
  });

  it('compares 400 texts of ~500 characters pairwise from prepared profiles', () => {
    // Each text is prepared once, every pair compared (79,800 pairs, all on the slow path: masked equal, so
    // the similarity is counted). 1,000 such texts (499,500 pairs) took 3.4 s on the 2-core dev machine.
    const texts = Array.from({ length: 400 }, (_, i) => `${i}番:${LONG}${LONG}${LONG}`.slice(0, 500));
    const profiles = texts.map(textProfile);
    let near = 0;
    for (let i = 0; i < profiles.length; i++)
      for (let j = i + 1; j < profiles.length; j++)
        if (compareProfiles(profiles[i]!, profiles[j]!).kind === 'near') near += 1;
    // Every pair differs only in its number (masked equal): all near, none same.
    expect(near).toBe((400 * 399) / 2);
  });
});

describe('copiedBeyondDates (compareProfiles for a rule that ignores changed dates)', () => {
  const both = (a: string, b: string) => [textProfile(a), textProfile(b)] as const;
  it.each([
    ['the same text', '・研修会を開催した。', '・研修会を開催した'],
    [
      'a near copy',
      '・防災訓練を実施し、地域の自主防災組織と連携した。',
      '・防災訓練を実施し、地域の自主防災組織と連携した',
    ],
    [
      'a near copy with one word changed',
      '町内会の防災訓練を実施し、地域の自主防災組織と連携を深めた。避難所の運営手順も全員で確認した。',
      '町内会の防災訓練を実施し、地域の自主防災組織と連携を深めた。避難所の運営手順も全員で確かめた。',
    ],
  ])('gives what compareProfiles gives for %s', (_, a, b) => {
    const [p, q] = both(a, b);
    const c = compareProfiles(p, q);
    expect(c.kind === 'same' || (c.kind === 'near' && !c.onlyDatesChanged)).toBe(true);
    expect(copiedBeyondDates(...both(a, b))).toEqual(c);
  });

  it.each([
    ['only the dates changed', '・定例会議を開催 5/10、6/14', '・定例会議を開催 10/11、11/8'],
    ['different texts', '・研修会を開催した。', '・道路の補修を行った。'],
    ['an empty text', '', ''],
  ])('gives nothing for %s (compareProfiles: different, or near only in dates)', (_, a, b) => {
    const c = compareProfiles(...both(a, b));
    expect(c.kind === 'different' || (c.kind === 'near' && c.onlyDatesChanged)).toBe(true);
    expect(copiedBeyondDates(...both(a, b))).toBeUndefined();
  });
});
