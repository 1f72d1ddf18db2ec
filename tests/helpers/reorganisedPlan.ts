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

/** The plan with each item passed through `edit` (none: removed; several: added after it). */
export function editItems(plan: Plan, edit: (item: Item) => readonly Item[]): Plan {
  return {
    ...plan,
    basics: plan.basics.map((b) => ({
      ...b,
      promotions: b.promotions.map((p) => ({
        ...p,
        groups: p.groups.map((g) => ({ ...g, items: g.items.flatMap(edit) })),
      })),
    })),
  };
}

/**
 * A 機構改革: `gone` leaves the plan, and each item's named departments pass through `renameOn` (a name to
 * none, one or more, by item); departments that appear are added to the plan's list. 全課 items keep theirs.
 */
export function reorganise(
  plan: Plan,
  gone: string,
  renameOn: (department: string, item: Item) => readonly string[],
): Plan {
  const edited = editItems(plan, (i) => [
    i.assignment.kind === 'all'
      ? i
      : {
          ...i,
          assignment: {
            kind: 'departments',
            departments: i.assignment.departments.flatMap((d) => renameOn(d, i)),
          },
        },
  ]);
  const named = edited.basics.flatMap((b) =>
    b.promotions.flatMap((p) =>
      p.groups.flatMap((g) =>
        g.items.flatMap((i) => (i.assignment.kind === 'all' ? [] : i.assignment.departments)),
      ),
    ),
  );
  return {
    ...edited,
    departments: [
      ...plan.departments.filter((d) => d !== gone),
      ...new Set(named.filter((d) => !plan.departments.includes(d))),
    ],
  };
}

/** 企画商工観光課 renamed 産業観光課 on every item it had. */
export const renamedDepartment = (plan: Plan): Plan =>
  reorganise(plan, '企画商工観光課', (d) => [d === '企画商工観光課' ? '産業観光課' : d]);

/**
 * 令和3年度 after a 機構改革: 企画商工観光課 is 産業観光課; II-1-3-2 moved to II-1-3-3 and a new II-1-3-2
 * (手数料等の見直し検討) took its code; I-2-1-4 is gone.
 */
export function r3Reorganised(): Plan {
  return editItems(renamedDepartment(r2.plan), (i) =>
    i.code === 'I-2-1-4'
      ? []
      : i.code !== 'II-1-3-2'
        ? [i]
        : [
            {
              code: 'II-1-3-2',
              number: 2,
              title: '手数料等の見直し検討',
              assignment: { kind: 'departments', departments: ['町民生活課'] },
            },
            { ...i, code: 'II-1-3-3', number: 3 },
          ],
  );
}
