import { describe, expect, it } from 'vitest';
import type { Assignment } from '../plan/types';
import { formatDepartmentCell, parseDepartmentCell } from './departmentCell';

const ALL: Assignment = { kind: 'all', coordinator: '総務課' };
const SOME: Assignment = { kind: 'departments', departments: ['町民生活課', '建設水道課'] };

describe('formatDepartmentCell', () => {
  it.each([
    ['a named department shows only itself', SOME, '建設水道課', '建設水道課'],
    ['the coordinator of a 全課 item shows 全課【総務課】', ALL, '総務課', '全課【総務課】'],
    ['another department of a 全課 item shows its part', ALL, '保健福祉課', '保健福祉課（全課【総務課】）'],
  ])('%s', (_name, assignment, department, text) =>
    expect(formatDepartmentCell(assignment, department)).toBe(text),
  );
});

describe('parseDepartmentCell', () => {
  it.each([
    ['a department', '町民生活課', '町民生活課'],
    ['the coordinator', '全課【総務課】', '総務課'],
    ['a part of a 全課 item', '保健福祉課（全課【総務課】）', '保健福祉課'],
    ['half-width parens and spaces', ' 保健福祉課 (全課【総務課】) ', '保健福祉課'],
    ['full-width spaces fold', '教育\u3000振興課', '教育 振興課'],
  ])('%s', (_name, text, department) => expect(parseDepartmentCell(text)).toBe(department));

  it('round-trips every format', () => {
    for (const [a, d] of [
      [SOME, '町民生活課'],
      [ALL, '総務課'],
      [ALL, '教育振興課'],
    ] as const)
      expect(parseDepartmentCell(formatDepartmentCell(a, d))).toBe(d);
  });
});
