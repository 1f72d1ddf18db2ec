import { describe, expect, it } from 'vitest';
import { boundedMemo } from './boundedMemo';

describe('boundedMemo', () => {
  it('computes a key once, undefined results included, and starts over past its limit', () => {
    const computed: string[] = [];
    const memo = boundedMemo((key) => {
      computed.push(key);
      return key === 'none' ? undefined : key.length;
    }, 2);
    expect([memo('ab'), memo('ab'), memo('none'), memo('none')]).toEqual([2, 2, undefined, undefined]);
    expect(computed).toEqual(['ab', 'none']);
    memo('abc'); // a third key: the memo is cleared first
    memo('ab');
    expect(computed).toEqual(['ab', 'none', 'abc', 'ab']);
  });
});
