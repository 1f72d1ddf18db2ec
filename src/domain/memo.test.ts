import { describe, expect, it } from 'vitest';
import { boundedMemo, perObject } from './memo';

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

describe('perObject', () => {
  it('computes once per object (undefined results included) and hands out the same result', () => {
    const computed: object[] = [];
    const keysOf = perObject((o: { readonly name?: string }) => {
      computed.push(o);
      return o.name === undefined ? undefined : [o.name];
    });
    const [a, b, none] = [{ name: 'a' }, { name: 'a' }, {}];
    expect(keysOf(a)).toBe(keysOf(a));
    expect(keysOf(b)).not.toBe(keysOf(a));
    expect([keysOf(none), keysOf(none)]).toEqual([undefined, undefined]);
    expect(computed).toEqual([a, b, none]);
  });
});
