import { describe, expect, it } from 'vitest';
import { buildTableSheet, HEADER_ROW } from './buildTableSheet';
import { estimateRowHeight } from './rowHeight';
import { FONT_SIZE } from './templateStyles';

const sheet = (columns: { header: string; width: number }[]) =>
  buildTableSheet({ name: 't', title: 'T', columns, rows: [['a', 'b']] });

describe('buildTableSheet header row', () => {
  it('keeps one line when every header fits its column', () => {
    const oneLine = estimateRowHeight('結果', { widthChars: 18, fontSize: FONT_SIZE });
    expect(sheet([{ header: '結果', width: 18 }, { header: '番号', width: 6 }]).rowHeights[HEADER_ROW]).toBe(oneLine);
  });

  it('grows to the tallest wrapped header, so a narrow column does not print it over the title', () => {
    const spec = sheet([{ header: '取組項目コード', width: 10 }, { header: '番号', width: 6 }]);
    const twoLines = estimateRowHeight('取組項目コード', { widthChars: 10, fontSize: FONT_SIZE });
    expect(twoLines).toBeGreaterThan(estimateRowHeight('番号', { widthChars: 10, fontSize: FONT_SIZE }));
    expect(spec.rowHeights[HEADER_ROW]).toBe(twoLines);
  });
});
