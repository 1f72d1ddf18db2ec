import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../finding';
import { r2Sample } from '../sample/r2';
import { defaultContext } from './context';
import { validateEntries } from './validateEntries';
import { testEntry } from '../../../tests/helpers/testEntry';

describe('validateEntries', () => {
  it('does not double-report a field that has a specific finding', () => {
    const findings = validateEntries(
      [testEntry({ achievement: '一部達成できた', evaluation: '' })],
      defaultContext('year-end'),
    );
    expect(findings.map((f) => f.code)).toEqual(['entry.evaluation-unexplained']);
  });

  it('reports duplicates after the per-entry findings', () => {
    const findings = validateEntries([testEntry(), testEntry()], defaultContext('year-end'));
    expect(findings.map((f) => f.code)).toEqual(['entry.duplicate']);
  });
});

describe('the R2 sample at stage year-end', () => {
  const { plan, entries } = r2Sample();
  const findings = validateEntries(entries, defaultContext('year-end', plan));

  it('has 37 entries: 23 達成できた, 13 一部達成できた, 1 達成できなかった', () => {
    expect(entries).toHaveLength(37);
    const counts = Object.fromEntries(
      ['達成できた', '一部達成できた', '達成できなかった'].map((a) => [
        a,
        entries.filter((e) => e.fields.achievement === a).length,
      ]),
    );
    expect(counts).toEqual({ 達成できた: 23, 一部達成できた: 13, 達成できなかった: 1 });
  });

  it('has no errors: every entry is complete and its department assigned to its item', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('gets only the warnings it deserves: dates written in the other period, the three 前期 = 後期 copies', () => {
    expect(countBySeverity(findings)).toEqual({ error: 0, warning: findings.length, info: 0 });
    expect(
      findings.map((f) => `${f.code} ${f.place.code} ${f.place.department} ${f.place.field}`),
    ).toMatchSnapshot();
    expect(new Set(findings.map((f) => f.code))).toEqual(
      new Set(['entry.period-date', 'entry.same-in-both-halves']),
    );
    expect(findings.filter((f) => f.code === 'entry.same-in-both-halves')).toHaveLength(3);
  });
});
