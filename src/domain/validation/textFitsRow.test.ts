import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { r2Sample } from '../sample/r2';
import { ENTRY_COLUMN_WIDTHS } from '../template/buildEntrySheet';
import { estimateRowHeight, linesHeight, MAX_ROW_HEIGHT, wrappedLineCount } from '../template/rowHeight';
import { FONT_SIZE } from '../template/templateStyles';
import { defaultContext } from './context';
import { charactersThatFit, checkTextFitsRow, fitsOneRow, TEXT_CUT_CODE } from './textFitsRow';
import { testEntry } from '../../../tests/helpers/testEntry';
import { validateEntries } from './validateEntries';

const ctx = defaultContext('year-end');
const D = ENTRY_COLUMN_WIDTHS[3] ?? 0;
const lines = (n: number, line = 'あ'.repeat(20)): string => Array.from({ length: n }, () => line).join('\n');
const cutFields = (fields: Parameters<typeof testEntry>[0]) =>
  checkTextFitsRow(testEntry(fields), ctx).map((f) => [f.code, f.severity, f.place.field]);

describe('checkTextFitsRow', () => {
  it.each([
    [
      'a 1,000-character field is cut',
      { firstHalf: 'あ'.repeat(1000) },
      [[TEXT_CUT_CODE, 'warning', 'firstHalf']],
    ],
    ['600 full-width characters fit', { evaluation: 'あ'.repeat(600) }, []],
    ['22 short lines fit', { actions: lines(22) }, []],
    [
      '23 short lines are cut: line breaks count',
      { actions: lines(23) },
      [[TEXT_CUT_CODE, 'warning', 'actions']],
    ],
    [
      'each field is checked on its own',
      { vision: 'あ'.repeat(700), secondHalf: lines(30, '・a') },
      [
        [TEXT_CUT_CODE, 'warning', 'vision'],
        [TEXT_CUT_CODE, 'warning', 'secondHalf'],
      ],
    ],
    ['a choice field is never checked', { achievement: 'あ'.repeat(2000) }, []],
  ])('%s', (_name, fields, expected) => expect(cutFields(fields)).toEqual(expected));

  it('says in the cell about how many characters Excel can show, and that the rest is cut on screen and on paper', () => {
    const [found] = checkTextFitsRow(testEntry({ firstHalf: 'あ'.repeat(1000) }), ctx);
    expect(found?.message).toContain(`約${charactersThatFit(D)}文字`);
    expect(found?.message).toMatch(/画面でも印刷でも切れて/);
    expect(found?.message).toMatch(/短くするか、箇条書き/);
  });

  it.each([
    ['fits', 'あ'.repeat(charactersThatFit(D)), true],
    ['does not fit', 'あ'.repeat(charactersThatFit(D) + 40), false],
  ])('the stated number is what the row-height estimate %s in a 409pt row', (_name, text, fits) => {
    expect(fitsOneRow(text, D)).toBe(fits);
    // the same arithmetic the sheet's row heights use: what fits needs at most 409pt there
    if (fits)
      expect(
        estimateRowHeight(text, { widthChars: D, fontSize: FONT_SIZE, max: Infinity }),
      ).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });

  it('no R2 sample entry is cut', () => {
    const { entries } = r2Sample();
    expect(entries.flatMap((e) => checkTextFitsRow(e, ctx))).toEqual([]);
  });
});

describe('validateEntries with text that does not fit', () => {
  it.each([
    [
      'a cut field gets the cut warning, not also the softer 目安 one',
      { vision: 'あ'.repeat(1000) },
      [[TEXT_CUT_CODE, 'vision']],
    ],
    [
      'text over the 目安 that fits keeps the 目安 warning',
      { goal: 'a'.repeat(700) },
      [['entry.too-long', 'goal']],
    ],
  ])('%s', (_name, fields, expected) =>
    expect(validateEntries([testEntry(fields)], ctx).map((f) => [f.code, f.place.field])).toEqual(expected),
  );
});

describe('fitsOneRow', () => {
  it('says what measuring the text says, with or without its bound', () => {
    const exact = (text: string, width: number) =>
      linesHeight(wrappedLineCount(text, width, FONT_SIZE), FONT_SIZE) <= MAX_ROW_HEIGHT;
    const pieces = [
      'あ',
      'a',
      '\n',
      '\r\n',
      '\r',
      '漢字の文章',
      'ｱ',
      '𠮷',
      ' ',
      'x'.repeat(40),
      'あ'.repeat(60),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 80 }),
        fc.integer({ min: 4, max: 80 }),
        (parts, width) => {
          const text = parts.join('');
          expect(fitsOneRow(text, width)).toBe(exact(text, width));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
