import { describe, expect, it } from 'vitest';
import { readDepartmentCell, type DepartmentReading } from './readDepartmentCell';

describe('readDepartmentCell', () => {
  it.each<[string, string, DepartmentReading]>([
    ['one department', '保健福祉課', { kind: 'one', department: '保健福祉課' }],
    ['surrounding full-width spaces', '\u3000総務課 ', { kind: 'one', department: '総務課' }],
    ['全課【総務課】 means the coordinator', '全課【総務課】', { kind: 'one', department: '総務課' }],
    [
      'a contributor to a 全課 item',
      '保健福祉課（全課【総務課】）',
      { kind: 'one', department: '保健福祉課' },
    ],
    [
      'a contributor with ASCII parens',
      '教育振興課 (全課【総務課】)',
      { kind: 'one', department: '教育振興課' },
    ],
    [
      'several departments are ambiguous',
      '総務課 保健福祉課',
      { kind: 'ambiguous', departments: ['総務課', '保健福祉課'] },
    ],
    ['全課 without its coordinator is ambiguous', '全課', { kind: 'ambiguous', departments: [] }],
    ['an empty cell', '', { kind: 'empty' }],
  ])('%s', (_name, text, reading) => {
    expect(readDepartmentCell(text)).toEqual(reading);
  });
});
