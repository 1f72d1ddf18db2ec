import { itemCode } from './planItems';
import type { Basic, Group, Item, Plan, Promotion } from './types';
import type { BasicB } from './planReadState';

/** The plan built row by row, frozen into the Readonly domain types; its departments, listed ones first. */
export function freezePlan(basics: readonly BasicB[], listed: readonly string[]): Plan {
  const frozen: Basic[] = basics.map((b) => ({
    number: b.number,
    title: b.title,
    promotions: b.promotions.map((p): Promotion => ({
      number: p.number,
      title: p.title,
      groups: p.groups.map((g): Group => ({
        number: g.number,
        title: g.title,
        items: g.items.map((i): Item => ({
          code: itemCode(b.number, p.number, g.number, i.number),
          number: i.number,
          title: i.title,
          assignment: i.assignment,
        })),
      })),
    })),
  }));
  const departments = [...listed];
  for (const b of basics)
    for (const p of b.promotions)
      for (const g of p.groups)
        for (const i of g.items) {
          const names = i.assignment.kind === 'all' ? [i.assignment.coordinator] : i.assignment.departments;
          for (const d of names) if (!departments.includes(d)) departments.push(d);
        }
  return { basics: frozen, departments };
}
