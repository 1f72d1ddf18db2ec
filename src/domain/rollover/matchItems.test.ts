import { describe, expect, it } from 'vitest';
import type { Item, Plan } from '../plan/types';
import { r2Sample } from '../sample/r2';
import { matchItems } from './matchItems';

const R2 = r2Sample().plan;

/** The R2 plan with each item passed through `edit` (undefined removes it). */
function edited(edit: (item: Item) => Item | undefined): Plan {
  return {
    ...R2,
    basics: R2.basics.map((b) => ({
      ...b,
      promotions: b.promotions.map((p) => ({
        ...p,
        groups: p.groups.map((g) => ({
          ...g,
          items: g.items.flatMap((i) => edit(i) ?? []),
        })),
      })),
    })),
  };
}

describe('matchItems', () => {
  it('pairs every item of an unchanged 体系 with itself', () => {
    const m = matchItems(R2, R2);
    expect(m.pairs).toHaveLength(21);
    expect(m.pairs.every((p) => p.kind === 'same' && p.previous === p.next)).toBe(true);
    expect([m.removed, m.added]).toEqual([[], []]);
  });

  it('finds a renamed item by its code and a renumbered one by its title (spacing and width aside)', () => {
    const next = edited((i) =>
      i.code === 'II-1-2-2'
        ? { ...i, title: '健全な財政を維持する手法の検討' }
        : i.code === 'II-2-3-1'
          ? { ...i, code: 'II-2-3-9', title: '公共施設の有効活用と　長寿命化の推進' }
          : i,
    );
    const m = matchItems(R2, next);
    expect(m.pairs.filter((p) => p.kind !== 'same')).toEqual([
      { previous: 'II-1-2-2', next: 'II-1-2-2', kind: 'renamed' },
      { previous: 'II-2-3-1', next: 'II-2-3-9', kind: 'renumbered' },
    ]);
    expect([m.removed, m.added]).toEqual([[], []]);
  });

  it('reports a removed item and an added one instead of pairing them (different code and title)', () => {
    const next = edited((i) =>
      i.code === 'I-2-1-4' ? { ...i, code: 'I-2-1-5', title: '地域福祉ネットワークの構築' } : i,
    );
    const m = matchItems(R2, next);
    expect(m.removed).toEqual(['I-2-1-4']);
    expect(m.added).toEqual(['I-2-1-5']);
    expect(m.pairs.some((p) => p.previous === 'I-2-1-4')).toBe(false);
  });

  it('keeps the automatic names when the 対応表 passed back says what the matching found (mapping.json unedited)', () => {
    const next = edited((i) =>
      i.code === 'II-1-2-2'
        ? { ...i, title: '健全な財政を維持する手法の検討' }
        : i.code === 'II-2-3-1'
          ? { ...i, code: 'II-2-3-9' }
          : i,
    );
    const auto = matchItems(R2, next);
    const again = matchItems(R2, next, new Map(auto.pairs.map((p) => [p.previous, p.next])));
    expect(again.pairs).toEqual(auto.pairs);
    expect(again.pairs.filter((p) => p.kind !== 'same').map((p) => p.kind)).toEqual([
      'renamed',
      'renumbered',
    ]);
  });

  it('takes the 対応表 first: a pair it names, an item it says has no successor, the rest matched as before', () => {
    const next = edited((i) => (i.code === 'I-2-1-4' ? undefined : i));
    const m = matchItems(
      R2,
      next,
      new Map<string, string | null>([
        ['I-2-1-4', 'I-2-1-2'],
        ['II-2-5-1', null],
        ['I-1-1-1', 'I-1-1-1'],
      ]),
    );
    expect(m.pairs.find((p) => p.previous === 'I-2-1-4')).toEqual({
      previous: 'I-2-1-4',
      next: 'I-2-1-2',
      kind: 'mapped',
    });
    // I-2-1-2 keeps its own successor too (two items merged into one).
    expect(m.pairs.find((p) => p.previous === 'I-2-1-2')?.next).toBe('I-2-1-2');
    expect(m.pairs.find((p) => p.previous === 'I-1-1-1')?.kind).toBe('same');
    expect(m.removed).toEqual(['II-2-5-1']);
    expect(m.added).toEqual(['II-2-5-1']);
  });
});
