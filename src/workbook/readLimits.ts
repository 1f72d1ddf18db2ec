import { XmlScan } from './partScan';
import { joinChunks, partName, readDirectory, readEntry, type PartEnd, type ZipEntry } from './zipPackage';

/**
 * Bounds on what a department file may make us read, checked on the raw bytes before any parser runs.
 * A department workbook of text is well under 1 MB; these limits leave a wide margin and stop zip bombs
 * (a small file that expands to gigabytes) and absurd files before they cost memory.
 *
 * Two passes over the zip (zipPackage.ts), both before any parser sees a part:
 * 1. checkReadLimits: the zip's central directory (no inflation): file size, entry count, declared sizes and
 *    ratios, worksheet count.
 * 2. inspectParts: every part is inflated as a stream, chunk by chunk. It stops at the first byte past the
 *    size the directory declared (a lying header cannot smuggle a bomb past pass 1), bounds the XML (total
 *    size, cells of the worksheets, the longest run of text: one huge cell within the other limits still
 *    exhausted the heap), and refuses a DTD (`<!DOCTYPE`, `<!ENTITY`) in any XML part: OOXML forbids them
 *    (ECMA-376 Part 2, §8.1.4), and no entity can then be expanded or resolved, whatever the XML parser would
 *    do.
 * readPackage does both and keeps the parts a reader asks for as they come out of pass 2: each part is
 * inflated once, and only the wanted ones are held.
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

const WORKSHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
const XML_PART = /\.(xml|rels|vml)$/i;

/** Pass 1 on a directory read: declared sizes and ratios, worksheet count. */
function directoryBreach(directory: readonly ZipEntry[], limits: ReadLimits): LimitBreach | undefined {
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

/**
 * Pass 1: check a zip package against the limits using its central directory (no inflation). Undefined when
 * within limits or when the bytes are not a readable zip (the parser then reports it as corrupt).
 */
export function checkReadLimits(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): LimitBreach | undefined {
  if (bytes.length > limits.maxFileBytes) return { kind: 'file-size', bytes: bytes.length };
  const directory = readDirectory(bytes, limits.maxZipEntries);
  if (directory === undefined) return undefined;
  if ('tooMany' in directory) return { kind: 'entries', count: directory.tooMany };
  return directoryBreach(directory, limits);
}

/** A part read ahead of the pass (workbook.xml…): its chunks as they came out, and how reading it ended. */
interface ReadAhead {
  readonly chunks: readonly Uint8Array[];
  readonly end: PartEnd;
}

/** Bytes of an XML part that must stop a read: a DTD, too long a run of text, more XML than `xml` allows. */
const overLimits = (scan: XmlScan, xml: number, limits: ReadLimits): boolean =>
  scan.dtd || scan.longestRun > limits.maxTextBytes || xml > limits.maxXmlBytes;

/**
 * Read a part ahead of the pass, keeping its chunks. It stops where the pass itself would stop at the
 * latest (a DTD, a run or the part alone over the limits), so the pass can take the same chunks from it.
 */
function readAhead(bytes: Uint8Array, entry: ZipEntry, limits: ReadLimits, scan: boolean): ReadAhead {
  const chunks: Uint8Array[] = [];
  const xml = new XmlScan();
  let size = 0;
  const end = readEntry(bytes, entry, (chunk) => {
    chunks.push(chunk);
    if (!scan || !XML_PART.test(entry.name)) return true;
    size += chunk.length;
    xml.push(chunk);
    return !overLimits(xml, size, limits);
  });
  return { chunks, end };
}

/** The chunks of a part read ahead, handed over again: the same chunks, the same end. */
function replay(ahead: ReadAhead, onChunk: (chunk: Uint8Array) => boolean): PartEnd {
  for (const chunk of ahead.chunks) if (!onChunk(chunk)) return 'stopped';
  return ahead.end;
}

type Scanned =
  | { readonly breach: LimitBreach }
  | { readonly parts: Map<string, Uint8Array>; readonly unreadable: boolean };

/**
 * Pass 2: every part inflated as a stream (see the file comment), held to its declared size, its cells
 * counted and a DTD refused; the parts `keep` picks are kept whole (by part name, the last of a name
 * winning, as fflate's unzipSync). A part `ahead` already read is taken from there, not inflated again.
 */
function scanParts(
  bytes: Uint8Array,
  directory: readonly ZipEntry[],
  limits: ReadLimits,
  keep: (name: string) => boolean,
  ahead: ReadonlyMap<ZipEntry, ReadAhead>,
): Scanned {
  const parts = new Map<string, Uint8Array>();
  let unreadable = false;
  let cells = 0;
  let xml = 0;
  for (const entry of directory) {
    const isXml = XML_PART.test(entry.name);
    const kept = !entry.name.endsWith('/') && keep(partName(entry.name)) ? ([] as Uint8Array[]) : undefined;
    const scan = new XmlScan();
    const xmlBefore = xml;
    const onChunk = (chunk: Uint8Array): boolean => {
      kept?.push(chunk);
      if (!isXml) return true;
      xml += chunk.length;
      scan.push(chunk);
      return !overLimits(scan, xml, limits);
    };
    const read = ahead.get(entry);
    const end = read ? replay(read, onChunk) : readEntry(bytes, entry, onChunk);
    if (end === 'over')
      return { breach: { kind: 'size-mismatch', entry: entry.name, declared: entry.uncompressed } };
    if (kept && (end === 'bad' || end === 'skipped')) unreadable = true;
    else if (kept) parts.set(partName(entry.name), joinChunks(kept));
    // Encrypted entries (flag bit 0) and unknown methods: the parser refuses them.
    if (end === 'skipped' || !isXml) continue;
    scan.push(new Uint8Array(0), true);
    if (scan.dtd) return { breach: { kind: 'dtd', entry: entry.name } };
    if (scan.longestRun > limits.maxTextBytes)
      return { breach: { kind: 'text-run', entry: entry.name, bytes: scan.longestRun } };
    if (xml > limits.maxXmlBytes)
      return { breach: { kind: 'xml-size', bytes: Math.max(xml, xmlBefore + entry.uncompressed) } };
    if (WORKSHEET.test(entry.name)) cells += scan.cells;
    if (cells > limits.maxCells) return { breach: { kind: 'cells', count: cells } };
  }
  return { parts, unreadable };
}

/**
 * Pass 2 alone: inflate every part as a stream and hold it to its declared size, count the worksheets'
 * cells, and refuse a DTD. Call after checkReadLimits, which bounds the declared sizes.
 */
export async function inspectParts(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<LimitBreach | undefined> {
  const directory = readDirectory(bytes, limits.maxZipEntries);
  if (directory === undefined || 'tooMany' in directory) return undefined;
  const scanned = scanParts(bytes, directory, limits, () => false, new Map());
  return 'breach' in scanned ? scanned.breach : undefined;
}

/** What one read of a package keeps besides checking it (readPackage). */
export interface PackagePlan {
  /** Parts read first (workbook.xml and its relationships): handed to `want`, and kept. */
  readonly first?: readonly string[];
  /**
   * The other parts to keep, by part name, chosen from every part's name (zip order, folders left out) and
   * the first parts that could be read. Must not throw.
   */
  readonly want?: (names: readonly string[], first: ReadonlyMap<string, Uint8Array>) => Iterable<string>;
  /** False: check the directory and read the first parts, no other part (no pass 2). True when omitted. */
  readonly scan?: boolean;
}

export type PackageRead =
  | { readonly kind: 'breach'; readonly breach: LimitBreach }
  /** Not a zip this reader can read, or a part kept is not readable (a broken DEFLATE stream…): corrupt. */
  | { readonly kind: 'unreadable' }
  | {
      readonly kind: 'read';
      /** Every part of the package by part name (without a leading `/`), in zip order, folders left out. */
      readonly names: readonly string[];
      /** The parts kept (the first ones and those wanted), inflated. */
      readonly parts: ReadonlyMap<string, Uint8Array>;
    };

/**
 * The package read once under `limits`: both passes, each part inflated once, the parts `plan` asks for
 * kept as they come out. A breach anywhere (a DTD or a bomb in a part nobody wants) refuses the package, and
 * is the same first breach checkPackage reports; only then does an unreadable kept part make it corrupt.
 */
export function readPackage(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
  plan: PackagePlan = {},
): PackageRead {
  if (bytes.length > limits.maxFileBytes)
    return { kind: 'breach', breach: { kind: 'file-size', bytes: bytes.length } };
  const directory = readDirectory(bytes, limits.maxZipEntries);
  if (directory === undefined) return { kind: 'unreadable' };
  if ('tooMany' in directory)
    return { kind: 'breach', breach: { kind: 'entries', count: directory.tooMany } };
  const breach = directoryBreach(directory, limits);
  if (breach) return { kind: 'breach', breach };
  const scan = plan.scan ?? true;
  const files = directory.filter((e) => !e.name.endsWith('/'));
  const names = files.map((e) => partName(e.name));
  // The first parts, read ahead: the last entry of each name, as fflate's unzipSync keeps.
  const ahead = new Map<ZipEntry, ReadAhead>();
  const first = new Map<string, Uint8Array>();
  let unreadable = false;
  for (const name of new Set(plan.first)) {
    const entry = files.findLast((e) => partName(e.name) === name);
    if (entry === undefined) continue;
    const read = readAhead(bytes, entry, limits, scan);
    ahead.set(entry, read);
    if (read.end === 'done') first.set(name, joinChunks(read.chunks));
    else if (read.end === 'bad' || read.end === 'skipped') unreadable = true;
    else if (!scan && read.end === 'over')
      return {
        kind: 'breach',
        breach: { kind: 'size-mismatch', entry: entry.name, declared: entry.uncompressed },
      };
  }
  if (!scan) return unreadable ? { kind: 'unreadable' } : { kind: 'read', names, parts: first };
  // Every entry of a first part's name is kept (a broken one makes the package corrupt, as for fflate).
  const wanted = new Set([...(plan.first ?? []), ...(plan.want?.(names, first) ?? [])]);
  const scanned = scanParts(bytes, directory, limits, (name) => wanted.has(name), ahead);
  if ('breach' in scanned) return { kind: 'breach', breach: scanned.breach };
  if (unreadable || scanned.unreadable) return { kind: 'unreadable' };
  return { kind: 'read', names, parts: scanned.parts };
}

/** Both passes: the first breach, or undefined when the file may be handed to the parser. */
export async function checkPackage(
  bytes: Uint8Array,
  limits: ReadLimits = READ_LIMITS,
): Promise<LimitBreach | undefined> {
  const read = readPackage(bytes, limits);
  return read.kind === 'breach' ? read.breach : undefined;
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
