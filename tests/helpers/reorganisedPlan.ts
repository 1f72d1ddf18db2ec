import { consolidateEntries } from '../../src/domain/consolidation/consolidateEntries';
import type { MasterRow, SourceFile } from '../../src/domain/consolidation/types';
import { STANDARD_FORM } from '../../src/domain/entry/formDefinition';
import type { Entry } from '../../src/domain/entry/types';
import type { Item, Plan } from '../../src/domain/plan/types';
import { r2Sample } from '../../src/domain/sample/r2';

const r2 = r2Sample();

/** The entries, one file per department, consolidated on the R2 form: 全体計画's rows. */
export function rowsOf(plan: Plan, entries: readonly Entry[], fiscalYear: number): MasterRow[] {
  const sources: SourceFile[] = plan.departments.map((d, i) => ({
    kind: 'read',
    file: `${d}.xlsx`,
    modified: i,
    entries: entries
      .filter((e) => e.department === d)
      .map((entry) => ({ entry, sheet: `${entry.code} ${d} ${entry.seq}`, cells: {} })),
    sheets: [],
    findings: [],
  }));
  return consolidateEntries(plan, sources, {
    stamp: '2022-04-20T09:00:00+09:00',
    fiscalYear,
    stage: 'year-end',
    form: STANDARD_FORM,
  }).rows as MasterRow[];
}

/**
 * 令和3年度 after a 機構改革: 企画商工観光課 is 産業観光課; II-1-3-2 moved to II-1-3-3 and a new II-1-3-2
 * (手数料等の見直し検討) took its code; I-2-1-4 is gone.
 */
export function r3Reorganised(): Plan {
  const rename = (d: string) => (d === '企画商工観光課' ? '産業観光課' : d);
  const edit = (i: Item): Item[] => {
    const renamed: Item =
      i.assignment.kind === 'all'
        ? i
        : { ...i, assignment: { kind: 'departments', departments: i.assignment.departments.map(rename) } };
    if (i.code === 'I-2-1-4') return [];
    if (i.code !== 'II-1-3-2') return [renamed];
    return [
      {
        code: 'II-1-3-2',
        number: 2,
        title: '手数料等の見直し検討',
        assignment: { kind: 'departments', departments: ['町民生活課'] },
      },
      { ...renamed, code: 'II-1-3-3', number: 3 },
    ];
  };
  return {
    ...r2.plan,
    departments: r2.plan.departments.map(rename),
    basics: r2.plan.basics.map((b) => ({
      ...b,
      promotions: b.promotions.map((p) => ({
        ...p,
        groups: p.groups.map((g) => ({ ...g, items: g.items.flatMap(edit) })),
      })),
    })),
  };
}
