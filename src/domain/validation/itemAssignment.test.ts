import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import { defaultContext } from './context';
import { checkItemAssignment } from './itemAssignment';
import { testEntry } from '../../../tests/helpers/testEntry';

describe('checkItemAssignment', () => {
  const ctx = defaultContext('year-end', r2Sample().plan);
  const run = (code: string, department: string) =>
    checkItemAssignment(testEntry({}, { code, department }), ctx).map((f) => f.code);
  it.each([
    ['an assigned department', 'I-2-1-1', '建設水道課', []],
    ['a department contributing to a 全課 item', 'I-1-1-1', '教育振興課', []],
    ['the coordinator of a 全課 item', 'I-1-1-1', '総務課', []],
    ['a department not among the 実践課', 'I-2-1-1', '総務課', ['entry.department-not-assigned']],
    [
      'a department unknown to the plan on a 全課 item',
      'I-1-1-1',
      '議会事務局',
      ['entry.department-not-assigned'],
    ],
    ['an item not in the 体系', 'I-9-9-9', '総務課', ['entry.unknown-item']],
  ])('%s', (_name, code, department, expected) => expect(run(code, department)).toEqual(expected));

  it('is skipped without a plan', () => {
    expect(checkItemAssignment(testEntry({}, { code: 'I-9-9-9' }), defaultContext('year-end'))).toEqual([]);
  });
});
