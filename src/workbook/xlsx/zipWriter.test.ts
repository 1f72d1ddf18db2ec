import { deflateSync, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compressionStreamCodec } from './compressionStreamCodec';
import { ZipWriter, type ZipCodec } from './zipWriter';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Another level through the codec path: every reader must take its zip just the same. */
const level1: ZipCodec = { deflateRaw: (data) => deflateSync(data, { level: 1 }) };

async function zipOf(
  codec: ZipCodec | undefined,
  parts: readonly (readonly [string, string])[],
): Promise<Uint8Array> {
  const zip = new ZipWriter(codec);
  for (const [name, text] of parts) await zip.add(name, text);
  return zip.finish();
}

interface DirectoryEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
}

/** The central directory's records, read from the end record as any unzipper starts. */
function centralDirectory(bytes: Uint8Array): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
    });
    at += 46 + skip;
  }
  return entries;
}

const codecs = [
  ['fflate DEFLATE (no codec)', undefined],
  ['a codec at level 1', level1],
  ['CompressionStream, asynchronous', compressionStreamCodec()],
] as const;

describe('ZipWriter', () => {
  afterEach(() => vi.useRealTimers());

  const parts = Array.from(
    { length: 60 },
    (_, i) => [`xl/worksheets/sheet${i + 1}.xml`, `<x>${'報告'.repeat(i * 13)}${i}</x>`] as const,
  );

  it.each(codecs)(
    'writes every part, in the order added, readable by another unzipper (%s)',
    async (_, codec) => {
      const bytes = await zipOf(codec, [...parts, ['日本語の名前.xml', '<a/>']]);
      const read = unzipSync(bytes);
      expect(Object.keys(read)).toEqual([...parts.map(([name]) => name), '日本語の名前.xml']);
      for (const [name, text] of parts) expect(decoder.decode(read[name])).toBe(text);
      expect(decoder.decode(read['日本語の名前.xml'])).toBe('<a/>');
    },
  );

  it.each(codecs)('deflates every part and flags a non-ASCII name as UTF-8 (%s)', async (_, codec) => {
    const entries = centralDirectory(
      await zipOf(codec, [
        ['a.xml', '<a/>'],
        ['体系.xml', '<b/>'],
      ]),
    );
    expect(entries.map((e) => [e.name, e.method, e.flags & 0x0800])).toEqual([
      ['a.xml', 8, 0],
      ['体系.xml', 8, 0x0800],
    ]);
  });

  it.each(codecs)('writes the CRC-32 of each part as the zip format defines it (%s)', async (_, codec) => {
    const entries = centralDirectory(
      await zipOf(codec, [
        ['check.txt', '123456789'],
        ['empty.txt', ''],
      ]),
    );
    expect(entries.map((e) => e.crc)).toEqual([0xcbf43926, 0]);
  });

  it.each(codecs)(
    'writes the same bytes at any time of day, stamped 1980-01-01 00:00 (%s)',
    async (_, codec) => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2025-04-20T09:14:40Z'));
      const morning = await zipOf(codec, parts);
      vi.setSystemTime(new Date('2026-12-31T23:59:58Z'));
      const later = await zipOf(codec, parts);
      expect(later).toEqual(morning);
      const dosDate = (0 << 9) | (1 << 5) | 1;
      for (const e of centralDirectory(morning)) expect([e.time, e.date]).toEqual([0, dosDate]);
    },
  );

  it('takes bytes as they are, and text as UTF-8', async () => {
    const zip = new ZipWriter();
    await zip.add('raw.bin', new Uint8Array([0, 255, 1]));
    await zip.add('text.xml', '<t>𠮷</t>');
    const read = unzipSync(await zip.finish());
    expect(read['raw.bin']).toEqual(new Uint8Array([0, 255, 1]));
    expect(read['text.xml']).toEqual(encoder.encode('<t>𠮷</t>'));
  });

  it('appends the parts of an asynchronous codec in the order added, whichever finishes first', async () => {
    const waiting: (() => void)[] = [];
    const slow: ZipCodec = {
      deflateRaw: (data) =>
        new Promise((resolve) => waiting.push(() => resolve(deflateSync(data, { level: 1 })))),
    };
    const zip = new ZipWriter(slow);
    const names = Array.from({ length: 5 }, (_, i) => `p${i}.xml`);
    for (const name of names) await zip.add(name, `<${name}/>`);
    expect(waiting).toHaveLength(5); // all five compressing at once
    for (const release of [...waiting].reverse()) release(); // the last part done first
    const read = unzipSync(await zip.finish());
    expect(Object.keys(read)).toEqual(names);
    for (const name of names) expect(decoder.decode(read[name])).toBe(`<${name}/>`);
  });

  it('waits while eight parts are compressing, so only a few parts are held at once', async () => {
    const waiting: (() => void)[] = [];
    const slow: ZipCodec = {
      deflateRaw: (data) =>
        new Promise((resolve) => waiting.push(() => resolve(deflateSync(data, { level: 1 })))),
    };
    const zip = new ZipWriter(slow);
    for (let i = 0; i < 8; i++) await zip.add(`p${i}.xml`, '<x/>');
    let ninth = false;
    const adding = zip.add('p8.xml', '<x/>').then(() => (ninth = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ninth).toBe(false);
    waiting[0]!();
    await adding;
    expect(ninth).toBe(true);
    for (const release of waiting.slice(1)) release();
    expect(Object.keys(unzipSync(await zip.finish()))).toHaveLength(9);
  });

  it("reports a codec's failure when the archive is finished", async () => {
    const zip = new ZipWriter({ deflateRaw: () => Promise.reject(new Error('deflate failed')) });
    await zip.add('a.xml', '<a/>');
    await expect(zip.finish()).rejects.toThrow('deflate failed');
  });

  it('refuses a 65,536th part, which a zip without ZIP64 cannot count', async () => {
    const nothing = deflateSync(new Uint8Array()); // deflated once: compressing is not what this case is about
    const zip = new ZipWriter({ deflateRaw: () => nothing });
    for (let i = 0; i < 0xffff; i++) await zip.add(`p${i}`, '');
    await expect(zip.add('one-too-many', '')).rejects.toThrow(
      'too many parts for a zip without ZIP64: 65536',
    );
  });
});
