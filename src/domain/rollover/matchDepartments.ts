import { planItems } from '../plan/planItems';
import type { Item, Plan } from '../plan/types';
import type { ItemMatching } from './matchItems';

/**
 * How one of last year's departments, absent from this year's 体系, carries on: renamed (a 機構改革), as
 * inferred from the items (推定) or as the 対応表 says (mapped); `next` null when it has no successor.
 */
export interface DepartmentPair {
  readonly previous: string;
  readonly next: string | null;
  readonly kind: 'inferred' | 'split' | 'mapped' | 'none';
  /**
   * A department split in two or more (`split`, next null): for each of its items (last year's code), the
   * one department new this year that its successor names — the sheets go there item by item.
   */
  readonly byItem?: ReadonlyMap<string, string>;
}

export const DEPARTMENT_MATCH_LABELS: Readonly<Record<DepartmentPair['kind'], string>> = {
  inferred: '課名変更（推定）',
  split: '課の分割（推定）',
  mapped: '対応表で指定',
  none: '対応なし',
};

/** Named departments of an item (a 全課 item's coordinator counts: it writes the compiled sheet). */
const namedIn = (item: Item): readonly string[] =>
  item.assignment.kind === 'all' ? [item.assignment.coordinator] : item.assignment.departments;

/**
 * Last year's departments that this year's 体系 no longer names, each with its successor. `manual` (last
 * year's name → this year's, or null for none) is taken as it is. The rest are inferred: a department that
 * disappeared and one that appeared are taken as one renamed when, over the matched items, the new one is
 * named on the most of the old one's items (at least one) and the old one is the best match of the new one
 * too, with no tie on either side. Anything less certain is left without a successor, for 総務課 to map.
 */
export function matchDepartments(
  previous: Plan,
  next: Plan,
  matching: ItemMatching,
  manual: ReadonlyMap<string, string | null> = new Map(),
): DepartmentPair[] {
  const nextNames = new Set(next.departments);
  const lastNames = new Set(previous.departments);
  const gone = previous.departments.filter((d) => !nextNames.has(d));
  const taken = new Set([...manual.values()].filter((d): d is string => d !== null));
  const appeared = next.departments.filter((d) => !lastNames.has(d) && !taken.has(d));
  const lastItems = new Map(planItems(previous).map((p) => [p.code, p.item]));
  const nextItems = new Map(planItems(next).map((p) => [p.code, p.item]));
  // How many matched items name both the old department (last year) and the new one (this year).
  const overlap = new Map<string, number>();
  const key = (old: string, now: string) => `${old}\u0000${now}`;
  for (const pair of matching.pairs) {
    const before = lastItems.get(pair.previous);
    const after = nextItems.get(pair.next);
    if (!before || !after) continue;
    for (const old of namedIn(before))
      for (const now of namedIn(after)) overlap.set(key(old, now), (overlap.get(key(old, now)) ?? 0) + 1);
  }
  const open = gone.filter((d) => !manual.has(d));
  const best = (scores: readonly [string, number][]): string | undefined => {
    const sorted = scores.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    return sorted.length > 0 && (sorted.length === 1 || sorted[0]![1] > sorted[1]![1])
      ? sorted[0]![0]
      : undefined;
  };
  // A manual name the inference would have found keeps 課名変更（推定） (mapping.json passed back unedited).
  const inferred =
    manual.size > 0
      ? new Map(matchDepartments(previous, next, matching).map((p) => [p.previous, p]))
      : undefined;
  return gone.map((old): DepartmentPair => {
    if (manual.has(old)) {
      const to = manual.get(old) ?? null;
      const auto = inferred?.get(old);
      if (auto && to !== null && auto.next === to) return auto;
      return { previous: old, next: to, kind: to === null ? 'none' : 'mapped' };
    }
    const now = best(appeared.map((d) => [d, overlap.get(key(old, d)) ?? 0]));
    const back = now === undefined ? undefined : best(open.map((d) => [d, overlap.get(key(d, now)) ?? 0]));
    if (now !== undefined && back === old) return { previous: old, next: now, kind: 'inferred' };
    const byItem = splitByItem(old);
    return byItem
      ? { previous: old, next: null, kind: 'split', byItem }
      : { previous: old, next: null, kind: 'none' };
  });

  /**
   * A department split between new ones (企画商工観光課 → 商工観光課 and まちづくり課): each of its matched items
   * names, this year, exactly one department that is new this year — and not always the same one. Undefined
   * when any of its items does not (総務課 maps it).
   */
  function splitByItem(old: string): ReadonlyMap<string, string> | undefined {
    const byItem = new Map<string, string>();
    for (const pair of matching.pairs) {
      const before = lastItems.get(pair.previous);
      const after = nextItems.get(pair.next);
      if (!before || !after || !namedIn(before).includes(old)) continue;
      const fresh = namedIn(after).filter((d) => appeared.includes(d));
      if (fresh.length !== 1) return undefined;
      byItem.set(pair.previous, fresh[0]!);
    }
    return new Set(byItem.values()).size > 1 ? byItem : undefined;
  }
}

/**
 * This year's name of last year's department on one of last year's items: its successor when renamed, the
 * item's new department when it was split, else the same name.
 */
export function departmentRenamer(
  pairs: readonly DepartmentPair[],
): (department: string, previousCode: string) => string {
  const byName = new Map(pairs.map((p) => [p.previous, p]));
  return (department, previousCode) => {
    const pair = byName.get(department);
    return pair?.next ?? pair?.byItem?.get(previousCode) ?? department;
  };
}
