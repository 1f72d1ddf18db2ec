import { describe, expect, it } from 'vitest';
import { buildTableSheet, HEADER_ROW } from './buildTableSheet';
import { estimateRowHeight } from './rowHeight';
import { FONT_SIZE } from './templateStyles';

const sheet = (columns: { header: string; width: number }[]) =>
  buildTableSheet({ name: 't', title: 'T', columns, rows: [['a', 'b']] });

describe('buildTableSheet print setup', () => {
  const columns = [
    { header: 'コード', width: 10 },
    { header: '内容', width: 40 },
    { header: '出典', width: 20 },
  ];
  const rows = [['I-1-1-1', '本文', 'a.xlsx']];
  it.each([
    [
      'by default: every column, one page wide',
      {},
      { fitToWidth: 1, area: { right: 2 } },
      ['titleColumns', 'pageOrder'],
    ],
    [
      'a wide table: 100 %, its key column on every page, screen-only columns left off paper',
      { pagesWide: 0, repeatColumns: 1, printColumns: 2 },
      { fitToWidth: 0, area: { right: 1 }, titleColumns: { from: 0, to: 0 }, pageOrder: 'overThenDown' },
      [],
    ],
  ] as const)('%s', (_name, options, expected, absent) => {
    const print = buildTableSheet({ name: 't', title: 'T', columns, rows, ...options }).print;
    expect(print).toMatchObject({ ...expected, titleRows: { from: HEADER_ROW, to: HEADER_ROW } });
    for (const key of absent) expect(print).not.toHaveProperty(key);
  });
});

describe('buildTableSheet title on paper', () => {
  const columns = [10, 30].map((width, i) => ({ header: `列${i}`, width }));
  const subtitle = '令和2年度　集約日時: 令和8年12月2日 11:49';
  it.each([
    ['one page wide: above the table, the title also left in the page header', 1, 0, '&LT&&C'],
    [
      'several pages wide: title and subtitle in every page header, the table printed from its header row',
      0,
      HEADER_ROW,
      `&LT&&C&R${subtitle}`,
    ],
  ] as const)('%s', (_name, pagesWide, top, header) => {
    const spec = buildTableSheet({ name: 't', title: 'T&C', subtitle, columns, rows: [], pagesWide });
    expect(spec.print).toMatchObject({ area: { top }, header });
  });
});

describe('buildTableSheet header row', () => {
  it('keeps one line when every header fits its column', () => {
    const oneLine = estimateRowHeight('結果', { widthChars: 18, fontSize: FONT_SIZE });
    expect(
      sheet([
        { header: '結果', width: 18 },
        { header: '番号', width: 6 },
      ]).rowHeights[HEADER_ROW],
    ).toBe(oneLine);
  });

  it('grows to the tallest wrapped header, so a narrow column does not print it over the title', () => {
    const spec = sheet([
      { header: '取組項目コード', width: 10 },
      { header: '番号', width: 6 },
    ]);
    const twoLines = estimateRowHeight('取組項目コード', { widthChars: 10, fontSize: FONT_SIZE });
    expect(twoLines).toBeGreaterThan(estimateRowHeight('番号', { widthChars: 10, fontSize: FONT_SIZE }));
    expect(spec.rowHeights[HEADER_ROW]).toBe(twoLines);
  });
});

describe('buildTableSheet row heights', () => {
  it('makes a row as tall as its printed cells, not its screen-only ones (集約ログ’s 保存テキスト)', () => {
    const columns = [
      { header: '結果', width: 14 },
      { header: '保存テキスト', width: 50 },
    ];
    const long = 'これは長い保存テキストです。'.repeat(80);
    const heightOf = (printColumns?: number) =>
      buildTableSheet({
        name: 't',
        title: 'T',
        columns,
        rows: [['差し替え', long]],
        ...(printColumns !== undefined && { printColumns }),
      }).rowHeights[3]!;
    const oneLine = estimateRowHeight('差し替え', { widthChars: 14, fontSize: FONT_SIZE, min: 18 });
    expect(heightOf(1)).toBe(oneLine);
    // Printed, the long text sets the height as before.
    expect(heightOf()).toBeGreaterThan(oneLine * 10);
  });
});
