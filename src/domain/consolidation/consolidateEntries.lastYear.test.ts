import { describe, expect, it } from 'vitest';
import { UNCHANGED_FROM_LAST_YEAR_CODE } from '../compare/unchangedFromLastYear';
import type { Entry } from '../entry/types';
import { r2Sample } from '../sample/r2';
import { r3Sample } from '../sample/r3';
import { consolidateEntries } from './consolidateEntries';
import type { SourceFile } from './types';

const r3 = r3Sample();
const sources = (entries: readonly Entry[]): SourceFile[] =>
  r3.plan.departments.map((d, i) => ({
    kind: 'read',
    file: `${d}.xlsx`,
    modified: i,
    entries: entries
      .filter((e) => e.department === d)
      .map((entry) => ({ entry, sheet: `${entry.code} ${entry.seq}`, cells: { evaluation: 'B20' } })),
    sheets: entries
      .filter((e) => e.department === d)
      .map((e) => ({ sheet: `${e.code} ${e.seq}`, kind: 'entry' as const })),
    findings: [],
  }));
const OPTIONS = { stamp: '2022-04-20T09:00:00+09:00', fiscalYear: 2021, stage: 'year-end' as const };
const unchanged = (c: ReturnType<typeof consolidateEntries>) =>
  c.findings.filter((f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE);

describe('consolidateEntries with last year', () => {
  it('flags the one 評価・検証 the R3 sample left as R2 wrote it, at its cell, and no carried field', () => {
    const c = consolidateEntries(r3.plan, sources(r3.entries), { ...OPTIONS, lastYear: r2Sample().entries });
    expect(unchanged(c).map((f) => [f.place.code, f.place.department, f.place.field, f.place.cell])).toEqual([
      ['II-1-2-1', '総務課', 'evaluation', 'B20'],
    ]);
    expect(unchanged(c)[0]!.message).toMatch(/^「評価・検証」が前年度（令和2年度）と同じ文です。/);
    // The row and 提出状況 count it as a warning.
    const row = c.rows.find((r) => r.code === 'II-1-2-1' && r.department === '総務課')!;
    expect(row.findings.map((f) => f.code)).toContain(UNCHANGED_FROM_LAST_YEAR_CODE);
  });

  it('says nothing without last year, or when last year is not earlier', () => {
    expect(unchanged(consolidateEntries(r3.plan, sources(r3.entries), OPTIONS))).toEqual([]);
    const sameYear = r2Sample().entries.map((e) => ({ ...e, fiscalYear: 2021 }));
    expect(
      unchanged(consolidateEntries(r3.plan, sources(r3.entries), { ...OPTIONS, lastYear: sameYear })),
    ).toEqual([]);
  });
});
