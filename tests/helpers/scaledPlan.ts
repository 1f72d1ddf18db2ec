import type { Entry } from '../../src/domain/entry/types';
import { itemCode } from '../../src/domain/plan/planItems';
import type { Plan } from '../../src/domain/plan/types';
import type { Sample } from '../../src/domain/sample/r2';

/**
 * A plan `times` as big as the sample: every 基本項目's 推進項目 repeated with new numbers (and so new item
 * codes), the same departments, and the sample's entries copied onto each repeat.
 */
export function scaledPlan(
  sample: Sample,
  times: number,
): { readonly plan: Plan; readonly entries: readonly Entry[] } {
  const recode = new Map<string, string[]>();
  const basics = sample.plan.basics.map((basic) => {
    const width = Math.max(...basic.promotions.map((p) => p.number));
    const promotions = Array.from({ length: times }, (_, k) =>
      basic.promotions.map((p) => {
        const number = p.number + k * width;
        return {
          ...p,
          number,
          title: k === 0 ? p.title : `${p.title}（${k + 1}）`,
          groups: p.groups.map((g) => ({
            ...g,
            items: g.items.map((item) => {
              const code = itemCode(basic.number, number, g.number, item.number);
              recode.set(item.code, [...(recode.get(item.code) ?? []), code]);
              return { ...item, code };
            }),
          })),
        };
      }),
    ).flat();
    return { ...basic, promotions };
  });
  const entries = sample.entries.flatMap((e) => (recode.get(e.code) ?? []).map((code) => ({ ...e, code })));
  return { plan: { ...sample.plan, basics }, entries };
}
