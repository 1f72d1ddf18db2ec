import { deflateSync, inflateSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nativeInflater, useNativeInflater } from './nativeInflate';

afterEach(() => {
  vi.unstubAllGlobals();
  useNativeInflater('platform');
});

/** fflate's one-shot answer for a part of declared size `limit` (as zipPackage's inflateSmall reads it). */
function fflateAnswer(data: Uint8Array, limit: number): Uint8Array | 'over' | 'bad' {
  try {
    const out = inflateSync(data, { out: new Uint8Array(limit + 1) });
    return out.length > limit ? 'over' : out;
  } catch (error) {
    return error instanceof RangeError ? 'over' : 'bad';
  }
}

/** An answer compared whole and fast (toEqual walks a typed array element by element). */
const shown = (answer: Uint8Array | 'over' | 'bad'): string =>
  typeof answer === 'string' ? answer : `bytes ${Buffer.from(answer).toString('base64')}`;

describe('nativeInflater (Node’s zlib)', () => {
  const text = strToU8('進捗状況'.repeat(5000));
  const deflated = deflateSync(text);
  const cases: [string, Uint8Array, number][] = [
    ['a whole part', deflated, text.length],
    ['a part larger than declared', deflated, 1000],
    ['a part exactly as declared', deflated, text.length],
    ['truncated data', deflated.subarray(0, deflated.length - 20), text.length],
    ['data that is not DEFLATE', Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 100],
    ['bytes after the end of the stream', Uint8Array.from([...deflated, 1, 2, 3]), text.length],
    ['an empty part, declared empty', deflateSync(new Uint8Array(0)), 0],
    ['something where nothing is declared', deflated, 0],
  ];

  it.each(cases)('answers as fflate does: %s', (_name, data, limit) => {
    const native = nativeInflater();
    expect(native).toBeDefined();
    expect(shown(native!(data, limit))).toBe(shown(fflateAnswer(data, limit)));
  });

  it('keeps nothing past the limit: a bomb stops a chunk after it', () => {
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024));
    expect(nativeInflater()!(bomb, 1024)).toBe('over');
  });

  it('is absent where the platform has no Node (the pane and its worker): fflate inflates there', () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    useNativeInflater('platform');
    expect(nativeInflater()).toBeUndefined();
  });
});
