import { describe, expect, it } from 'vitest';
import { foldSpaces, normalizeCellText, normalizeKey } from './normalizeKey';

describe('normalizeKey', () => {
  it.each([
    ['目 標 (seed: space inside the label)', '目 標', '目標'],
    ['目　標 (full-width space)', '目\u3000標', '目標'],
    ['実践 課', '実践 課', '実践課'],
    ['NBSP', '評価\u00A0・検証', '評価・検証'],
    ['period with full-width digits and parens', '前期（４～９月）', '前期(4~9月)'],
    ['wave dash 〜 and ASCII ~ fold together', '後期 (10〜3月)', '後期(10~3月)'],
    ['ASCII tilde as printed in the seed', '後期 (10~3月)', '後期(10~3月)'],
    ['long vowel inside katakana stays', 'ボランティアセンター', 'ボランティアセンター'],
    ['minus after katakana becomes a long vowel', 'ボランティアセンタ−', 'ボランティアセンター'],
    ['hyphen-minus after katakana becomes a long vowel', 'センタ-', 'センター'],
    ['コンプライアンス is untouched', 'コンプライアンスの徹底', 'コンプライアンスの徹底'],
    ['long vowel used as a dash between digits', '4ー9月', '4-9月'],
    ['en dash between digits', '4–9', '4-9'],
    ['full-width latin is folded and lowercased', 'ＩＣＴ', 'ict'],
    ['half-width katakana', 'ｾﾝﾀｰ', 'センター'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeKey(input)).toBe(expected);
  });

  it('does not confuse 一部達成できた with 達成できた', () => {
    expect(normalizeKey('一部達成できた')).not.toBe(normalizeKey('達成できた'));
  });
});

describe('foldSpaces', () => {
  it('folds runs of any whitespace to one space and trims', () => {
    expect(foldSpaces('\u3000① 行政情報の\u00A0\u00A0公開  ')).toBe('① 行政情報の 公開');
  });
});

describe('normalizeCellText', () => {
  it('unifies line endings and trims trailing spaces per line', () => {
    expect(normalizeCellText(' a \r\nb\u3000\rc ')).toBe('a\nb\nc');
  });
});
