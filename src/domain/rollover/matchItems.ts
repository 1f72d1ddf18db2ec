import { planItems } from '../plan/planItems';
import type { Plan, PlanItem } from '../plan/types';
import { normalizeKey } from '../text/normalizeKey';

/**
 * How last year's item became this year's: the same code and title, the same title under a new code
 * (renumbered), the same code under a new title (renamed), or as the 対応表 総務課 edited says (mapped).
 */
export type MatchKind = 'same' | 'renumbered' | 'renamed' | 'mapped';

export const MATCH_LABELS: Readonly<Record<MatchKind, string>> = {
  same: '同じ',
  renumbered: '番号変更',
  renamed: '名称変更',
  mapped: '対応表で指定',
};

export interface ItemPair {
  readonly previous: string;
  readonly next: string;
  readonly kind: MatchKind;
  /** An item split in two or more (the 対応表 names several): the successors after `next`. */
  readonly also?: readonly string[];
}

export interface ItemMatching {
  /** In last year's 体系 order. */
  readonly pairs: readonly ItemPair[];
  /** Last year's items without a successor (removed, or the 対応表 says none), in last year's order. */
  readonly removed: readonly string[];
  /** This year's items without a predecessor, in this year's order. */
  readonly added: readonly string[];
}

const titleKey = (p: PlanItem): string => normalizeKey(p.item.title);

/**
 * Match last year's 体系 items to this year's. `manual` (previous code → next code, or null for none) is
 * taken first as it is; the rest are matched automatically: the same code and title, then among what is left
 * the same title (first unused, in 体系 order), then the same code. Two previous items share a successor only
 * through `manual` (items merged: the successor keeps its own same-code, same-title predecessor too).
 */
export function matchItems(
  previous: Plan,
  next: Plan,
  manual: ReadonlyMap<string, string | readonly string[] | null> = new Map(),
): ItemMatching {
  const before = planItems(previous);
  const after = planItems(next);
  const found = new Map<string, ItemPair>();
  const used = new Set<string>();
  const mappedTo = new Set<string>();
  for (const [from, to] of manual) {
    if (to === null) continue;
    const [first, ...also] = typeof to === 'string' ? [to] : to;
    if (first === undefined) continue;
    found.set(from, { previous: from, next: first, kind: 'mapped', ...(also.length > 0 && { also }) });
    for (const code of [first, ...also]) mappedTo.add(code);
  }
  const open = (p: PlanItem) => !manual.has(p.code) && !found.has(p.code);
  const take = (p: PlanItem, q: PlanItem, kind: MatchKind) => {
    found.set(p.code, { previous: p.code, next: q.code, kind });
    used.add(q.code);
  };
  const byCode = new Map(after.map((q) => [q.code, q]));
  // An item the 対応表 merges another into still keeps its own same-code, same-title predecessor.
  for (const p of before) {
    const q = byCode.get(p.code);
    if (open(p) && q && !used.has(q.code) && titleKey(q) === titleKey(p)) take(p, q, 'same');
  }
  for (const to of mappedTo) used.add(to);
  for (const p of before) {
    if (!open(p)) continue;
    const q = after.find((c) => !used.has(c.code) && titleKey(c) === titleKey(p));
    if (q) take(p, q, 'renumbered');
  }
  for (const p of before) {
    const q = byCode.get(p.code);
    if (open(p) && q && !used.has(q.code)) take(p, q, 'renamed');
  }
  // A manual pair the automatic matching would have made keeps that match's name (同じ, 番号変更, 名称変更;
  // not 対応表で指定): mapping.json lists every item, and one passed back unedited changes nothing.
  const automatic =
    manual.size > 0 ? new Map(matchItems(previous, next).pairs.map((p) => [p.previous, p])) : undefined;
  const pairs = before.flatMap((p) => {
    const pair = found.get(p.code);
    if (!pair) return [];
    if (pair.kind !== 'mapped') return [pair];
    const auto = automatic?.get(p.code);
    return [auto && auto.next === pair.next && !pair.also ? { ...pair, kind: auto.kind } : pair];
  });
  // Manual pairs for codes not in last year's 体系 (rows of an item since removed from it) come last.
  const known = new Set(before.map((p) => p.code));
  for (const pair of found.values()) if (!known.has(pair.previous)) pairs.push(pair);
  return {
    pairs,
    removed: before.filter((p) => !found.has(p.code)).map((p) => p.code),
    added: after.filter((q) => !used.has(q.code)).map((q) => q.code),
  };
}
