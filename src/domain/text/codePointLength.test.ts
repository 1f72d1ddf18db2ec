import { describe, expect, it } from 'vitest';
import { codePointLength } from './codePointLength';

describe('codePointLength', () => {
  it.each(['', 'abc', '目指す姿', '𠮷野家', 'a\uD800b', '\uDC00', '𠮷\uD842', 'ｱｲ\r\n'])(
    'counts %j as [...text].length does',
    (text) => expect(codePointLength(text)).toBe([...text].length),
  );
});
