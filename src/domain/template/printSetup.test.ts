import { describe, expect, it } from 'vitest';
import { a4Print, headerText, leftRightHeader } from './printSetup';
import { range } from './sheetSpec';

describe('print setup', () => {
  it.each([
    ['plain text is kept', '総務課', '総務課'],
    ['& is doubled so it is not a code', 'A&B', 'A&&B'],
  ])('headerText: %s', (_name, text, expected) => expect(headerText(text)).toBe(expected));

  it('builds a left/right header', () =>
    expect(leftRightHeader('I-1-1-1 総務課', '令和2年度')).toBe('&LI-1-1-1 総務課&R令和2年度'));

  it('sets A4, one page wide, centred, with page numbers; leaves out what is not given', () => {
    expect(a4Print({ orientation: 'portrait', area: range(0, 0, 9, 3) })).toEqual({
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: 1,
      area: range(0, 0, 9, 3),
      footer: '&C&P / &N',
      margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
    });
    expect(a4Print({ orientation: 'landscape' })).not.toHaveProperty('area');
  });

  it.each([
    ['one page wide (shrunk): no page order needed', 1, {}, undefined],
    [
      'at 100 % several pages wide: bands of rows across, then down',
      0,
      { titleColumns: { from: 0, to: 0 } },
      'overThenDown',
    ],
  ] as const)('%s', (_name, pagesWide, extra, pageOrder) => {
    const print = a4Print({ orientation: 'landscape', pagesWide, ...extra });
    expect(print.fitToWidth).toBe(pagesWide);
    expect(print.pageOrder).toBe(pageOrder);
    expect(print.titleColumns).toEqual('titleColumns' in extra ? extra.titleColumns : undefined);
  });
});
