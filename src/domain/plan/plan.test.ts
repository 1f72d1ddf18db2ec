import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import { findItem, parseItemCode } from './findItem';
import { parseDepartments } from './parseDepartments';
import { parsePlanGrid, type Grid } from './parsePlanGrid';
import { isAssigned, itemsForDepartment, planAssignees, planCounts, planItems } from './planItems';
import { planToGrid } from './planToGrid';
import type { Assignment, Plan } from './types';

const HEADER = ['基本項目', '推進項目', '取組項目', '実践課【とりまとめ課】'];
const codes = (grid: Grid) => parsePlanGrid(grid).findings.map((f) => f.code);

describe('parsePlanGrid', () => {
  it('reads the seed table with blank repeated levels and shared 取組項目 column', () => {
    const { plan, findings } = parsePlanGrid([
      HEADER,
      ['I 協働によるまちづくり', '1 積極的な情報共有', '①行政情報の公開と共有', ''],
      ['', '', '(1)効果的な情報発信手法の研究実施', '全課【総務課】'],
      ['', '2 協力体制の強化', '①地域支えあいの仕組みづくり', ''],
      ['', '', '(1)自治会組織の活動支援と連携', '町民生活課 建設水道課'],
      ['', '', '(2)まちづくり活動諸団体の活動支援と連携', '町民生活課、企画商工観光課・保健福祉課'],
      ['Ⅱ 効果的な行財政運営', '1 行財政手法の検証', '①創意工夫を加えた事務事業の実践', ''],
      ['', '', '(1)事務事業評価に基づく検証と改善', '企画商工観光課'],
    ]);
    expect(findings).toEqual([]);
    expect(planItems(plan).map((p) => p.code)).toEqual(['I-1-1-1', 'I-2-1-1', 'I-2-1-2', 'II-1-1-1']);
    expect(planItems(plan)[2]?.item.assignment).toEqual({
      kind: 'departments',
      departments: ['町民生活課', '企画商工観光課', '保健福祉課'],
    });
    expect(plan.departments).toEqual(['総務課', '町民生活課', '建設水道課', '企画商工観光課', '保健福祉課']);
  });

  it('finds the header even with an inserted column and title rows above', () => {
    const { plan, findings } = parsePlanGrid([
      ['3 計画の体系'],
      ['No', ...HEADER],
      ['1', 'I 協働', '1 情報共有', '① 公開', ''],
      ['2', '', '', '(1) 発信', '総務課'],
    ]);
    expect(findings).toEqual([]);
    expect(planItems(plan)[0]?.code).toBe('I-1-1-1');
  });

  it('reads `① group (1) item` written in one cell (the seed extraction)', () => {
    const { plan, findings } = parsePlanGrid([
      HEADER,
      [
        'I 協働',
        '1 協力体制の強化',
        '①地域支えあいの仕組みづくり (1)自治会組織の活動支援と連携',
        '町民生活課',
      ],
    ]);
    expect(findings).toEqual([]);
    expect(planItems(plan)[0]).toMatchObject({
      code: 'I-1-1-1',
      group: { title: '地域支えあいの仕組みづくり' },
      item: { title: '自治会組織の活動支援と連携' },
    });
  });

  it('reads `②` printed for `(2)` on a row with departments as an item, and says so', () => {
    const { plan, findings } = parsePlanGrid([
      HEADER,
      ['I 協働', '1 情報共有', '① 公開', ''],
      ['', '', '(1) 発信', '総務課'],
      ['', '', '② 町民のまちづくりへの参画機会の拡充', '町民生活課'],
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.place.cell])).toEqual([
      ['plan.circled-item', 'info', 'C4'],
    ]);
    expect(planItems(plan).map((p) => p.code)).toEqual(['I-1-1-1', 'I-1-1-2']);
  });

  it('keeps departments that appear only in the 実践課一覧 row, in its order', () => {
    const { plan } = parsePlanGrid([
      HEADER,
      ['I 協働', '1 情報共有', '① 公開', ''],
      ['', '', '(1) 発信', '全課【総務課】'],
      ['実践課一覧', '', '', '総務課 教育振興課'],
    ]);
    expect(plan.departments).toEqual(['総務課', '教育振興課']);
  });

  it.each<[string, Grid, string[], string]>([
    [
      'an item with no department',
      [HEADER, ['I a', '1 b', '① c', ''], ['', '', '(1) d', '']],
      ['plan.item-without-department'],
      'D3',
    ],
    [
      'a missing 推進項目',
      [HEADER, ['I a', '', '① c', ''], ['', '', '(1) d', '総務課']],
      ['plan.missing-level', 'plan.missing-level'],
      'C2',
    ],
    [
      'a missing group',
      [HEADER, ['I a', '1 b', '(1) d', '総務課']],
      ['plan.empty-level', 'plan.missing-level'],
      'B2',
    ],
    [
      'a duplicate item number',
      [HEADER, ['I a', '1 b', '① c', ''], ['', '', '(1) d', '総務課'], ['', '', '(1) e', '総務課']],
      ['plan.duplicate-number'],
      'C4',
    ],
    [
      'an unknown token in 取組項目',
      [HEADER, ['I a', '1 b', '① c', ''], ['', '', 'd', '総務課']],
      ['plan.empty-level', 'plan.unknown-token'],
      'C2',
    ],
    [
      'an unknown token in 基本項目',
      [HEADER, ['協働', '1 b', '① c', ''], ['', '', '(1) d', '総務課']],
      ['plan.unknown-token', 'plan.empty', 'plan.missing-level', 'plan.missing-level', 'plan.missing-level'],
      'A2',
    ],
    [
      '全課 without a coordinator',
      [HEADER, ['I a', '1 b', '① c', ''], ['', '', '(1) d', '全課']],
      ['plan.all-without-coordinator'],
      'D3',
    ],
    [
      'a department with no item',
      [HEADER, ['I a', '1 b', '① c', ''], ['', '', '(1) d', '総務課'], ['', '', '', '町民生活課']],
      ['plan.department-without-item'],
      'D4',
    ],
    [
      'a number gap',
      [HEADER, ['I a', '1 b', '① c', ''], ['', '', '(2) d', '総務課']],
      ['plan.number-gap'],
      'C3',
    ],
    ['an empty table', [HEADER], ['plan.empty'], 'A2'],
  ])('reports %s with its cell', (_name, grid, expected, cell) => {
    const { findings } = parsePlanGrid(grid, { sheet: '体系' });
    expect(findings.map((f) => f.code)).toEqual(expected);
    expect(findings[0]?.place).toMatchObject({ sheet: '体系', cell });
    expect(findings[0]?.message).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
  });

  it('never throws on arbitrary cells', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.oneof(fc.string(), fc.constantFrom('I a', '1 b', '① c', '(1) d', '全課【総務課】', '')),
            { maxLength: 5 },
          ),
          { maxLength: 12 },
        ),
        (grid) => {
          const { findings } = parsePlanGrid(grid);
          expect(Array.isArray(findings)).toBe(true);
        },
      ),
    );
    expect(codes([[]])).toEqual(['plan.empty']);
  });
});

describe('parsePlanGrid: an item typed as its number alone', () => {
  it('reads it and warns at its cell that it has no name', () => {
    const { findings } = parsePlanGrid([
      HEADER,
      ['I 協働によるまちづくり', '1 積極的な情報共有', '①行政情報の公開と共有', ''],
      ['', '', '(1)効果的な情報発信手法の研究実施', '総務課'],
      ['', '', '（２）', '総務課'],
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.place.cell])).toEqual([
      ['plan.item-without-title', 'warning', 'C4'],
    ]);
  });
});

describe('parsePlanGrid: a department name with 「・」', () => {
  it('reads 子ども・子育て支援課 as one department, says so once at its first cell, and splits 総務課・保健福祉課', () => {
    const { plan, findings } = parsePlanGrid([
      HEADER,
      ['I 協働によるまちづくり', '1 積極的な情報共有', '①行政情報の公開と共有', ''],
      ['', '', '(1)効果的な情報発信手法の研究実施', '子ども・子育て支援課'],
      ['', '', '(2)広報活動の強化', '総務課・保健福祉課 子ども・子育て支援課'],
    ]);
    expect(planItems(plan).map((p) => p.item.assignment)).toEqual([
      { kind: 'departments', departments: ['子ども・子育て支援課'] },
      { kind: 'departments', departments: ['総務課', '保健福祉課', '子ども・子育て支援課'] },
    ]);
    expect(plan.departments).toContain('子ども・子育て支援課');
    expect(findings.map((f) => [f.code, f.severity, f.place.cell])).toEqual([
      ['plan.department-with-dot', 'info', 'D3'],
    ]);
    expect(findings[0]?.message).toContain('「子ども・子育て支援課」を1つの課名として読みました');
  });
});

describe('parseDepartments', () => {
  it.each([
    [
      '町民生活課 建設水道課',
      { ok: true, assignment: { kind: 'departments', departments: ['町民生活課', '建設水道課'] } },
    ],
    [
      '総務課　保健福祉課',
      { ok: true, assignment: { kind: 'departments', departments: ['総務課', '保健福祉課'] } },
    ],
    ['全課【総務課】', { ok: true, assignment: { kind: 'all', coordinator: '総務課' } }],
    ['全課（総務課）', { ok: true, assignment: { kind: 'all', coordinator: '総務課' } }],
    ['', { ok: false, reason: 'empty' }],
    [
      '総務課・保健福祉課',
      { ok: true, assignment: { kind: 'departments', departments: ['総務課', '保健福祉課'] } },
    ],
    [
      '総務課・ラベンダーハイツ',
      { ok: true, assignment: { kind: 'departments', departments: ['総務課', 'ラベンダーハイツ'] } },
    ],
    [
      '子ども・子育て支援課 総務課',
      {
        ok: true,
        assignment: { kind: 'departments', departments: ['子ども・子育て支援課', '総務課'] },
        dotted: ['子ども・子育て支援課'],
      },
    ],
    [
      '町民生活課（戸籍・住民係）、建設水道課',
      {
        ok: true,
        assignment: { kind: 'departments', departments: ['町民生活課（戸籍・住民係）', '建設水道課'] },
        dotted: ['町民生活課（戸籍・住民係）'],
      },
    ],
  ])('%j', (cell, expected) => expect(parseDepartments(cell)).toEqual(expected));
});

// Arbitrary plans for the round-trip property.
const title = fc.stringMatching(/^[あ-んア-ン一-龠a-z]{1,12}$/u);
const department = fc.constantFrom(
  '総務課',
  '町民生活課',
  '建設水道課',
  '保健福祉課',
  'ラベンダーハイツ',
  '教育振興課',
);
const assignment: fc.Arbitrary<Assignment> = fc.oneof(
  fc
    .uniqueArray(department, { minLength: 1, maxLength: 4 })
    .map((departments) => ({ kind: 'departments' as const, departments })),
  department.map((coordinator) => ({ kind: 'all' as const, coordinator })),
);
const numbered = <T>(arb: fc.Arbitrary<T>, max: number) => fc.array(arb, { minLength: 1, maxLength: max });
const planArb: fc.Arbitrary<Plan> = numbered(
  fc.record({
    title,
    promotions: numbered(
      fc.record({
        title,
        groups: numbered(fc.record({ title, items: numbered(fc.record({ title, assignment }), 4) }), 3),
      }),
      3,
    ),
  }),
  3,
).chain((basics) => {
  const built = basics.map((b, bi) => ({
    number: bi + 1,
    title: b.title,
    promotions: b.promotions.map((p, pi) => ({
      number: pi + 1,
      title: p.title,
      groups: p.groups.map((g, gi) => ({
        number: gi + 1,
        title: g.title,
        items: g.items.map((it, ii) => ({
          code: `${['I', 'II', 'III'][bi]}-${pi + 1}-${gi + 1}-${ii + 1}`,
          number: ii + 1,
          title: it.title,
          assignment: it.assignment,
        })),
      })),
    })),
  }));
  const used = [
    ...new Set(
      built.flatMap((b) =>
        b.promotions.flatMap((p) =>
          p.groups.flatMap((g) =>
            g.items.flatMap((i) =>
              i.assignment.kind === 'all' ? [i.assignment.coordinator] : i.assignment.departments,
            ),
          ),
        ),
      ),
    ),
  ];
  return fc.shuffledSubarray(['教育振興課', '議会事務局'], { minLength: 0 }).chain((extra) =>
    fc
      .shuffledSubarray([...used, ...extra.filter((d) => !used.includes(d))], {
        minLength: used.length + extra.filter((d) => !used.includes(d)).length,
      })
      .map((departments) => ({ basics: built, departments })),
  );
});

describe('planToGrid', () => {
  it('parse ∘ write is the identity', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const { plan: back, findings } = parsePlanGrid(planToGrid(plan));
        expect(findings).toEqual([]);
        expect(back).toEqual(plan);
      }),
      { numRuns: 200 },
    );
  });

  it('writes the R2 sample back as the seed table', () => {
    const grid = planToGrid(r2Sample().plan);
    expect(grid[1]).toEqual(['I 協働によるまちづくり', '1 積極的な情報共有', '① 行政情報の公開と共有', '']);
    expect(grid[2]).toEqual(['', '', '(1) 効果的な情報発信手法の研究実施', '全課【総務課】']);
    expect(grid.at(-1)?.[0]).toBe('実践課一覧');
  });
});

describe('findItem', () => {
  const { plan } = r2Sample();
  it.each([
    ['a code', 'I-2-1-2', 'I-2-1-2'],
    ['a code with Ⅱ and full-width dashes', 'Ⅱ－1－3－2', 'II-1-3-2'],
    ['the printed label', '① 地域支えあいの仕組みづくり (2) まちづくり活動諸団体の活動支援と連携', 'I-2-1-2'],
    ['② printed for (2)', '① 地域支えあいの仕組みづくり ② まちづくり活動諸団体の活動支援と連携', 'I-2-1-2'],
    [
      'full-width spaces and parens',
      '①\u3000地域支えあいの仕組みづくり\u3000（２）まちづくり活動諸団体の活動支援と連携',
      'I-2-1-2',
    ],
    ['the item title alone', '自主防災組織への活動支援による地域防災力の向上', 'I-2-1-3'],
    [
      '(ICT) printed full-width',
      '④ 情報通信技術（ICT）の利活用 ② 情報通信技術（ICT）を活用した情報サービスの検討',
      'II-2-4-2',
    ],
    [
      'its own title after its number when it moved to another group (a sheet made before the move)',
      '① 旧グループの名前 (3) 自主防災組織への活動支援による地域防災力の向上',
      'I-2-1-3',
    ],
  ])('by %s', (_name, label, code) => expect(findItem(plan, label)?.code).toBe(code));

  it('finds nothing for unknown labels', () => {
    expect(findItem(plan, '存在しない取組')).toBeUndefined();
    expect(findItem(plan, 'IX-1-1-1')).toBeUndefined();
    expect(parseItemCode('I-1-1')).toBeUndefined();
  });
});

describe('the R2 sample plan', () => {
  const { plan } = r2Sample();
  it('has the seed shape: 2 基本項目, 4 推進項目, 13 groups, 21 items, 33 assignments, 8 departments', () => {
    expect(planCounts(plan)).toEqual({
      basics: 2,
      promotions: 4,
      groups: 13,
      items: 21,
      assignees: 33,
      departments: 8,
    });
    expect(plan.departments).toContain('教育振興課');
    expect(plan.departments).toContain('ラベンダーハイツ');
  });

  it('assigns 全課 items to every department, compiled by 総務課', () => {
    const item = findItem(plan, 'I-1-1-1')!.item;
    expect(item.assignment).toEqual({ kind: 'all', coordinator: '総務課' });
    expect(isAssigned(plan, item, '教育振興課')).toBe(true);
    expect(planAssignees(plan).filter((a) => a.code === 'I-1-1-1')).toEqual([
      { code: 'I-1-1-1', department: '総務課' },
    ]);
    expect(itemsForDepartment(plan, '教育振興課').map((p) => p.code)).toEqual([
      'I-1-1-1',
      'I-2-2-1',
      'II-1-4-1',
      'II-2-4-2',
    ]);
  });
});
