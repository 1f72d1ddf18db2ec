import { describe, expect, it } from 'vitest';
import { emptyFields } from '../entry/types';
import { finding } from '../finding';
import { r2Sample } from '../sample/r2';
import { defaultContext } from '../validation/context';
import { validateEntries } from '../validation/validateEntries';
import { extractWorkbook } from './extractWorkbook';
import { placeFindings } from './placeFindings';
import { seedLayout, sheetFromRows } from '../../../tests/helpers/sheetFromRows';
import type { ExtractedEntry } from './types';

const extracted = (sheet: string, seq: number): ExtractedEntry => ({
  entry: { code: 'I-2-1-3', department: '総務課', seq, fiscalYear: 2020, fields: emptyFields() },
  source: {
    file: 'somu.xlsx',
    sheet,
    cells: {
      vision: 'C2',
      goal: 'C3',
      actions: 'C4',
      firstHalf: 'D6',
      secondHalf: 'D7',
      achievement: 'C8',
      evaluation: 'C9',
    },
    itemCell: 'C1',
  },
  identifiedBy: 'labels',
});
const key = { code: 'I-2-1-3', department: '総務課' };

describe('placeFindings', () => {
  it.each<[string, Parameters<typeof finding>[3], Record<string, unknown>]>([
    [
      'a field finding points at the field’s cell',
      { ...key, seq: 2, field: 'goal' },
      { file: 'somu.xlsx', sheet: '二', cell: 'C3' },
    ],
    [
      'an entry finding points at the 取組項目 cell',
      { ...key, seq: 1 },
      { file: 'somu.xlsx', sheet: '一', cell: 'C1' },
    ],
    [
      'a place that names a cell keeps it',
      { ...key, seq: 1, field: 'goal', cell: 'Z9' },
      { sheet: '一', cell: 'Z9' },
    ],
    ['a finding for no extracted entry is left alone', { ...key, seq: 9, field: 'goal' }, { seq: 9 }],
    [
      'a finding without an entry key is left alone',
      { file: 'plan.xlsx', cell: 'A1' },
      { file: 'plan.xlsx', cell: 'A1' },
    ],
  ])('%s', (_name, place, expected) => {
    const [placed] = placeFindings([finding('entry.required', 'error', '未記入です。', place)], {
      entries: [extracted('一', 1), extracted('二', 2)],
    });
    expect(placed?.place).toMatchObject(expected);
  });

  it('sends the duplicate finding to the later sheet of the same key', () => {
    const entries = [extracted('一', 1), extracted('写し', 1)];
    const findings = validateEntries(
      entries.map((e) => e.entry),
      defaultContext('plan'),
    ).filter((f) => f.code === 'entry.duplicate' || f.place.field === 'goal');
    expect(placeFindings(findings, { entries }).map((f) => [f.code, f.place.sheet, f.place.cell])).toEqual([
      ['entry.required', '一', 'C3'],
      ['entry.required', '写し', 'C3'],
      ['entry.duplicate', '写し', 'C1'],
    ]);
  });

  it('places validation findings of an extracted workbook at the exact cells', () => {
    const rows = seedLayout({
      item: '① 地域支えあいの仕組みづくり (3) 自主防災組織への活動支援による地域防災力の向上',
      department: '総務課',
      vision: '地域防災力の向上を図る。',
      actions: '・備蓄',
    });
    const extraction = extractWorkbook(
      { sheets: [sheetFromRows('防災', [['令和2年度 取組項目シート'], ...rows])] },
      { file: 'somu.xlsx', plan: r2Sample().plan },
    );
    const findings = validateEntries(
      extraction.entries.map((e) => e.entry),
      defaultContext('plan', r2Sample().plan),
    );
    expect(
      placeFindings(findings, extraction).map((f) => [f.code, f.place.sheet, f.place.cell, f.place.field]),
    ).toEqual([['entry.required', '防災', 'C4', 'goal']]);
  });
});
