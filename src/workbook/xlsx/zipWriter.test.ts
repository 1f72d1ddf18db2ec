import { deflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, portableCodec, ZipWriter, type ZipCodec } from './zipWriter';

const decoder = new TextDecoder();

/** Stored-size-agnostic: a codec at another level must give a zip every reader takes just the same. */
const fastest: ZipCodec = { deflateRaw: (data) => deflateSync(data, { level: 1 }), crc32 };

function zipOf(codec: ZipCodec, parts: readonly (readonly [string, string])[]): Uint8Array {
  const zip = new ZipWriter(codec);
  for (const [name, text] of parts) zip.add(name, text);
  return zip.finish();
}

describe('ZipWriter', () => {
  const parts = Array.from(
    { length: 60 },
    (_, i) => [`xl/worksheets/sheet${i + 1}.xml`, `<x>${'報告'.repeat(i * 13)}${i}</x>`] as const,
  );

  it.each([
    ['synchronous', portableCodec],
    ['level 1', fastest],
  ])('writes every part, in the order added, readable by another unzipper (%s)', (_, codec) => {
    const bytes = zipOf(codec, [...parts, ['日本語の名前.xml', '<a/>']]);
    const read = unzipSync(bytes);
    expect(Object.keys(read)).toEqual([...parts.map(([name]) => name), '日本語の名前.xml']);
    for (const [name, text] of parts) expect(decoder.decode(read[name])).toBe(text);
  });

  it('writes the same bytes for the same parts (no time stamps)', () => {
    expect(zipOf(portableCodec, parts)).toEqual(zipOf(portableCodec, parts));
  });

  it('computes the CRC-32 of the zip format', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
