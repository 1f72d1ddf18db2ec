import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import { addEntrySheet } from './addEntrySheet';
import { parseSheetMeta } from './sheetMeta';
import { specCell } from './specToSnapshot';

const { plan } = r2Sample();

describe('addEntrySheet', () => {
  it.each([
    [
      'the next seq after the existing ones',
      [1, 2],
      ['II-1-3-2 町民生活課', 'II-1-3-2 町民生活課 (2)'],
      3,
      'II-1-3-2 町民生活課 (3)',
    ],
    ['seq 1 when there is none', [], [], 1, 'II-1-3-2 町民生活課'],
    ['past a gap', [1, 4], [], 5, 'II-1-3-2 町民生活課 (5)'],
    [
      'a unique name when the natural one is taken',
      [1],
      ['II-1-3-2 町民生活課 (2)'],
      2,
      'II-1-3-2 町民生活課 (2)~2',
    ],
  ])('gives %s', (_name, existingSeqs, existingSheetNames, seq, sheetName) => {
    const result = addEntrySheet({
      plan,
      code: 'II-1-3-2',
      department: '町民生活課',
      fiscalYear: 2020,
      existingSeqs,
      existingSheetNames,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect([
      result.value.seq,
      result.value.sheet.name,
      result.value.tocRow.sheetName,
      result.value.tocRow.seq,
    ]).toEqual([seq, sheetName, sheetName, seq]);
    expect(parseSheetMeta(String(specCell(result.value.sheet, 0, 5)?.value))).toMatchObject({
      code: 'II-1-3-2',
      department: '町民生活課',
      seq,
    });
  });

  it('refuses a code the 体系 does not have, as a finding', () => {
    const result = addEntrySheet({
      plan,
      code: 'IX-9-9-9',
      department: '総務課',
      fiscalYear: 2020,
      existingSeqs: [],
      existingSheetNames: [],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        code: 'template.unknown-item',
        severity: 'error',
        place: { code: 'IX-9-9-9' },
      });
  });
});
