import { deflateSync, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNativeInflater } from './nativeInflate';
import { excelJsFactory } from './exceljs/excelJsFactory';
import {
  breachCode,
  checkPackage,
  checkReadLimits,
  describeBreach,
  inspectParts,
  READ_LIMITS,
  readPackage,
} from './readLimits';
import { readXlsxSheetList } from './xlsx/readXlsxSnapshot';
import { ZipWriter } from './xlsx/zipWriter';

const zip = async (files: Record<string, string | Uint8Array>): Promise<Uint8Array> =>
  zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]),
    ),
  );

/** Overwrite the uncompressed size `name` declares, in its local header and its central directory record. */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  const nameAt = (at: number) => encoded.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === encoded.length && nameAt(i + 30))
      view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(i + 28, true) === encoded.length && nameAt(i + 46))
      view.setUint32(i + 24, size, true);
  }
  return out;
}

/** A worksheet of `count` cells, written so that cells straddle every chunk boundary somewhere. */
const sheetOfCells = (count: number): string =>
  `<worksheet><cols><col min="1" max="1"/></cols><sheetData><row r="1">${Array.from({ length: count }, (_, i) => (i % 3 === 0 ? `<c r="A${i}"/>` : `<c r="A${i}" t="n"><v>${i}</v></c>`)).join('')}</row></sheetData><conditionalFormatting><cfRule/></conditionalFormatting></worksheet>`;

describe('checkReadLimits (the central directory)', () => {
  it('accepts a normal workbook', async () => {
    const { r2Sample } = await import('../domain/sample/r2');
    const { buildMasterTemplate } = await import('../domain/template/buildMasterTemplate');
    const wb = await excelJsFactory.create(
      buildMasterTemplate({ plan: r2Sample().plan, fiscalYear: 2020, title: 't' }),
    );
    const bytes = await wb.toBuffer();
    expect(checkReadLimits(bytes)).toBeUndefined();
    expect(await inspectParts(bytes)).toBeUndefined();
  });

  it('stops a zip bomb: a small part that expands enormously', async () => {
    const bytes = await zip({
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
    });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const breach = checkReadLimits(bytes);
    expect(breach).toMatchObject({ kind: 'ratio', entry: 'xl/worksheets/sheet1.xml' });
    expect(describeBreach(breach!)).toContain('圧縮率');
  });

  it.each([
    ['the expanded total', { maxUncompressedBytes: 1000 }, 'uncompressed-size'],
    ['the number of parts', { maxZipEntries: 2 }, 'entries'],
    ['the file size', { maxFileBytes: 100 }, 'file-size'],
  ])('enforces %s', async (_name, override, kind) => {
    const bytes = await zip({ 'xl/workbook.xml': 'x'.repeat(600), a: 'y'.repeat(600), b: 'z' });
    expect(checkReadLimits(bytes, { ...READ_LIMITS, ...override })?.kind).toBe(kind);
  });

  it('enforces the number of worksheets', async () => {
    const sheets = Object.fromEntries(
      [1, 2, 3, 4].map((n) => [`xl/worksheets/sheet${n}.xml`, '<worksheet/>']),
    );
    const bytes = await zip({
      'xl/workbook.xml': '<workbook/>',
      ...sheets,
      'xl/worksheets/_rels/sheet1.xml.rels': '<r/>',
    });
    expect(checkReadLimits(bytes, { ...READ_LIMITS, maxSheets: 3 })).toEqual({ kind: 'sheets', count: 4 });
    expect(checkReadLimits(bytes, { ...READ_LIMITS, maxSheets: 4 })).toBeUndefined();
  });
});

describe.each([
  ['Node’s zlib', 'platform'],
  ['fflate alone', undefined],
] as const)('inspectParts (every part inflated, none held), by %s', (_how, inflater) => {
  beforeAll(() => useNativeInflater(inflater));
  afterAll(() => useNativeInflater('platform'));
  it('stops a part that expands past the size its header declares (a lying header hides a bomb from pass 1)', async () => {
    const honest = await zip({
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
    });
    const lying = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 1000);
    expect(checkReadLimits(lying)).toBeUndefined();
    expect(await inspectParts(lying)).toEqual({
      kind: 'size-mismatch',
      entry: 'xl/worksheets/sheet1.xml',
      declared: 1000,
    });
  });

  /** Text that barely compresses: its compressed size is close to its own (more than one inflate step). */
  const noisy = (length: number): string => {
    let seed = 7;
    return Array.from({ length }, () =>
      String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 2000)),
    ).join('');
  };

  it.each([
    ['in one step, Huffman-coded', 6, '<x/>'.repeat(5000)],
    ['in one step, in stored blocks (deflate level 0)', 0, '<x/>'.repeat(2000)],
    ['over several steps', 6, `<t>${noisy(120_000)}</t>`],
  ] as const)('stops a lying part inflated %s, and reads the honest one', async (_name, level, xml) => {
    const writer = new ZipWriter({ deflateRaw: (data) => deflateSync(data, { level }) });
    await writer.add('xl/workbook.xml', '<workbook/>');
    await writer.add('xl/worksheets/sheet1.xml', xml);
    const honest = await writer.finish();
    expect(await inspectParts(honest)).toBeUndefined();
    const lying = lieAboutSize(honest, 'xl/worksheets/sheet1.xml', 1000);
    expect(await inspectParts(lying)).toEqual({
      kind: 'size-mismatch',
      entry: 'xl/worksheets/sheet1.xml',
      declared: 1000,
    });
  });

  it.each([
    [
      'in a shared-strings part',
      'xl/sharedStrings.xml',
      '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/hostname">]><sst><si><t>&x;</t></si></sst>',
    ],
    [
      'as an entity declaration alone',
      'xl/worksheets/sheet1.xml',
      '<worksheet><!ENTITY a "aaaa"></worksheet>',
    ],
    ['in a relationships part', '_rels/.rels', '<!DOCTYPE Relationships><Relationships/>'],
    [
      'split across inflated chunks (16 KB)',
      'xl/styles.xml',
      `${' '.repeat(16 * 1024 - 4)}<!DOCTYPE styleSheet><styleSheet/>`,
    ],
    [
      'split across inflated chunks (64 KB)',
      'xl/styles.xml',
      `${' '.repeat(64 * 1024 - 7)}<!DOCTYPE styleSheet><styleSheet/>`,
    ],
  ])('refuses a DTD %s', async (_name, part, xml) => {
    const bytes = await zip({ 'xl/workbook.xml': '<workbook/>', [part]: xml });
    expect(await inspectParts(bytes)).toEqual({ kind: 'dtd', entry: part });
  });

  it.each([
    [
      'a run of text longer than maxTextBytes (one huge cell)',
      `<sst><si><t>${'あ'.repeat(400_000)}</t></si></sst>`,
      { kind: 'text-run', entry: 'xl/sharedStrings.xml' },
    ],
    [
      'a tag longer than maxTextBytes (a huge attribute)',
      `<sst><si><t a="${'x'.repeat(1_100_000)}">a</t></si></sst>`,
      { kind: 'text-run', entry: 'xl/sharedStrings.xml' },
    ],
  ])('stops %s', async (_name, xml, breach) => {
    const bytes = await zip({ 'xl/workbook.xml': '<workbook/>', 'xl/sharedStrings.xml': xml });
    const found = await inspectParts(bytes);
    expect(found).toMatchObject(breach);
    // Inflation stops once the run is over the limit: the run reported is past it, not necessarily whole.
    expect(found?.kind === 'text-run' && found.bytes).toBeGreaterThan(READ_LIMITS.maxTextBytes);
  });

  it('keeps a 40,000-character cell (longer than Excel allows, shorter than the limit)', async () => {
    const bytes = await zip({
      'xl/workbook.xml': '<workbook/>',
      'xl/sharedStrings.xml': `<sst><si><t>${'あ'.repeat(40_000)}</t></si></sst>`,
    });
    expect(await inspectParts(bytes)).toBeUndefined();
  });

  it('enforces the total of the XML parts', async () => {
    const bytes = await zip({
      'xl/workbook.xml': '<workbook/>',
      'xl/styles.xml': `<s>${'<x/>'.repeat(300)}</s>`,
      'xl/media/image1.png': 'p'.repeat(5000),
    });
    expect(await inspectParts(bytes, { ...READ_LIMITS, maxXmlBytes: 1000 })).toMatchObject({
      kind: 'xml-size',
    });
    expect(await inspectParts(bytes, { ...READ_LIMITS, maxXmlBytes: 2000 })).toBeUndefined();
  });

  it('ignores DTD-like bytes in media (only XML parts are XML)', async () => {
    const bytes = await zip({
      'xl/workbook.xml': '<workbook/>',
      'xl/media/image1.png': '<!DOCTYPE not xml>',
    });
    expect(await inspectParts(bytes)).toBeUndefined();
  });

  it('counts exactly the cells of the worksheets, across chunk boundaries (not <col>, <cfRule> or other parts)', async () => {
    const bytes = await zip({
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': sheetOfCells(60_000),
      'xl/worksheets/sheet2.xml': sheetOfCells(10),
      'xl/sharedStrings.xml': '<sst><c r="A1"/></sst>',
    });
    expect(await inspectParts(bytes, { ...READ_LIMITS, maxCells: 60_010 })).toBeUndefined();
    expect(await inspectParts(bytes, { ...READ_LIMITS, maxCells: 60_009 })).toEqual({
      kind: 'cells',
      count: 60_010,
    });
  });
});

describe('readPackage without pass 2 (the sheet list)', () => {
  it('holds workbook.xml to its declared size too: a lying header is refused, not read truncated', async () => {
    const workbook = `<workbook><sheets>${'<sheet name="s" sheetId="1" r:id="rId1"/>'.repeat(2000)}</sheets></workbook>`;
    const honest = await zip({
      'xl/workbook.xml': workbook,
      'xl/_rels/workbook.xml.rels': '<Relationships/>',
    });
    const lying = lieAboutSize(honest, 'xl/workbook.xml', 1000);
    const first = ['xl/workbook.xml'];
    expect(readPackage(honest, READ_LIMITS, { first, scan: false }).kind).toBe('read');
    expect(readPackage(lying, READ_LIMITS, { first, scan: false })).toEqual({
      kind: 'breach',
      breach: { kind: 'size-mismatch', entry: 'xl/workbook.xml', declared: 1000 },
    });
    const list = readXlsxSheetList(lying, '一覧.xlsx');
    expect(!list.ok && [list.error.code, list.error.message]).toEqual([
      'file.corrupt',
      expect.stringContaining('ファイルに記録された大きさ（1,000 バイト）を超えて展開されます'),
    ]);
  });
});

describe('open() refuses what the limits refuse, with a Japanese reason naming the file', () => {
  it.each([
    [
      'a zip bomb',
      async () =>
        zip({
          '[Content_Types].xml': '<Types/>',
          'xl/workbook.xml': '<workbook/>',
          'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
        }),
      'file.too-large',
      /^「爆弾\.xlsx」は大きすぎて.*圧縮率/,
    ],
    [
      'a zip bomb behind a lying header',
      async () =>
        lieAboutSize(
          await zip({
            '[Content_Types].xml': '<Types/>',
            'xl/workbook.xml': '<workbook/>',
            'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
          }),
          'xl/worksheets/sheet1.xml',
          1000,
        ),
      'file.corrupt',
      /^「爆弾\.xlsx」を Excel ブックとして読み込めませんでした。.*「xl\/worksheets\/sheet1\.xml」が、ファイルに記録された大きさ（1,000 バイト）を超えて展開されます/,
    ],
    [
      'an external entity',
      async () =>
        zip({
          '[Content_Types].xml': '<Types/>',
          'xl/workbook.xml':
            '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/hostname">]><workbook>&x;</workbook>',
        }),
      'file.corrupt',
      /DTD 宣言（<!DOCTYPE）があります/,
    ],
  ])('%s', async (_name, bytes, code, says) => {
    const opened = await excelJsFactory.open(await bytes(), '爆弾.xlsx');
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe(code);
    expect(opened.error.message).toMatch(says);
  });

  it('maps size breaches to file.too-large and crafted packages to file.corrupt', async () => {
    expect(breachCode({ kind: 'cells', count: 1 })).toBe('file.too-large');
    expect(breachCode({ kind: 'sheets', count: 1 })).toBe('file.too-large');
    expect(breachCode({ kind: 'dtd', entry: 'a' })).toBe('file.corrupt');
    expect(await checkPackage(new Uint8Array(10))).toBeUndefined();
  });

  it.each([
    [{ kind: 'sheets', count: 501 } as const, 'シートが 501 枚あります（上限 500 枚）'],
    [
      { kind: 'cells', count: 1_000_001 } as const,
      'シートのセルが 1,000,001 個以上あります（上限 1,000,000 個）',
    ],
    [
      { kind: 'file-size', bytes: 50 * 1024 * 1024 } as const,
      'ファイルの大きさが 50 MB あります（上限 30 MB）',
    ],
    [
      { kind: 'xml-size', bytes: 65 * 1024 * 1024 } as const,
      'ファイル内の XML が展開すると 65 MB を超えます（上限 64 MB）',
    ],
    [
      { kind: 'text-run', entry: 'xl/sharedStrings.xml', bytes: 150 * 1024 * 1024 } as const,
      '「xl/sharedStrings.xml」に、1 つで 150 MB を超える文字列があります（上限 1 MB。Excel の1セルは 32,767 文字まで）',
    ],
  ])('describes %o in Japanese with the limit', (breach, says) => {
    expect(describeBreach(breach)).toContain(says);
  });
});
