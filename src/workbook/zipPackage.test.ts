import { deflateSync, strToU8, Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { READ_LIMITS, readPackage, type ReadLimits } from './readLimits';
import { readDirectory, type ZipEntry } from './zipPackage';
import { ZipWriter } from './xlsx/zipWriter';

const WORKBOOK = 'xl/workbook.xml';
const RELS = 'xl/_rels/workbook.xml.rels';

/** Every entry fflate's streaming Unzip finds, with its bytes or the error it reports. */
function streamingUnzip(bytes: Uint8Array): Map<string, Uint8Array | Error> {
  const found = new Map<string, Uint8Array | Error>();
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) return found.set(file.name, error);
      chunks.push(data);
      if (final) found.set(file.name, Uint8Array.from(chunks.flatMap((c) => [...c])));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return found;
}

const directory = (bytes: Uint8Array): ZipEntry[] => {
  const entries = readDirectory(bytes, 0xffff);
  if (entries === undefined || 'tooMany' in entries) throw new Error('not a zip');
  return entries;
};

describe('fflate’s streaming Unzip, which this reader does not use', () => {
  // A media part holding the data descriptor's signature, and an embedded workbook (a zip: local headers),
  // stored inside DEFLATE's stored blocks as a compressor does with bytes that do not compress.
  const media = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7) & 0xff);
  media.set([0x50, 0x4b, 0x07, 0x08], 1000);
  const embedded = zipSync({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') }, { level: 0 });
  const parts: Record<string, string | Uint8Array> = {
    [WORKBOOK]: '<workbook><sheets/></workbook>',
    [RELS]: '<Relationships/>',
    'xl/media/image1.bin': media,
    'xl/embeddings/Microsoft_Excel_Worksheet.xlsx': embedded,
    'xl/styles.xml': '<styleSheet/>',
  };
  const write = async (): Promise<Uint8Array> => {
    // Suishin's own writer (fflate's Zip), as a master is written: every entry with a data descriptor.
    const writer = new ZipWriter({ deflateRaw: (data) => deflateSync(data, { level: 0 }) });
    for (const [name, data] of Object.entries(parts)) await writer.add(name, data);
    return writer.finish();
  };

  it('misreads a valid package written with data descriptors (as Suishin and LibreOffice write every entry)', async () => {
    const bytes = await write();
    expect(directory(bytes).every((e) => (e.flags & 8) === 8)).toBe(true);
    const streamed = streamingUnzip(bytes);
    // It ends the media part at the signature inside its data, and reports the valid part as broken…
    expect(streamed.get('xl/media/image1.bin')).toBeInstanceOf(Error);
    // …and takes the embedded workbook's own part for one of the package's, which has no such part.
    expect([...streamed.keys()]).toContain('xl/worksheets/sheet1.xml');
    expect(directory(bytes).map((e) => e.name)).not.toContain('xl/worksheets/sheet1.xml');
  });

  it('is read exactly by readPackage, from the central directory, as unzipSync reads it', async () => {
    const bytes = await write();
    const read = readPackage(bytes, READ_LIMITS, {
      first: [WORKBOOK, RELS],
      want: () => Object.keys(parts),
    });
    expect(read.kind).toBe('read');
    if (read.kind !== 'read') return;
    expect(read.names).toEqual(Object.keys(parts));
    const expected = Object.entries(parts).map(([n, d]) => [n, typeof d === 'string' ? strToU8(d) : d]);
    expect([...read.parts]).toEqual(expected);
    expect(Object.entries(unzipSync(bytes))).toEqual(expected);
  });
});

describe('readDirectory', () => {
  it('reads the entries unzipSync reads: names (UTF-8 or not), sizes, methods, in zip order', async () => {
    const writer = new ZipWriter();
    await writer.add(WORKBOOK, '<workbook/>');
    await writer.add('xl/media/画像.png', new Uint8Array(300));
    const ours = await writer.finish();
    // fflate's zipSync flags no name as UTF-8 when it is ASCII; a Latin-1 name stays Latin-1.
    const latin1 = zipSync({ 'a.xml': strToU8('<a/>'), 'b/': new Uint8Array(0) });
    for (const bytes of [ours, latin1]) {
      const listed: object[] = [];
      unzipSync(bytes, {
        filter: (file) => {
          listed.push(file);
          return false;
        },
      });
      expect(
        directory(bytes).map((e) => ({
          name: e.name,
          size: e.compressed,
          originalSize: e.uncompressed,
          compression: e.method,
        })),
      ).toEqual(listed);
    }
    expect(directory(ours).map((e) => e.name)).toEqual([WORKBOOK, 'xl/media/画像.png']);
  });

  it('refuses bytes that are not a zip, and counts entries without reading them past the maximum', () => {
    expect(readDirectory(new Uint8Array(100), 10)).toBeUndefined();
    const bytes = zipSync({ a: strToU8('a'), b: strToU8('b'), c: strToU8('c') });
    expect(readDirectory(bytes, 2)).toEqual({ tooMany: 3 });
  });
});

/** A package of `files`, with the DEFLATE data of `broken` made invalid (a block of type 3). */
function zip(files: Record<string, string>, broken?: string): Uint8Array {
  const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
  const entry = directory(bytes).find((e) => e.name === broken);
  if (entry) {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const at = entry.localOffset;
    bytes[at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)] = 0x07;
  }
  return bytes;
}

const worksheet = (cells: number): string =>
  `<worksheet><sheetData><row r="1">${'<c r="A1" t="n"><v>1</v></c>'.repeat(cells)}</row></sheetData></worksheet>`;

describe('readPackage: one pass, each part inflated once', () => {
  const book = {
    [WORKBOOK]: '<workbook/>',
    [RELS]: '<Relationships/>',
    'xl/worksheets/sheet1.xml': worksheet(3),
    'xl/worksheets/sheet2.xml': worksheet(4),
    'xl/worksheets/sheet3.xml': worksheet(5),
  };

  it('keeps the first parts and the parts wanted, chosen from the first, and no other', () => {
    let seen: [readonly string[], string[]] | undefined;
    const read = readPackage(zip(book), READ_LIMITS, {
      first: [WORKBOOK, RELS],
      want: (names, first) => {
        seen = [names, [...first.keys()]];
        return ['xl/worksheets/sheet2.xml'];
      },
    });
    expect(seen).toEqual([Object.keys(book), [WORKBOOK, RELS]]);
    expect(read.kind === 'read' && [...read.parts.keys()].sort()).toEqual(
      [WORKBOOK, RELS, 'xl/worksheets/sheet2.xml'].sort(),
    );
  });

  it('still scans the parts it does not keep: a DTD in any part refuses the package', () => {
    const bytes = zip({ ...book, 'xl/drawings/drawing1.xml': '<!DOCTYPE d><d/>' });
    expect(readPackage(bytes, READ_LIMITS, { first: [WORKBOOK], want: () => [] })).toEqual({
      kind: 'breach',
      breach: { kind: 'dtd', entry: 'xl/drawings/drawing1.xml' },
    });
  });

  it('refuses a kept part it cannot inflate as unreadable, after a breach anywhere and only if kept', () => {
    const broken = zip(book, 'xl/worksheets/sheet1.xml');
    const keepSheet1 = { first: [WORKBOOK], want: () => ['xl/worksheets/sheet1.xml'] };
    expect(readPackage(broken, READ_LIMITS, keepSheet1)).toEqual({ kind: 'unreadable' });
    expect(readPackage(broken, READ_LIMITS, { first: [WORKBOOK], want: () => [] }).kind).toBe('read');
    const brokenAndTooMany = zip(
      { ...book, 'xl/worksheets/sheet4.xml': worksheet(10) },
      'xl/worksheets/sheet1.xml',
    );
    expect(readPackage(brokenAndTooMany, { ...READ_LIMITS, maxCells: 10 }, keepSheet1)).toEqual({
      kind: 'breach',
      breach: { kind: 'cells', count: 19 },
    });
    expect(readPackage(zip(book, WORKBOOK), READ_LIMITS, { first: [WORKBOOK] })).toEqual({
      kind: 'unreadable',
    });
  });

  /** Text that barely compresses, so that workbook.xml inflates over several steps. */
  const noisy = (length: number): string => {
    let seed = 11;
    return Array.from({ length }, () =>
      String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 2000)),
    ).join('');
  };
  const big = `<workbook>${Array.from({ length: 8 }, () => `<x>${noisy(9000)}</x>`).join('')}</workbook>`;

  it.each<[string, Record<string, string>, Partial<ReadLimits>]>([
    [
      'a DTD in a part before workbook.xml, a run too long in workbook.xml',
      { 'xl/styles.xml': '<!DOCTYPE s><s/>', [WORKBOOK]: `<w>${'a'.repeat(2000)}</w>` },
      { maxTextBytes: 1000 },
    ],
    [
      'the XML total crossed inside workbook.xml, inflated over several steps',
      { 'xl/styles.xml': '<s/>'.repeat(500), [WORKBOOK]: big, [RELS]: '<r/>' },
      { maxXmlBytes: 100_000 },
    ],
    [
      'the XML total crossed inside workbook.xml in one step',
      { 'xl/styles.xml': '<s/>'.repeat(500), [WORKBOOK]: '<w/>'.repeat(600) },
      { maxXmlBytes: 3000 },
    ],
    [
      'a run too long in workbook.xml, then a DTD',
      { [WORKBOOK]: big, 'xl/styles.xml': '<!DOCTYPE s><s/>' },
      { maxTextBytes: 20_000 },
    ],
    ['the cells of the sheets after workbook.xml', { ...book, [WORKBOOK]: big }, { maxCells: 8 }],
  ])(
    'reports the breach checkPackage reports when workbook.xml is read ahead: %s',
    (_name, files, limits) => {
      const bytes = zip(files);
      const under = { ...READ_LIMITS, ...limits };
      const ahead = readPackage(bytes, under, { first: [WORKBOOK, RELS], want: () => [] });
      const inOrder = readPackage(bytes, under);
      expect(inOrder.kind).toBe('breach');
      expect(ahead).toEqual(inOrder);
    },
  );
});
