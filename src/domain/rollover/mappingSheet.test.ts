import { describe, expect, it } from 'vitest';
import { specToSnapshot } from '../template/specToSnapshot';
import type { MappingDocument } from './itemMapping';
import { buildMappingSheet, readMappingSheet } from './mappingSheet';

const doc: MappingDocument = {
  note: '',
  from: '令和2年度',
  to: '令和3年度',
  items: [
    { previous: 'I-1-1-1', previousTitle: '甲', next: 'I-1-1-1', nextTitle: '甲', match: '同じ', entries: 1 },
    {
      previous: 'I-2-1-4',
      previousTitle: '乙',
      next: 'I-2-1-5',
      nextTitle: '丙',
      match: '対応表で指定',
      entries: 2,
    },
    {
      previous: 'II-1-3-1',
      previousTitle: '丁',
      next: ['II-1-3-1', 'II-1-3-4'],
      nextTitle: '丁',
      match: '対応表で指定',
      entries: 1,
    },
    { previous: 'II-2-5-1', previousTitle: '戊', next: null, nextTitle: null, match: null, entries: 1 },
  ],
  added: [{ next: 'II-2-1-3', nextTitle: '己' }],
  departments: [
    { previous: '企画商工観光課', next: '産業観光課', match: '課名変更（推定）' },
    { previous: '町民生活課', next: null, match: '課の分割（推定）', byItem: { 'I-1-2-1': '住民課' } },
    { previous: '農業振興課', next: null, match: '対応表で指定' },
  ],
  leftBehind: [{ previous: 'II-2-5-1', department: '総務課', seq: 1, reason: '対応なし' }],
};

describe('readMappingSheet', () => {
  it('reads back the matching the 対応表 sheet shows, and the year it maps from', () => {
    const read = readMappingSheet(specToSnapshot(buildMappingSheet(doc)));
    expect(read?.from).toBe(2020);
    expect([...read!.mapping.items]).toEqual([
      ['I-1-1-1', 'I-1-1-1'],
      ['I-2-1-4', 'I-2-1-5'],
      ['II-1-3-1', ['II-1-3-1', 'II-1-3-4']],
      ['II-2-5-1', null],
    ]);
    // A split department is inferred again item by item; the rest are taken as the sheet says.
    expect([...read!.mapping.departments]).toEqual([
      ['企画商工観光課', '産業観光課'],
      ['農業振興課', null],
    ]);
  });

  it('reads nothing from a sheet that is not a 対応表', () => {
    const memo = { name: '対応表', visibility: 'visible' as const, values: [['メモ']], merges: [] };
    expect(readMappingSheet(memo)).toBeUndefined();
  });

  it('names both years in its note (前年度 is not the year before when one was skipped)', () => {
    const skipped = buildMappingSheet({ ...doc, to: '令和4年度' });
    const note = skipped.cells.find((c) => c.row === 1 && c.column === 0)?.value;
    expect(note).toMatch(/^前年度（令和2年度）の取組項目と今年度（令和4年度）の取組項目/);
  });
});
