import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, portableCodec, ZipWriter, type ZipCodec } from './zipWriter';

const decoder = new TextDecoder();

/** A codec whose compression finishes out of order (later parts first), as a thread pool may. */
const shuffledAsync: ZipCodec = {
  ...portableCodec,
  deflateRawAsync: (data) =>
    new Promise((resolve) => setTimeout(() => resolve(portableCodec.deflateRaw(data)), data.length % 7)),
};

async function zipOf(codec: ZipCodec, parts: readonly (readonly [string, string])[]): Promise<Uint8Array> {
  const zip = new ZipWriter(codec);
  for (const [name, text] of parts) await zip.add(name, text);
  return zip.finish();
}

describe('ZipWriter', () => {
  const parts = Array.from(
    { length: 60 },
    (_, i) => [`xl/worksheets/sheet${i + 1}.xml`, `<x>${'報告'.repeat(i * 13)}${i}</x>`] as const,
  );

  it.each([
    ['synchronous', portableCodec],
    ['asynchronous, finishing out of order', shuffledAsync],
  ])('writes every part, in the order added, readable by another unzipper (%s)', async (_, codec) => {
    const bytes = await zipOf(codec, [...parts, ['日本語の名前.xml', '<a/>']]);
    const read = unzipSync(bytes);
    expect(Object.keys(read)).toEqual([...parts.map(([name]) => name), '日本語の名前.xml']);
    for (const [name, text] of parts) expect(decoder.decode(read[name])).toBe(text);
  });

  it('writes the same bytes for the same parts (no time stamps)', async () => {
    expect(await zipOf(portableCodec, parts)).toEqual(await zipOf(shuffledAsync, parts));
  });

  it('computes the CRC-32 of the zip format', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
