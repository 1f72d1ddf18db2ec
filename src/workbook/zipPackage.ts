import { Inflate, inflateSync, strFromU8 } from 'fflate';
import { nativeInflater } from './nativeInflate';

/**
 * The zip structure of an .xlsx package: its central directory, where each part's data lies, and a part
 * inflated under a bound, chunk by chunk. The only zip reading Suishin does by hand; fflate does the
 * inflating, or the platform's own inflater where there is one (nativeInflate.ts: Node's zlib). readLimits.ts builds the bounded reader on it (every part inflated once, scanned as it comes
 * out, the wanted ones kept).
 *
 * Why not fflate's own readers. `unzipSync` reads the same directory but exposes no part's offset, and it
 * inflates a part into a buffer of its declared size to the end of its data: a header that lies about that
 * size cannot overflow the buffer, but the whole bomb is still decoded (up to 1,032× the compressed bytes)
 * before anything can notice. Its streaming `Unzip` ignores the central directory and, for an entry written
 * with a data descriptor (flag bit 3: sizes unknown in the local header), ends the entry at the first
 * `PK\x03\x04`, `PK\x07\x08` or `PK\x01\x02` inside its compressed data — and Suishin's own masters
 * (fflate's `Zip`) and LibreOffice's files write every entry that way (zipPackage.test.ts shows a valid
 * package it misreads).
 */
export interface ZipEntry {
  /** As fflate names it: UTF-8 when the entry says so (flag bit 11), Latin-1 otherwise. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A part name as the package's relationships name it: without one leading `/`. */
export const partName = (name: string): string => (name.startsWith('/') ? name.slice(1) : name);

const u64 = (view: DataView, at: number): number =>
  view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;

/** The sizes and offset a ZIP64 extra field (id 1) gives instead of the record's 0xFFFFFFFF. */
function zip64Extra(view: DataView, at: number, end: number): [number, number, number] | undefined {
  for (; at + 4 <= end; at += 4 + view.getUint16(at + 2, true))
    if (view.getUint16(at, true) === 1)
      return at + 28 <= end ? [u64(view, at + 12), u64(view, at + 4), u64(view, at + 20)] : undefined;
  return undefined;
}

/**
 * The central directory's entries, in its order, read as fflate's unzipSync reads them (the same count,
 * ZIP64 end record and extra field, names); `{ tooMany }` without reading them when there are more than
 * `maxEntries`; undefined when the bytes are not a readable zip.
 */
export function readDirectory(
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
  let count = view.getUint16(eocd + 8, true);
  let offset = view.getUint32(eocd + 16, true);
  let zip64 = offset === 0xffffffff || count === 0xffff;
  if (zip64) {
    const at = eocd >= 20 ? view.getUint32(eocd - 12, true) : -1;
    zip64 = at >= 0 && at + 56 <= bytes.length && view.getUint32(at, true) === EOCD64;
    if (zip64) {
      count = view.getUint32(at + 32, true);
      offset = view.getUint32(at + 48, true);
    }
  }
  if (count > maxEntries) return { tooMany: count };
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return undefined;
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraAt = offset + 46 + nameLength;
    const extraEnd = extraAt + view.getUint16(offset + 30, true);
    if (extraEnd > bytes.length) return undefined;
    let sizes: [number, number, number] | undefined = [
      view.getUint32(offset + 20, true),
      view.getUint32(offset + 24, true),
      view.getUint32(offset + 42, true),
    ];
    if (zip64 && sizes[0] === 0xffffffff) sizes = zip64Extra(view, extraAt, extraEnd);
    if (sizes === undefined) return undefined;
    entries.push({
      name: strFromU8(bytes.subarray(offset + 46, extraAt), (flags & 0x800) === 0),
      flags,
      method: view.getUint16(offset + 10, true),
      compressed: sizes[0],
      uncompressed: sizes[1],
      localOffset: sizes[2],
    });
    offset = extraEnd + view.getUint16(offset + 32, true);
  }
  return entries;
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

/**
 * How reading a part ended: `done` (all of it handed over), `stopped` (the reader said enough), `over`
 * (it expands past its bound: the rest was never inflated), `bad` (its DEFLATE data is broken: what came
 * out before was handed over), `skipped` (nothing read: no local header where the directory says, an
 * encrypted entry, a method other than stored or DEFLATE).
 */
export type PartEnd = 'done' | 'stopped' | 'over' | 'bad' | 'skipped';

/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1,032×, so one step yields ≤ ~17 MB. */
const INFLATE_STEP = 16_384;
/**
 * A part up to this many compressed bytes is inflated in one go (inflateSmall): decoding it is bounded as a
 * few steps of the stream are, and it skips the stream's buffers. A department file's largest part (its
 * shared strings) is just over one step.
 */
const ONE_SHOT_MAX = 4 * INFLATE_STEP;
const STOP = Symbol('stop');

/**
 * Inflate a deflated part as a stream, handing each chunk to `onChunk` (false: enough seen) and keeping
 * none. Over as soon as more than `limit` bytes come out (the rest is never inflated). Synchronous (fflate's
 * streaming inflater, fed a few KB at a time): no thread hop per part, and a bomb never gets to expand more
 * than one step past the limit.
 */
function inflateBounded(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => boolean): PartEnd {
  if (data.length <= ONE_SHOT_MAX) return inflateSmall(data, limit, onChunk);
  let total = 0;
  let end: PartEnd = 'done';
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) {
      end = 'over';
      throw STOP;
    }
    if (chunk.length > 0 && !onChunk(chunk)) {
      end = 'stopped';
      throw STOP;
    }
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const stepEnd = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, stepEnd), stepEnd === data.length);
    }
  } catch (error) {
    if (error !== STOP) return 'bad';
  }
  return end;
}

/** The most bytes `compressed` bytes of DEFLATE data can expand to (1,032:1 and a block's worth). */
const maxInflated = (compressed: number): number => compressed * 1032 + 1024;

/**
 * A part of at most ONE_SHOT_MAX compressed bytes, inflated in one go into a buffer one byte longer than it
 * may be (its declared size, or what its compressed size can yield at most, whichever is less): filling that
 * last byte means the part is bigger than declared. Memory is bounded by that buffer, decoding by the
 * compressed size (fflate decodes the rest of the data but writes nothing past the buffer: ≤ ~66 MB of
 * output decoded for 64 KB), without the stream's per-step buffers (the streaming inflater allocates and
 * zeroes ~160 KB for every part, however small).
 */
function inflateSmall(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => boolean): PartEnd {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(Math.min(limit, maxInflated(data.length)) + 1) });
  } catch (error) {
    // A stored block past the buffer throws a RangeError: more than declared. Anything else is bad data.
    return error instanceof RangeError ? 'over' : 'bad';
  }
  if (out.length > limit) return 'over';
  return out.length > 0 && !onChunk(out) ? 'stopped' : 'done';
}

/**
 * The largest part (by its declared size) the platform's inflater takes in one go. A bigger one goes through
 * fflate's stream, a step at a time, so a part nobody keeps is never held whole (and a DTD at its start
 * stops it early); department sheets are far smaller.
 */
const NATIVE_MAX = 8 * 1024 * 1024;

/**
 * Read one part, handing its bytes to `onChunk` as they come out, never more than the size the directory
 * declares for it (a stored part is handed over whole, as it is stored).
 */
export function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => boolean,
): PartEnd {
  const data = partData(bytes, entry);
  if (data === undefined || (entry.flags & 1) === 1 || (entry.method !== 0 && entry.method !== 8))
    return 'skipped';
  if (entry.method === 0) return onChunk(data) ? 'done' : 'stopped';
  // No data at all is not DEFLATE: fflate reads it as empty, zlib as truncated; fflate's answer stands.
  const native = entry.uncompressed <= NATIVE_MAX && data.length > 0 ? nativeInflater() : undefined;
  if (native === undefined) return inflateBounded(data, entry.uncompressed, onChunk);
  const out = native(data, entry.uncompressed);
  if (typeof out === 'string') return out;
  return out.length > 0 && !onChunk(out) ? 'stopped' : 'done';
}

/** Chunks read from one part, joined. */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
