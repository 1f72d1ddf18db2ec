import { Inflate, inflateSync } from 'fflate';
import { XmlScan } from './partScan';

/**
 * Bounds on what a department file may make us read, checked on the raw bytes before any parser runs.
 * A department workbook of text is well under 1 MB; these limits leave a wide margin and stop zip bombs
 * (a small file that expands to gigabytes) and absurd files before they cost memory.
 *
 * Two passes, both before ExcelJS sees the file:
 * 1. checkReadLimits: the zip's central directory (no inflation): file size, entry count, declared sizes and
 *    ratios, worksheet count.
 * 2. inspectParts: every part is inflated as a stream and thrown away, chunk by chunk, never held whole. It
 *    stops at the first byte past the size the directory declared (a lying header cannot smuggle a bomb past
 *    pass 1), bounds the XML (total size, cells of the worksheets, the longest run of text: one huge cell
 *    within the other limits still exhausted the heap), and refuses a DTD (`<!DOCTYPE`, `<!ENTITY`) in any
 *    XML part: OOXML forbids them (ECMA-376 Part 2, §8.1.4), and no entity can then be expanded or resolved,
 *    whatever the XML parser would do.
 */
export const READ_LIMITS = {
  /** The file itself. */
  maxFileBytes: 30 * 1024 * 1024,
  /** The sum of the sizes the zip declares for its parts once expanded (and pass 2 holds them to it). */
  maxUncompressedBytes: 200 * 1024 * 1024,
  /** Parts in the package (sheets, styles, drawings…). */
  maxZipEntries: 5_000,
  /** One part may not expand more than this many times its compressed size (XML compresses ~10-20×). */
  maxCompressionRatio: 200,
  /** Worksheets in the workbook (a department book has one per entry plus the 目次: ~15). */
  maxSheets: 500,
  /** Cells stored in all worksheets (Excel stores a cell that has a value or its own format). */
  maxCells: 1_000_000,
  /** All XML parts once expanded (the 1,000,000 cells above take ~25–40 MB; media is not XML). */
  maxXmlBytes: 64 * 1024 * 1024,
  /** One run of text (or one tag) in an XML part: 10× Excel's own cell limit (32,767 characters, ~100 KB). */
  maxTextBytes: 1024 * 1024,
} as const;

export type ReadLimits = { readonly [K in keyof typeof READ_LIMITS]: number };

/**
 * Bounds for the master workbook 総務課 consolidates into (the CLI's `--out`): a file Suishin wrote itself,
 * with one report sheet per entry — thousands in a large season, far past a department file's limits. It is
 * read only to list its sheets and carry the 備考 of 全体計画 over; parts are still streamed and held to their
 * declared sizes, and a DTD is still refused.
 */
export const MASTER_READ_LIMITS: ReadLimits = {
  ...READ_LIMITS,
  maxFileBytes: 512 * 1024 * 1024,
  maxUncompressedBytes: 4 * 1024 * 1024 * 1024,
  maxZipEntries: 0xffff,
  maxSheets: 0xffff,
  maxCells: 100_000_000,
  maxXmlBytes: 4 * 1024 * 1024 * 1024,
};

export type LimitBreach =
  | { readonly kind: 'file-size'; readonly bytes: number }
  | { readonly kind: 'uncompressed-size'; readonly bytes: number }
  | { readonly kind: 'entries'; readonly count: number }
  | { readonly kind: 'ratio'; readonly entry: string; readonly ratio: number }
  | { readonly kind: 'sheets'; readonly count: number }
  | { readonly kind: 'cells'; readonly count: number }
  | { readonly kind: 'xml-size'; readonly bytes: number }
  | { readonly kind: 'text-run'; readonly entry: string; readonly bytes: number }
  /** A part expands past the size the zip declares for it: a broken or crafted file. */
  | { readonly kind: 'size-mismatch'; readonly entry: string; readonly declared: number }
  /** An XML part declares a DTD (entities): never written by Excel, refused before any parser runs. */
  | { readonly kind: 'dtd'; readonly entry: string };

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const WORKSHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
const XML_PART = /\.(xml|rels|vml)$/i;

/** The central directory's entries, or undefined when the bytes are not a readable zip. */
function centralDirectory(
  bytes: Uint8Array,
  maxEntries: number,
): ZipEntry[] | { readonly tooMany: number } | undefined {
  if (bytes.length < 22) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  if (count > maxEntries) return { tooMany: count };
  let offset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressed: view.getUint32(offset + 20, true),
      uncompressed: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/**
 * Pass 1: check a zip package against the limits using its central directory (no inflation). Undefined when
 * within limits or when the bytes are not a readable zip (the parser then reports it as corrupt).
 */
export function checkReadLimits(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): LimitBreach | undefined {
  if (bytes.length > limits.maxFileBytes) return { kind: 'file-size', bytes: bytes.length };
  const directory = centralDirectory(bytes, limits.maxZipEntries);
  if (directory === undefined) return undefined;
  if ('tooMany' in directory) return { kind: 'entries', count: directory.tooMany };
  let total = 0;
  for (const entry of directory) {
    total += entry.uncompressed;
    if (total > limits.maxUncompressedBytes) return { kind: 'uncompressed-size', bytes: total };
    const ratio = entry.uncompressed / Math.max(entry.compressed, 1);
    if (entry.uncompressed > 1024 * 1024 && ratio > limits.maxCompressionRatio)
      return { kind: 'ratio', entry: entry.name, ratio: Math.round(ratio) };
  }
  const sheets = directory.filter((e) => WORKSHEET.test(e.name)).length;
  if (sheets > limits.maxSheets) return { kind: 'sheets', count: sheets };
  return undefined;
}

/** The part's stored bytes, or undefined when its local header is not where the directory says. */
function partData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressed > bytes.length) return undefined;
  return bytes.subarray(start, start + entry.compressed);
}

/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1,032×, so one step yields ≤ ~17 MB. */
const INFLATE_STEP = 16_384;
const STOP = Symbol('stop');

/**
 * Inflate a deflated part as a stream, handing each chunk to `onChunk` (false: enough seen) and keeping
 * none. Returns false as soon as more than `limit` bytes come out (the rest is never inflated). Bad deflate
 * data just ends the stream: the parser will refuse the file anyway, and what came out so far was counted.
 * Synchronous (fflate's streaming inflater, fed a few KB at a time): no thread hop per part, and a bomb
 * never gets to expand more than one step past the limit.
 */
function inflateBounded(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => boolean): boolean {
  if (data.length <= INFLATE_STEP) return inflateSmall(data, limit, onChunk);
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) {
      over = true;
      throw STOP;
    }
    if (chunk.length > 0 && !onChunk(chunk)) throw STOP;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error !== STOP) return true;
  }
  return !over;
}

/** The most bytes `compressed` bytes of DEFLATE data can expand to (1,032:1 and a block's worth). */
const maxInflated = (compressed: number): number => compressed * 1032 + 1024;

/**
 * A part of at most one step, inflated in one go into a buffer one byte longer than it may be (its declared
 * size, or what its compressed size can yield at most, whichever is less): filling that last byte means the
 * part is bigger than declared. The same bounds as a step of the stream — fflate decodes the rest of the
 * step but writes nothing past the buffer — without the stream's per-step buffers (the streaming inflater
 * allocates and zeroes ~160 KB for every part, however small).
 */
function inflateSmall(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => boolean): boolean {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(Math.min(limit, maxInflated(data.length)) + 1) });
  } catch (error) {
    // A stored block past the buffer throws a RangeError: more than declared. Anything else is bad data.
    return !(error instanceof RangeError);
  }
  if (out.length > limit) return false;
  if (out.length > 0) onChunk(out);
  return true;
}

/**
 * Pass 2: inflate every part as a stream (see the file comment) and hold it to its declared size, count the
 * worksheets' cells, and refuse a DTD. Call after checkReadLimits, which bounds the declared sizes.
 */
export async function inspectParts(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<LimitBreach | undefined> {
  const directory = centralDirectory(bytes, limits.maxZipEntries);
  if (directory === undefined || 'tooMany' in directory) return undefined;
  let cells = 0;
  let xml = 0;
  for (const entry of directory) {
    const isXml = XML_PART.test(entry.name);
    const data = partData(bytes, entry);
    // Encrypted entries (flag bit 0) and unknown methods: the parser refuses them.
    if (data === undefined || (entry.flags & 1) === 1 || (entry.method !== 0 && entry.method !== 8)) continue;
    const scan = new XmlScan();
    const xmlBefore = xml;
    const onChunk = (chunk: Uint8Array): boolean => {
      if (!isXml) return true;
      xml += chunk.length;
      scan.push(chunk);
      return !scan.dtd && scan.longestRun <= limits.maxTextBytes && xml <= limits.maxXmlBytes;
    };
    if (entry.method === 0) onChunk(data);
    else if (!inflateBounded(data, entry.uncompressed, onChunk))
      return { kind: 'size-mismatch', entry: entry.name, declared: entry.uncompressed };
    if (!isXml) continue;
    scan.push(new Uint8Array(0), true);
    if (scan.dtd) return { kind: 'dtd', entry: entry.name };
    if (scan.longestRun > limits.maxTextBytes)
      return { kind: 'text-run', entry: entry.name, bytes: scan.longestRun };
    if (xml > limits.maxXmlBytes)
      return { kind: 'xml-size', bytes: Math.max(xml, xmlBefore + entry.uncompressed) };
    if (WORKSHEET.test(entry.name)) cells += scan.cells;
    if (cells > limits.maxCells) return { kind: 'cells', count: cells };
  }
  return undefined;
}

/** Both passes: the first breach, or undefined when the file may be handed to the parser. */
export async function checkPackage(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<LimitBreach | undefined> {
  return checkReadLimits(bytes, limits) ?? (await inspectParts(bytes, limits));
}

/** A breach of a size limit makes the file too large; a lying header or a DTD makes it corrupt (or crafted). */
export const breachCode = (b: LimitBreach): 'file.too-large' | 'file.corrupt' =>
  b.kind === 'size-mismatch' || b.kind === 'dtd' ? 'file.corrupt' : 'file.too-large';

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const count = (n: number): string => n.toLocaleString('ja-JP');

/** Japanese detail for the rejection message: what was too large and what the limit is. */
export function describeBreach(b: LimitBreach, limits: ReadLimits = READ_LIMITS): string {
  switch (b.kind) {
    case 'file-size':
      return `ファイルの大きさが ${mb(b.bytes)} あります（上限 ${mb(limits.maxFileBytes)}）。`;
    case 'uncompressed-size':
      return `展開すると ${mb(b.bytes)} を超えます（上限 ${mb(limits.maxUncompressedBytes)}）。`;
    case 'entries':
      return `ファイル内の部品が ${count(b.count)} 個あります（上限 ${count(limits.maxZipEntries)} 個）。`;
    case 'ratio':
      return `ファイル内の「${b.entry}」が異常に高い圧縮率（${b.ratio} 倍）で、展開すると非常に大きくなります。`;
    case 'sheets':
      return `シートが ${count(b.count)} 枚あります（上限 ${count(limits.maxSheets)} 枚）。`;
    case 'cells':
      return `シートのセルが ${count(b.count)} 個以上あります（上限 ${count(limits.maxCells)} 個）。`;
    case 'xml-size':
      return `ファイル内の XML が展開すると ${mb(b.bytes)} を超えます（上限 ${mb(limits.maxXmlBytes)}）。`;
    case 'text-run':
      return `ファイル内の「${b.entry}」に、1 つで ${mb(b.bytes)} を超える文字列があります（上限 ${mb(limits.maxTextBytes)}。Excel の1セルは 32,767 文字まで）。`;
    case 'size-mismatch':
      return `ファイル内の「${b.entry}」が、ファイルに記録された大きさ（${count(b.declared)} バイト）を超えて展開されます。壊れているか、細工されたファイルです。`;
    case 'dtd':
      return `ファイル内の「${b.entry}」に、Excel が書くことのない DTD 宣言（<!DOCTYPE）があります。細工されたファイルの可能性があるため読み込みません。`;
  }
}
