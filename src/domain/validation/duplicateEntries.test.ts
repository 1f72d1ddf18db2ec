import { describe, expect, it } from 'vitest';
import { checkDuplicateEntries } from './duplicateEntries';
import { testEntry } from '../../../tests/helpers/testEntry';

describe('checkDuplicateEntries', () => {
  it('accepts several sheets of one department for one item with different seq', () => {
    expect(
      checkDuplicateEntries([
        testEntry({}, { seq: 1 }),
        testEntry({}, { seq: 2 }),
        testEntry({}, { seq: 3 }),
      ]),
    ).toEqual([]);
  });
  it('accepts the same item for different departments', () => {
    expect(
      checkDuplicateEntries([
        testEntry({}, { department: '総務課' }),
        testEntry({}, { department: '町民生活課' }),
      ]),
    ).toEqual([]);
  });
  it('reports the second sheet with the same code, department and seq', () => {
    const findings = checkDuplicateEntries([testEntry(), testEntry({ vision: 'x' })]);
    expect(findings.map((f) => [f.code, f.severity, f.place.seq])).toEqual([['entry.duplicate', 'error', 1]]);
  });
});
