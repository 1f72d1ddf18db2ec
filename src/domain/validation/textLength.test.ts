import { describe, expect, it } from 'vitest';
import { defaultContext } from './context';
import { checkTextLength } from './textLength';
import { testEntry } from '../../../tests/helpers/testEntry';

describe('checkTextLength', () => {
  it('accepts text within the limit', () => {
    expect(checkTextLength(testEntry({ vision: 'あ'.repeat(600) }), defaultContext('plan'))).toEqual([]);
  });
  it('warns about text over the form limit, counting characters not UTF-16 units', () => {
    expect(checkTextLength(testEntry({ vision: '😀'.repeat(600) }), defaultContext('plan'))).toEqual([]);
    const findings = checkTextLength(testEntry({ vision: 'あ'.repeat(601) }), defaultContext('plan'));
    expect(findings.map((f) => [f.code, f.severity, f.place.field])).toEqual([
      ['entry.too-long', 'warning', 'vision'],
    ]);
  });
  it('takes a configured limit', () => {
    const ctx = { ...defaultContext('plan'), maxLength: { goal: 5 } };
    expect(checkTextLength(testEntry({ goal: '123456' }), ctx).map((f) => f.place.field)).toEqual(['goal']);
  });
});
