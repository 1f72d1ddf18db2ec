import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldSpaces, keyUnlessNoneOf, normalizeCellText, normalizeKey } from './normalizeKey';

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

describe('keyUnlessNoneOf', () => {
  const words = ['項目', 'キー', '必須の時期', '文字数の目安', '実践課', 'abc', '-x', '~y'];
  const firsts = new Set(words.map((w) => w.charAt(0)));
  const startsWithWord = (key: string) => words.some((w) => key.startsWith(w));
  /** The key it gives is the whole key, or a key that, as the whole key, starts with none of the words. */
  const agrees = (text: string) => {
    const key = keyUnlessNoneOf(text, firsts);
    if (key !== normalizeKey(text)) {
      expect([text, startsWithWord(normalizeKey(text))]).toEqual([text, false]);
      expect([text, startsWithWord(key)]).toEqual([text, false]);
    }
  };

  it.each([
    ['a header cell with a note', '項目（この欄には様式の項目名を書きます）'],
    ['a compatibility character that keys to a word', '㍿の項目'],
    ['half-width katakana that keys to a word', 'ｷｰ'],
    ['a combining mark after the first character', 'か\u3099の説明'],
    ['upper-case ASCII keyed to a word', 'ABC の説明'],
    ['a dash after katakana', 'キ−'],
  ])('%s', (_name, text) => agrees(text));

  it('keys a text by its first character only when no word can start it', () => {
    const answer = '限られた自主財源、政策的経費の中で、町民・地域からの要望に応える事業を実施する。';
    expect(keyUnlessNoneOf(answer, firsts)).toBe('限');
    expect(keyUnlessNoneOf('suishin:entry;v=1;code=I-1-1-2', firsts)).toBe('s');
    expect(keyUnlessNoneOf('項目（説明）', firsts)).toBe(normalizeKey('項目（説明）'));
    expect(keyUnlessNoneOf('Abc', firsts)).toBe('abc');
  });

  it('agrees with normalizeKey on texts of words, spaces, dashes, compatibility forms and cases', () => {
    const pieces = [
      ...words,
      ' ',
      '　',
      '\n',
      'ー',
      '−',
      '-',
      '～',
      '~',
      'ｷｰ',
      '㍿',
      '①',
      'Σ',
      'A',
      'B',
      '（',
      '長い説明',
      'ﾞ',
      '\u3099',
      'か',
      '・',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => agrees(parts.join(''))),
      { numRuns: 3000 },
    );
  });
});
