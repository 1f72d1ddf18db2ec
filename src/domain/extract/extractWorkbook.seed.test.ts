import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import { extractWorkbook } from './extractWorkbook';
import { rowsFromTsv, sheetFromRows } from '../../../tests/helpers/sheetFromRows';

/**
 * tests/fixtures/seed-report.tsv is lines 43–427 of the seed text, verbatim: the 37 取組項目 forms of the R2
 * report one below another, with the 基本項目 / 推進項目 headings between them. Tabs are cell boundaries.
 */
const SEED_ROWS = rowsFromTsv(
  readFileSync(new URL('../../../tests/fixtures/seed-report.tsv', import.meta.url), 'utf8'),
);
/** Form #n (1-based, the numbering of samples/r2/README.md): its nine rows, verbatim. */
const seedForm = (n: number): string[][] => {
  const starts = SEED_ROWS.flatMap((row, i) => (row[0] === '取組項目' ? [i] : []));
  const start = starts[n - 1] ?? -1;
  return SEED_ROWS.slice(start, start + 9);
};

const sample = r2Sample();
const options = { file: 'R2.xlsx', plan: sample.plan, fiscalYear: 2020 };
const key = (e: { code: string; department: string; seq: number }) => `${e.code} ${e.department} ${e.seq}`;

describe('extractWorkbook on the seed report, verbatim', () => {
  it('reads the whole report as one long sheet into the 37 sample entries, without findings', () => {
    const x = extractWorkbook({ sheets: [sheetFromRows('R2', SEED_ROWS)] }, options);
    expect(x.findings).toEqual([]);
    expect(x.sheets).toEqual([{ sheet: 'R2', visibility: 'visible', kind: 'entry', entries: 37 }]);
    expect(x.entries.map((e) => key(e.entry))).toEqual(sample.entries.map(key));
    expect(x.entries.every((e) => e.identifiedBy === 'labels' && e.entry.fiscalYear === 2020)).toBe(true);
  });

  it.each<[string, number, string, string, string, Record<string, string>]>([
    [
      '#1 全課【総務課】',
      1,
      'I-1-1-1',
      '総務課',
      'C1',
      { vision: 'C2', goal: 'C3', firstHalf: 'D6', achievement: 'C8', evaluation: 'B9' },
    ],
    ['#12 `②` for `(2)` and `目 標`', 12, 'I-2-2-2', '町民生活課', 'C1', { goal: 'C3', evaluation: 'B9' }],
    [
      '#17 values in column B',
      17,
      'II-1-3-1',
      '町民生活課',
      'B1',
      { vision: 'B2', goal: 'C3', evaluation: 'B9' },
    ],
    [
      '#23 `~` in the period labels',
      23,
      'II-1-3-2',
      '町民生活課',
      'B1',
      { vision: 'B2', firstHalf: 'D6', secondHalf: 'D7' },
    ],
    [
      '#27 評価・検証 label in column B',
      27,
      'II-1-4-1',
      '総務課',
      'C1',
      { achievement: 'C8', evaluation: 'C9' },
    ],
    ['#33 `（ICT）` in full-width parens', 33, 'II-2-4-1', '町民生活課', 'C1', { vision: 'C2' }],
    ['#36 `実践 課`', 36, 'II-2-5-1', '保健福祉課', 'C1', { goal: 'C3', actions: 'C4' }],
  ])('reads form %s alone as a sheet', (_name, n, code, department, itemCell, cells) => {
    const x = extractWorkbook({ sheets: [sheetFromRows(`#${n}`, seedForm(n))] }, options);
    expect(x.findings).toEqual([]);
    const [e] = x.entries;
    expect([e?.entry.code, e?.entry.department, e?.entry.seq, e?.source.itemCell]).toEqual([
      code,
      department,
      1,
      itemCell,
    ]);
    expect(e?.source.cells).toMatchObject(cells);
  });

  it('keeps every word of a form as printed (#12)', () => {
    const rows = seedForm(12);
    const raw = (r: number, c: number) => (rows[r]?.[c] ?? '').trim();
    const x = extractWorkbook({ sheets: [sheetFromRows('#12', rows)] }, options);
    expect(x.entries[0]?.entry.fields).toEqual({
      vision: raw(1, 2),
      goal: '・参画手法の効果的な実践',
      actions: raw(3, 2),
      firstHalf: raw(5, 3),
      secondHalf: raw(6, 3),
      achievement: '達成できた',
      evaluation: raw(8, 1),
    });
  });

  it('numbers a department’s repeated hand-typed sheets 1, 2 … in workbook order', () => {
    const x = extractWorkbook(
      { sheets: [17, 18, 23, 24].map((n) => sheetFromRows(`#${n}`, seedForm(n))) },
      options,
    );
    expect(x.entries.map((e) => `${e.source.sheet} ${key(e.entry)}`)).toEqual([
      '#17 II-1-3-1 町民生活課 1',
      '#18 II-1-3-1 町民生活課 2',
      '#23 II-1-3-2 町民生活課 1',
      '#24 II-1-3-2 町民生活課 2',
    ]);
  });
});
