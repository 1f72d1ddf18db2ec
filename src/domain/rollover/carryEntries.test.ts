import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import type { Plan } from '../plan/types';
import { r2Sample } from '../sample/r2';
import { carryEntries } from './carryEntries';
import { matchItems } from './matchItems';
import { splitCompiled } from './splitCompiled';

const { plan } = r2Sample();
const entry = (code: string, department: string, fields: Record<string, string>, seq = 1): Entry => ({
  code,
  department,
  seq,
  fiscalYear: 2020,
  fields,
});
const carry = (entries: readonly Entry[], next: Plan = plan) =>
  carryEntries({
    entries,
    lastPlan: plan,
    lastForm: STANDARD_FORM,
    matching: matchItems(plan, next),
    nextPlan: next,
    nextForm: STANDARD_FORM,
    nextYear: 2021,
  });

describe('carryEntries', () => {
  it('starts next year from the carried fields only and keeps every carried and 参考 value as previous', () => {
    const r = carry([
      entry('II-1-2-1', '総務課', {
        vision: '姿',
        goal: '目標',
        actions: '取組',
        firstHalf: '前期',
        evaluation: '評価',
      }),
    ]);
    expect(r.starting).toEqual([
      {
        code: 'II-1-2-1',
        department: '総務課',
        seq: 1,
        fiscalYear: 2021,
        fields: { vision: '姿', goal: '目標', actions: '取組' },
      },
    ]);
    expect(r.previous[0]?.fiscalYear).toBe(2020);
    expect(r.previous[0]?.fields).toMatchObject({ firstHalf: '前期', evaluation: '評価', goal: '目標' });
    expect(r.leftBehind).toEqual([]);
  });

  it('splits a 全課 row merged under 【課名】 back into each department’s sheet', () => {
    const r = carry([
      entry('I-1-1-1', '総務課', {
        vision: '町の姿',
        actions: '【総務課】\n・サイトの更新\n【保健福祉課】\n・健康情報の掲載',
        achievement: '達成できた',
      }),
    ]);
    expect(r.starting.map((e) => [e.department, e.fields.actions])).toEqual([
      ['総務課', '・サイトの更新'],
      ['保健福祉課', '・健康情報の掲載'],
    ]);
    expect(r.starting[0]?.fields.vision).toBe('町の姿');
    expect(r.previous[1]?.fields.achievement).toBe('');
  });

  it('names an entry whose department no longer has the item, and one whose item was removed', () => {
    const next: Plan = {
      ...plan,
      basics: plan.basics.map((b) => ({
        ...b,
        promotions: b.promotions.map((p) => ({
          ...p,
          groups: p.groups.map((g) => ({
            ...g,
            items: g.items
              .filter((i) => i.code !== 'II-2-3-1')
              .map((i) =>
                i.code === 'II-2-2-1'
                  ? { ...i, assignment: { kind: 'departments' as const, departments: ['総務課'] } }
                  : i,
              ),
          })),
        })),
      })),
    };
    const r = carry(
      [entry('II-2-2-1', '保健福祉課', { goal: 'a' }), entry('II-2-3-1', '総務課', { goal: 'b' })],
      next,
    );
    expect(r.starting).toEqual([]);
    expect(r.leftBehind.map((l) => [l.entry.code, l.entry.department, l.reason, l.next])).toEqual([
      ['II-2-2-1', '保健福祉課', 'unassigned', 'II-2-2-1'],
      ['II-2-3-1', '総務課', 'removed', undefined],
    ]);
  });

  it('gives a form without 引継ぎ empty starting sheets and no 前年度 values', () => {
    const bare = { ...STANDARD_FORM, fields: STANDARD_FORM.fields.map(({ carry: _c, ...f }) => f) };
    const r = carryEntries({
      entries: [entry('II-1-2-1', '総務課', { goal: '目標' })],
      lastPlan: plan,
      lastForm: bare,
      matching: matchItems(plan, plan),
      nextPlan: plan,
      nextForm: bare,
      nextYear: 2021,
    });
    expect(r.starting.map((e) => e.fields)).toEqual([{}]);
    expect(r.previous).toEqual([]);
  });
});

describe('splitCompiled', () => {
  it('keeps text without headings, and a heading that names no department, with the coordinator', () => {
    const parts = splitCompiled(
      { goal: '・全体の目標\n【参考】\n・補足', actions: '・取組' },
      '総務課',
      ['総務課', '保健福祉課'],
      new Set(['goal', 'actions']),
    );
    expect([...parts]).toEqual([['総務課', { goal: '・全体の目標\n【参考】\n・補足', actions: '・取組' }]]);
  });

  it('splits at a heading that starts a line with the text after it, as the seed’s report writes them', () => {
    const parts = splitCompiled(
      {
        actions:
          '・総務課の取組\n【保健福祉課】 第2回子ども・子育て会議を開催\n続きの行\n【企画商工観光課】　観光協会と連携\n【参考】 補足',
      },
      '総務課',
      ['総務課', '保健福祉課', '企画商工観光課'],
      new Set(['actions']),
    );
    expect([...parts]).toEqual([
      ['総務課', { actions: '・総務課の取組' }],
      ['保健福祉課', { actions: '第2回子ども・子育て会議を開催\n続きの行' }],
      ['企画商工観光課', { actions: '観光協会と連携\n【参考】 補足' }],
    ]);
  });
});
