import { describe, expect, it } from 'vitest';
import { blankRuleFormula, linkFormula, normaliseLineBreaks, quoteSheetName } from './excelConventions';

describe('excelConventions', () => {
  it.each([
    ['relative to the top-left cell of the range', blankRuleFormula(2, 1), 'LEN(TRIM(B3))=0'],
    ['quotes a sheet name, doubling its apostrophes', quoteSheetName("総務課 'A'"), "'総務課 ''A'''"],
    [
      'links to a quoted sheet with the text as display',
      linkFormula('目次', 'A1', '目次へ'),
      `HYPERLINK("#'目次'!A1","目次へ")`,
    ],
    [
      'doubles quotes inside link text',
      linkFormula('S', 'B2', '「"注意"」'),
      `HYPERLINK("#'S'!B2","「""注意""」")`,
    ],
    ['turns \\r\\n and a lone \\r into \\n', normaliseLineBreaks('a\r\nb\rc\nd'), 'a\nb\nc\nd'],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
