import { describe, expect, it } from 'vitest';
import { consolidateEntries } from '../domain/consolidation/consolidateEntries';
import type { SourceFile } from '../domain/consolidation/types';
import { STANDARD_FORM, type FormDefinition } from '../domain/entry/formDefinition';
import { r2Sample } from '../domain/sample/r2';
import { consolidationReport } from './consolidationReport';

const { plan, entries } = r2Sample();
const OPTIONS = { stamp: '2021-04-20T09:00:00+09:00', fiscalYear: 2020, stage: 'year-end' as const };
const sources: SourceFile[] = plan.departments.map((d, i) => ({
  kind: 'read',
  file: `${d}.xlsx`,
  modified: i,
  entries: entries
    .filter((e) => e.department === d)
    .map((entry) => ({ entry, sheet: `${entry.code} ${d}`, cells: {} })),
  sheets: entries.filter((e) => e.department === d).map((e) => ({ sheet: `${e.code} ${d}`, kind: 'entry' })),
  findings: [],
}));

describe('consolidationReport', () => {
  it("writes 達成状況 as the 集計 field's choices, a count for each and 未記入 (R2: 23 / 13 / 1)", () => {
    const report = consolidationReport(consolidateEntries(plan, sources, OPTIONS));
    expect(report.summary.achievement).toEqual({
      field: { key: 'achievement', label: '目標の達成' },
      choices: ['達成できた', '一部達成できた', '達成できなかった'],
      counts: { 達成できた: 23, 一部達成できた: 13, 達成できなかった: 1 },
      blank: 0,
    });
    expect(report.summary.sheets).toBe(37);
  });

  it('writes null for a form without a 集計 field, and keeps retired fields with their sheet', () => {
    const form: FormDefinition = {
      ...STANDARD_FORM,
      id: 'no-tally',
      fields: STANDARD_FORM.fields.filter((f) => f.kind !== 'choice'),
    };
    const retired = [{ key: 'old', label: '旧欄', cell: 'D12', text: '前の様式の記入' }];
    const withRetired = sources.map((s, i) =>
      i === 0 && s.kind === 'read' ? { ...s, entries: s.entries.map((e) => ({ ...e, retired })) } : s,
    );
    const report = consolidationReport(consolidateEntries(plan, withRetired, { ...OPTIONS, form }));
    expect(report.summary.achievement).toBeNull();
    expect(report.summary.sheets).toBe(37);
    const sheet = report.inputs[0]?.sheets[0];
    expect(sheet).toMatchObject({ outcome: 'consolidated', retired });
  });
});
