import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import {
  displayWidth,
  estimateRowHeight,
  LINE_HEIGHT_FACTOR,
  MAX_ROW_HEIGHT,
  wrappedLineCount,
} from './rowHeight';

/** A greedy wrap at `width` half-width units: the lines a cell really shows (at least). */
function simulatedLines(text: string, width: number): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const ch of line) {
      const w = displayWidth(ch);
      if (used + w > width) {
        count++;
        used = 0;
      }
      used += w;
    }
    lines += count;
  }
  return lines;
}

describe('displayWidth', () => {
  it.each([
    ['ASCII counts 1', 'abc 123', 7],
    ['kanji and kana count 2', '目指す姿', 8],
    ['full-width forms count 2', '（１）', 6],
    ['half-width katakana counts 1', 'ｾﾝﾀｰ', 4],
    ['ambiguous marks (○ ×) count 2, as Japanese fonts draw them', '○×', 4],
    ['the seed period label', '前期 (4～9月)', 13],
    ['empty', '', 0],
  ])('%s', (_name, text, width) => expect(displayWidth(text)).toBe(width));
});

describe('wrappedLineCount', () => {
  it.each([
    ['empty text takes one line', '', 70, 1],
    ['short text takes one line', '達成できた', 70, 1],
    ['each newline starts a line', '・a\n・b\n・c', 70, 3],
    ['an empty line still counts', 'a\n\nb', 70, 3],
    ['CRLF is one break', 'a\r\nb', 70, 2],
    ['40 kanji in 20 characters wrap to at least 4 lines', 'あ'.repeat(40), 20, 5],
  ])('%s', (_name, text, width, lines) => expect(wrappedLineCount(text, width, 11)).toBe(lines));

  it('a smaller font fits more per line', () => {
    const text = 'あ'.repeat(200);
    expect(wrappedLineCount(text, 54, 9)).toBeLessThan(wrappedLineCount(text, 54, 11));
  });
});

describe('estimateRowHeight', () => {
  it.each([
    ['an empty input keeps the minimum', '', 45, 45],
    ['one line is below the minimum', '達成できた', 24, 24],
    ['three lines: 3 × 10.5 × 1.7 + 4 = 57.55, up to the 0.75pt grid', 'あ\nい\nう', 0, 57.75],
  ])('%s', (_name, text, min, height) =>
    expect(estimateRowHeight(text, { widthChars: 70, fontSize: 10.5, min })).toBe(height),
  );

  it('never exceeds Excel’s 409pt, nor a given max', () => {
    const long = 'あ'.repeat(5000);
    expect(estimateRowHeight(long, { widthChars: 54, fontSize: 10.5 })).toBe(MAX_ROW_HEIGHT);
    expect(estimateRowHeight(long, { widthChars: 54, fontSize: 10.5, max: 600 })).toBe(MAX_ROW_HEIGHT);
    expect(estimateRowHeight(long, { widthChars: 54, fontSize: 10.5, max: 100 })).toBe(100);
  });

  const sample = r2Sample();
  const cells = sample.entries.flatMap((e) =>
    Object.entries(e.fields).map(([field, text]) => ({
      name: `${e.code} ${e.department} ${e.seq} ${field}`,
      text,
    })),
  );
  const longest = [...cells].sort((a, b) => displayWidth(b.text) - displayWidth(a.text)).slice(0, 5);

  it.each(longest.map((c) => [c.name, c.text] as const))(
    'the seed’s long cell %s gets every line it wraps to',
    (_name, text) => {
      for (const width of [70, 54]) {
        const lines = simulatedLines(text, width);
        expect(wrappedLineCount(text, width, 10.5)).toBeGreaterThanOrEqual(lines);
        expect(estimateRowHeight(text, { widthChars: width, fontSize: 10.5 })).toBeGreaterThanOrEqual(
          lines * 10.5 * LINE_HEIGHT_FACTOR,
        );
      }
    },
  );

  it('the longest seed cell (II-1-3-1 建設水道課 評価・検証) needs several lines and well over the minimum', () => {
    const text =
      sample.entries.find((e) => e.code === 'II-1-3-1' && e.department === '建設水道課')?.fields.evaluation ??
      '';
    expect(displayWidth(text)).toBeGreaterThan(400);
    expect(wrappedLineCount(text, 70, 10.5)).toBeGreaterThanOrEqual(7);
    expect(estimateRowHeight(text, { widthChars: 70, fontSize: 10.5, min: 45 })).toBeGreaterThan(120);
  });

  it('every seed cell fits below 409pt in the form’s narrowest input', () => {
    for (const c of cells)
      expect(estimateRowHeight(c.text, { widthChars: 54, fontSize: 10.5 }), c.name).toBeLessThan(
        MAX_ROW_HEIGHT,
      );
  });
});
