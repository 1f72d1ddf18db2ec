import { describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE_SHEETS_CODE } from '../compare/nearDuplicateSheets';
import { UNCHANGED_FROM_LAST_YEAR_CODE } from '../compare/unchangedFromLastYear';
import { buildSummarySheets } from './buildSummarySheets';
import type { Entry } from '../entry/types';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { consolidateEntries } from './consolidateEntries';
import type { SourceFile } from './types';

const { plan, entries } = r2Sample();
const OPTIONS = { stamp: '2021-04-20T09:00:00+09:00', fiscalYear: 2020, stage: 'year-end' as const };
const CELLS = { vision: 'D3', goal: 'D5', actions: 'D6', achievement: 'D10' };
const sheetOf = (e: Entry) => `${e.code} ${e.department}${e.seq > 1 ? ` (${e.seq})` : ''}`;
const source = (file: string, list: readonly Entry[], modified: number): SourceFile => ({
  kind: 'read',
  file,
  modified,
  entries: list.map((e) => ({ entry: e, sheet: sheetOf(e), cells: CELLS })),
  sheets: list.map((e) => ({ sheet: sheetOf(e), kind: 'entry' as const })),
  findings: [],
});
const own = (department: string) => entries.filter((e) => e.department === department);

describe('consolidation compares what it receives (#17)', () => {
  it('names the fields a resubmission changed in its 差し替え record and in report data', () => {
    const first = own('総務課');
    const edited = first.map((e, i) =>
      i === 0 ? { ...e, fields: { ...e.fields, goal: `${e.fields.goal}\n・職員研修を年2回実施する` } } : e,
    );
    const result = consolidateEntries(
      plan,
      [source('総務課_v1.xlsx', first, 1000), source('総務課_v2.xlsx', edited, 2000)],
      OPTIONS,
    );
    const replaced = result.log.filter((r) => r.outcome === 'replaced');
    expect(replaced).toHaveLength(first.length);
    const changed = replaced.find((r) => r.code === first[0]!.code && r.seq === first[0]!.seq)!;
    expect(changed.changes?.map((c) => c.key)).toEqual(['goal']);
    expect(changed.changes?.[0]?.after).toContain('職員研修を年2回実施する');
    expect(changed.detail).toContain('変更: 「目標」');
    const unchanged = replaced.filter((r) => r !== changed);
    expect(unchanged.every((r) => r.changes?.length === 0 && r.detail.endsWith('変更なし'))).toBe(true);
  });

  it('warns about two sheets of one department for one item holding nearly the same text, keeping both', () => {
    const shared = new Set(
      planItems(plan)
        .filter((p) => p.item.assignment.kind === 'all')
        .map((p) => p.code),
    );
    const base = entries.find((e) => !shared.has(e.code))!;
    const copy: Entry = {
      ...base,
      seq: 2,
      fields: { ...base.fields, evaluation: `${base.fields.evaluation}（追記）` },
    };
    const result = consolidateEntries(plan, [source(`${base.department}.xlsx`, [base, copy], 1000)], OPTIONS);
    const warnings = result.findings.filter((f) => f.code === NEAR_DUPLICATE_SHEETS_CODE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.place).toMatchObject({ file: `${base.department}.xlsx`, sheet: sheetOf(copy) });
    expect(warnings[0]!.message).toContain(sheetOf(base));
    const rows = result.rows.filter((r) => r.code === base.code && r.department === base.department);
    expect(rows.map((r) => r.status)).toEqual(['submitted', 'submitted']);
    expect(rows[1]!.findings.some((f) => f.code === NEAR_DUPLICATE_SHEETS_CODE)).toBe(true);
  });

  it('stays silent on the R2 sample, whose seq sheets are genuinely different', () => {
    const result = consolidateEntries(
      plan,
      plan.departments.map((d, i) => source(`${d}.xlsx`, own(d), 1000 + i)),
      OPTIONS,
    );
    expect(result.findings.filter((f) => f.code === NEAR_DUPLICATE_SHEETS_CODE)).toEqual([]);
  });

  it('compares with the 前年度 a rolled-over sheet carries: a pasted 評価・検証 is flagged and counted in 提出状況', () => {
    const mine = own('総務課');
    const pasted = mine[0]!;
    const lastYear = { fiscalYear: 2019, fields: { evaluation: pasted.fields.evaluation! }, cells: {} };
    const rolled: SourceFile = {
      ...source('総務課.xlsx', mine, 1000),
      entries: mine.map((e) => ({
        entry: e,
        sheet: sheetOf(e),
        cells: CELLS,
        ...(e === pasted && { previous: lastYear }),
      })),
    } as SourceFile;
    const result = consolidateEntries(plan, [rolled], OPTIONS);
    const unchanged = result.findings.filter((f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE);
    expect(unchanged.map((f) => [f.place.code, f.place.field])).toEqual([[pasted.code, 'evaluation']]);
    expect(result.submissions.find((s) => s.department === '総務課')?.unchanged).toBe(1);
    expect(result.submissions.find((s) => s.department === '町民生活課')?.unchanged).toBe(0);
    const sheet = buildSummarySheets(result, { year: '令和2年度', subtitle: '', fit: (t) => t })[0]!;
    expect(sheet.cells.some((c) => c.value === '前年度と同じ')).toBe(true);
  });

  it('leaves 提出状況 without 前年度と同じ when nothing was compared with last year', () => {
    const result = consolidateEntries(plan, [source('総務課.xlsx', own('総務課'), 1000)], OPTIONS);
    expect(result.submissions.every((s) => s.unchanged === undefined)).toBe(true);
    const sheet = buildSummarySheets(result, { year: '令和2年度', subtitle: '', fit: (t) => t })[0]!;
    expect(sheet.cells.some((c) => c.value === '前年度と同じ')).toBe(false);
  });
});
