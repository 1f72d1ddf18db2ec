import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import type { SheetMeta } from '../template/sheetMeta';
import { identifyEntry, type IdentityInput } from './identifyEntry';
import { readDepartmentCell } from './readDepartmentCell';

const plan = r2Sample().plan;
const LABEL = '① 地域支えあいの仕組みづくり (3) 自主防災組織への活動支援による地域防災力の向上';
const meta = (m: Partial<SheetMeta> = {}): SheetMeta => ({
  code: 'I-2-1-3',
  department: '総務課',
  seq: 2,
  fiscalYear: 2020,
  formId: 'suishin-standard',
  formVersion: 1,
  ...m,
});
const input = (department: string, rest: Partial<IdentityInput> = {}): IdentityInput => ({
  itemText: LABEL,
  departmentText: department,
  department: readDepartmentCell(department),
  yearLabel: 2020,
  plan,
  ...rest,
});
type Outcome = { code?: string; department?: string; seq?: number; by?: string; notes: string[] };
const outcome = (i: IdentityInput): Outcome => {
  const r = identifyEntry(i);
  const notes = r.notes.map((n) => `${n.code}:${n.severity}:${n.part}`);
  return r.ok
    ? {
        code: r.code,
        department: r.department,
        ...(r.metaSeq !== undefined && { seq: r.metaSeq }),
        by: r.identifiedBy,
        notes,
      }
    : { notes };
};

describe('identifyEntry: visible labels and hidden metadata', () => {
  it.each<[string, IdentityInput, Outcome]>([
    [
      'labels alone (hand-typed sheet)',
      input('総務課'),
      { code: 'I-2-1-3', department: '総務課', by: 'labels', notes: [] },
    ],
    [
      'metadata agreeing with the labels gives the seq',
      input('総務課', { meta: meta() }),
      { code: 'I-2-1-3', department: '総務課', seq: 2, by: 'meta', notes: [] },
    ],
    [
      'metadata pointing at another item: the visible label wins, with a warning, and its seq is not trusted',
      input('総務課', { meta: meta({ code: 'I-1-1-1' }) }),
      { code: 'I-2-1-3', department: '総務課', by: 'labels', notes: ['extract.meta-mismatch:warning:meta'] },
    ],
    [
      'metadata naming a code the 体系 no longer has (the item renumbered): the label wins, said as such',
      input('総務課', { meta: meta({ code: 'I-9-1-1' }) }),
      { code: 'I-2-1-3', department: '総務課', by: 'labels', notes: ['extract.item-renumbered:info:item'] },
    ],
    [
      'a copied sheet relabelled for another department',
      input('保健福祉課', { meta: meta() }),
      {
        code: 'I-2-1-3',
        department: '保健福祉課',
        by: 'labels',
        notes: ['extract.meta-mismatch:warning:meta'],
      },
    ],
    [
      'no plan: the metadata identifies',
      input('総務課', { plan: undefined, meta: meta() }),
      { code: 'I-2-1-3', department: '総務課', seq: 2, by: 'meta', notes: [] },
    ],
    [
      'an unknown item label: the metadata identifies, with a warning',
      input('総務課', { itemText: '防災のこと', meta: meta() }),
      {
        code: 'I-2-1-3',
        department: '総務課',
        seq: 2,
        by: 'meta',
        notes: ['extract.unknown-item:warning:item'],
      },
    ],
    [
      'an unknown item label without metadata cannot be read',
      input('総務課', { itemText: '防災のこと' }),
      { notes: ['extract.unknown-item:error:item'] },
    ],
    [
      'no plan and no metadata cannot be read',
      input('総務課', { plan: undefined }),
      { notes: ['extract.unknown-item:error:item'] },
    ],
    [
      '`②` printed for `(2)` still resolves',
      input('町民生活課', { itemText: '② 町民の参画機会の拡充 ② 町民のまちづくりへの参画機会の拡充' }),
      { code: 'I-2-2-2', department: '町民生活課', by: 'labels', notes: [] },
    ],
    [
      '全課【総務課】 is the coordinator 総務課',
      input('全課【総務課】', { itemText: '① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施' }),
      { code: 'I-1-1-1', department: '総務課', by: 'labels', notes: [] },
    ],
    [
      'a contributor to a 全課 item',
      input('保健福祉課（全課【総務課】）', { itemText: '④ 計画的な行政運営 (1) 各個別計画の進行管理' }),
      { code: 'II-1-4-1', department: '保健福祉課', by: 'labels', notes: [] },
    ],
    [
      'several departments without metadata cannot be read',
      input('総務課 保健福祉課'),
      { notes: ['extract.ambiguous-department:error:department'] },
    ],
    [
      'several departments: the metadata tells whose sheet it is',
      input('総務課 保健福祉課', { meta: meta() }),
      {
        code: 'I-2-1-3',
        department: '総務課',
        seq: 2,
        by: 'meta',
        notes: ['extract.ambiguous-department:warning:department'],
      },
    ],
    [
      'a department not in the plan is kept, with a warning',
      input('防災課'),
      {
        code: 'I-2-1-3',
        department: '防災課',
        by: 'labels',
        notes: ['extract.unknown-department:warning:department'],
      },
    ],
    [
      'a department not in the plan gives way to the metadata',
      input('防災課', { meta: meta() }),
      {
        code: 'I-2-1-3',
        department: '総務課',
        seq: 2,
        by: 'meta',
        notes: ['extract.unknown-department:warning:department'],
      },
    ],
  ])('%s', (_name, i, expected) => {
    expect(outcome(i)).toEqual(expected);
  });

  it.each<[string, Partial<IdentityInput>, number | undefined, string[]]>([
    ['the year label', { yearLabel: 2020 }, 2020, []],
    [
      'the metadata year without a label',
      { yearLabel: undefined, meta: meta({ fiscalYear: 2021 }) },
      2021,
      [],
    ],
    ['the expected year without label or metadata', { yearLabel: undefined, fiscalYear: 2020 }, 2020, []],
    [
      'a label that differs from the expected year',
      { yearLabel: 2019, fiscalYear: 2020 },
      2019,
      ['extract.fiscal-year-mismatch'],
    ],
    ['no year at all', { yearLabel: undefined }, undefined, ['extract.unknown-fiscal-year']],
  ])('takes the fiscal year from %s', (_name, rest, fiscalYear, notes) => {
    const r = identifyEntry(input('総務課', rest));
    expect([r.ok ? r.fiscalYear : undefined, r.notes.map((n) => n.code)]).toEqual([fiscalYear, notes]);
  });

  describe('two items that print the same 取組項目 label (the same ① and (1) under different 推進項目)', () => {
    const twin = (code: string, promotion: number) => ({
      number: promotion,
      title: promotion === 1 ? '情報' : '財政',
      groups: [
        {
          number: 1,
          title: '推進体制',
          items: [
            {
              code,
              number: 1,
              title: '進行管理',
              assignment: { kind: 'departments' as const, departments: ['総務課'] },
            },
          ],
        },
      ],
    });
    const twins = {
      departments: ['総務課'],
      basics: [{ number: 1, title: '協働', promotions: [twin('I-1-1-1', 1), twin('I-2-1-1', 2)] }],
    };
    const same = (rest: Partial<IdentityInput>) =>
      outcome(input('総務課', { plan: twins, itemText: '① 推進体制 (1) 進行管理', ...rest }));

    it.each<[string, Partial<IdentityInput>, Outcome]>([
      [
        'the metadata tells them apart: the second reads as itself',
        { meta: meta({ code: 'I-2-1-1', seq: 1 }) },
        { code: 'I-2-1-1', department: '総務課', seq: 1, by: 'meta', notes: [] },
      ],
      [
        'the metadata of the first reads as the first',
        { meta: meta({ code: 'I-1-1-1', seq: 1 }) },
        { code: 'I-1-1-1', department: '総務課', seq: 1, by: 'meta', notes: [] },
      ],
    ])('%s', (_name, rest, expected) => {
      expect(same(rest)).toEqual(expected);
    });
  });

  it('says in the reason which label could not be matched', () => {
    const r = identifyEntry(
      input('総務課', {
        plan: undefined,
        itemText: '① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施',
      }),
    );
    expect(r.ok ? '' : r.reason).toBe(
      '取組項目「① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施」を照らし合わせる体系がなく、シートの識別情報もないため、読めませんでした。体系のシートを含めるか、体系を指定して読み直してください。',
    );
  });
});
