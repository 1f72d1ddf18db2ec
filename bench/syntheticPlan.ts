import type { Entry } from '../src/domain/entry/types';
import { itemCode } from '../src/domain/plan/planItems';
import type { Plan } from '../src/domain/plan/types';
import { r2Sample } from '../src/domain/sample/r2';

/** `課001`, `課002`, …: department names for generated batches. */
export const departmentNames = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `課${String(i + 1).padStart(3, '0')}`);

/**
 * A plan of `items` items (5 per group, 2 groups per 推進項目, 2 推進項目 per 基本項目), every item done
 * by every department: each department workbook then holds `items` entry sheets.
 */
export function syntheticPlan(items: number, departments: readonly string[]): Plan {
  const perBasic = 20;
  const basics = Array.from({ length: Math.ceil(items / perBasic) }, (_, b) => ({
    number: b + 1,
    title: `基本項目${b + 1}`,
    promotions: Array.from({ length: 2 }, (_, p) => ({
      number: p + 1,
      title: `推進項目${p + 1}`,
      groups: Array.from({ length: 2 }, (_, g) => ({
        number: g + 1,
        title: `取組グループ${g + 1}`,
        items: Array.from({ length: 5 }, (_, i) => ({
          code: itemCode(b + 1, p + 1, g + 1, i + 1),
          number: i + 1,
          title: `取組項目${b + 1}-${p + 1}-${g + 1}-${i + 1}`,
          assignment: { kind: 'departments' as const, departments: [...departments] },
        })),
      })),
    })),
  }));
  return { basics, departments: [...departments] };
}

/** Entries for every item × department, with real R2 texts cycled so cells hold realistic amounts of text. */
export function syntheticEntries(plan: Plan, fiscalYear: number): Entry[] {
  const texts = r2Sample().entries;
  const out: Entry[] = [];
  let k = 0;
  for (const b of plan.basics)
    for (const p of b.promotions)
      for (const g of p.groups)
        for (const item of g.items)
          for (const department of item.assignment.kind === 'departments' ? item.assignment.departments : [])
            out.push({
              code: item.code,
              department,
              seq: 1,
              fiscalYear,
              fields: texts[k++ % texts.length]!.fields,
            });
  return out;
}
