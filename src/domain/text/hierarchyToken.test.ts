import { describe, expect, it } from 'vitest';
import { formatToken, parseLeadingToken, romanToNumber, stripTokens, type TokenKind } from './hierarchyToken';

describe('parseLeadingToken', () => {
  it.each<[string, string, TokenKind, number, string]>([
    ['ASCII roman', 'I 協働によるまちづくり', 'roman', 1, '協働によるまちづくり'],
    ['ASCII II', 'II 効果的な行財政運営', 'roman', 2, '効果的な行財政運営'],
    ['Unicode Ⅱ as printed in the seed', 'Ⅱ 効果的な行財政運営', 'roman', 2, '効果的な行財政運営'],
    ['full-width Ｉ', 'Ｉ　協働', 'roman', 1, '協働'],
    ['Roman with a dot', 'II. 効果的', 'roman', 2, '効果的'],
    ['promotion number', '1 積極的な情報共有', 'number', 1, '積極的な情報共有'],
    ['full-width promotion number', '２　協力体制の強化', 'number', 2, '協力体制の強化'],
    ['circled group', '①行政情報の公開と共有', 'circled', 1, '行政情報の公開と共有'],
    ['circled ⑤ with space', '⑤ 民間資源の活用', 'circled', 5, '民間資源の活用'],
    ['paren item', '(1)効果的な情報発信手法の研究実施', 'paren', 1, '効果的な情報発信手法の研究実施'],
    [
      'full-width paren item',
      '（２）　健全財政維持のための手法の検討',
      'paren',
      2,
      '健全財政維持のための手法の検討',
    ],
    ['parenthesized digit ⑴', '⑴ 自治会組織の活動支援と連携', 'paren', 1, '自治会組織の活動支援と連携'],
  ])('%s', (_name, label, kind, value, rest) => {
    expect(parseLeadingToken(label)).toMatchObject({ kind, value, rest });
  });

  it.each([
    ['a word starting with I is not a Roman numeral', 'ICTの利活用'],
    ['a date is not a promotion number', '10/8 研修'],
    ['a month is not a promotion number', '4月 書面開催'],
    ['plain words', '協働によるまちづくり'],
    ['(ICT) is not an item token', '(ICT) を活用'],
  ])('%s', (_name, label) => {
    expect(parseLeadingToken(label)).toBeUndefined();
  });

  it('restricts to the kinds asked for', () => {
    expect(parseLeadingToken('① 行政', ['paren'])).toBeUndefined();
  });
});

describe('romanToNumber', () => {
  it.each([
    ['I', 1],
    ['II', 2],
    ['III', 3],
    ['IV', 4],
    ['IX', 9],
    ['XII', 12],
    ['Ⅲ', 3],
    ['Ⅻ', 12],
  ])('%s → %d', (roman, n) => expect(romanToNumber(roman)).toBe(n));
  it('rejects non-canonical numerals', () => expect(romanToNumber('IIII')).toBeUndefined());
});

describe('formatToken', () => {
  it.each<[TokenKind, number, string]>([
    ['roman', 2, 'II'],
    ['number', 3, '3'],
    ['circled', 4, '④'],
    ['circled', 21, '㉑'],
    ['paren', 2, '(2)'],
  ])('%s %d → %s', (kind, value, printed) => {
    expect(formatToken(kind, value)).toBe(printed);
    expect(parseLeadingToken(`${printed} x`)).toMatchObject({ kind, value });
  });
});

describe('stripTokens', () => {
  it('removes circled and parenthesized numbers but keeps (ICT)', () => {
    expect(stripTokens('④ 情報通信技術 (ICT) の利活用 ② 情報サービス').replace(/\s+/g, ' ').trim()).toBe(
      '情報通信技術 (ICT) の利活用 情報サービス',
    );
  });
});
