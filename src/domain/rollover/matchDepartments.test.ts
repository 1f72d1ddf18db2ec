import { describe, expect, it } from 'vitest';
import { reorganise } from '../../../tests/helpers/reorganisedPlan';
import type { Item, Plan } from '../plan/types';
import { r2Sample } from '../sample/r2';
import { departmentRenamer, matchDepartments } from './matchDepartments';
import { matchItems } from './matchItems';

const R2 = r2Sample().plan;

const reorganised = (gone: string, renameOn: (department: string, item: Item) => readonly string[]): Plan =>
  reorganise(R2, gone, renameOn);

const match = (next: Plan, manual?: ReadonlyMap<string, string | null>) =>
  matchDepartments(R2, next, matchItems(R2, next), manual);

describe('matchDepartments (a 機構改革 between two years)', () => {
  it('finds nothing to match when every department keeps its name', () => {
    expect(match(R2)).toEqual([]);
  });

  it('infers a department renamed on all its items, and renames its sheets', () => {
    const next = reorganised('企画商工観光課', (d) => [d === '企画商工観光課' ? '産業観光課' : d]);
    const pairs = match(next);
    expect(pairs).toEqual([{ previous: '企画商工観光課', next: '産業観光課', kind: 'inferred' }]);
    const renamed = departmentRenamer(pairs);
    expect([renamed('企画商工観光課', 'I-2-1-2'), renamed('総務課', 'I-2-1-2')]).toEqual([
      '産業観光課',
      '総務課',
    ]);
  });

  it('splits a department whose items each went to one new department, item by item', () => {
    // 企画商工観光課 has two items: each goes to another new department.
    const next = reorganised('企画商工観光課', (d, item) =>
      d === '企画商工観光課' ? [item.code === 'I-2-1-2' ? '商工観光課' : 'まちづくり課'] : [d],
    );
    const [pair] = match(next);
    expect(pair).toMatchObject({ previous: '企画商工観光課', next: null, kind: 'split' });
    expect([...pair!.byItem!]).toEqual([
      ['I-2-1-2', '商工観光課'],
      ['II-1-1-1', 'まちづくり課'],
    ]);
    const renamed = departmentRenamer([pair!]);
    expect([renamed('企画商工観光課', 'I-2-1-2'), renamed('企画商工観光課', 'II-1-1-1')]).toEqual([
      '商工観光課',
      'まちづくり課',
    ]);
    // …and the 対応表 decides otherwise when 総務課 says so.
    expect(match(next, new Map([['企画商工観光課', 'まちづくり課']]))).toEqual([
      { previous: '企画商工観光課', next: 'まちづくり課', kind: 'mapped' },
    ]);
  });

  it('leaves a department unmatched when its items name two new departments alike (either could be meant)', () => {
    const next = reorganised('企画商工観光課', (d) =>
      d === '企画商工観光課' ? ['商工観光課', 'まちづくり課'] : [d],
    );
    expect(match(next)).toEqual([{ previous: '企画商工観光課', next: null, kind: 'none' }]);
  });

  it('does not take a department that appeared beside the old one on its items as its new name', () => {
    // 企画商工観光課 is gone, but the new 地域振興課 sits only on items of departments that stay.
    const next = reorganised('企画商工観光課', (d) =>
      d === '企画商工観光課' ? [] : d === '建設水道課' ? ['建設水道課', '地域振興課'] : [d],
    );
    expect(match(next)).toEqual([{ previous: '企画商工観光課', next: null, kind: 'none' }]);
  });

  it('keeps 課名変更（推定） when the 対応表 passed back names the same department', () => {
    const next = reorganised('企画商工観光課', (d) => [d === '企画商工観光課' ? '産業観光課' : d]);
    expect(match(next, new Map([['企画商工観光課', '産業観光課']]))).toEqual([
      { previous: '企画商工観光課', next: '産業観光課', kind: 'inferred' },
    ]);
  });

  it('keeps a department the 対応表 says has no successor without one', () => {
    const next = reorganised('企画商工観光課', (d) => [d === '企画商工観光課' ? '産業観光課' : d]);
    expect(match(next, new Map([['企画商工観光課', null]]))).toEqual([
      { previous: '企画商工観光課', next: null, kind: 'none' },
    ]);
  });
});
