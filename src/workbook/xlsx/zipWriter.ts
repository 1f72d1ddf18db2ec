import { deflateSync } from 'fflate';

/**
 * How parts are compressed. The default is pure JavaScript (fflate, CRC-32 by table) and runs anywhere; Node
 * passes its native zlib (src/cli/nodeZipCodec.ts), several times faster on a master of thousands of sheets.
 */
export interface ZipCodec {
  /** Raw DEFLATE (no zlib header), as a zip entry holds it. */
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Level 6 as Excel writes; fast enough in the browser for a department workbook. */
export const portableCodec: ZipCodec = {
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  crc32,
};

interface Entry {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly size: number;
  readonly compressed: Uint8Array;
  readonly offset: number;
}

/** 1980-01-01 00:00 in DOS time: a fixed stamp keeps the same workbook byte-identical (deterministic output). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UTF8_FLAG = 0x0800;

/**
 * A zip archive written part by part: each part is compressed when added, so the caller can drop its text at
 * once (a master view's sheets are never all held as XML). No ZIP64: parts and the archive stay far below
 * 4 GiB (the read limits refuse much less).
 */
export class ZipWriter {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  constructor(private readonly codec: ZipCodec = portableCodec) {}

  /** Compress and append a part. */
  add(name: string, content: string | Uint8Array): void {
    const data = typeof content === 'string' ? this.encoder.encode(content) : content;
    const compressed = this.codec.deflateRaw(data);
    const nameBytes = this.encoder.encode(name);
    const entry: Entry = {
      name: nameBytes,
      crc: this.codec.crc32(data),
      size: data.length,
      compressed,
      offset: this.offset,
    };
    const header = new Uint8Array(30 + entry.name.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(6, UTF8_FLAG, true);
    view.setUint16(8, 8, true); // deflate
    view.setUint16(10, DOS_TIME, true);
    view.setUint16(12, DOS_DATE, true);
    view.setUint32(14, entry.crc, true);
    view.setUint32(18, compressed.length, true);
    view.setUint32(22, entry.size, true);
    view.setUint16(26, entry.name.length, true);
    view.setUint16(28, 0, true);
    header.set(entry.name, 30);
    this.push(header);
    this.push(compressed);
    this.entries.push(entry);
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.offset += chunk.length;
  }

  /** The archive: the parts, then the central directory. */
  finish(): Uint8Array {
    // Without ZIP64 the directory counts 65,535 entries at most (a master of ~65,000 sheets).
    if (this.entries.length > 0xffff)
      throw new Error(`too many parts for a zip without ZIP64: ${this.entries.length}`);
    const start = this.offset;
    for (const e of this.entries) {
      const record = new Uint8Array(46 + e.name.length);
      const view = new DataView(record.buffer);
      view.setUint32(0, 0x02014b50, true);
      view.setUint16(4, 20, true); // made by: 2.0, MS-DOS attributes
      view.setUint16(6, 20, true);
      view.setUint16(8, UTF8_FLAG, true);
      view.setUint16(10, 8, true);
      view.setUint16(12, DOS_TIME, true);
      view.setUint16(14, DOS_DATE, true);
      view.setUint32(16, e.crc, true);
      view.setUint32(20, e.compressed.length, true);
      view.setUint32(24, e.size, true);
      view.setUint16(28, e.name.length, true);
      view.setUint32(42, e.offset, true);
      record.set(e.name, 46);
      this.push(record);
    }
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, this.entries.length, true);
    view.setUint16(10, this.entries.length, true);
    view.setUint32(12, this.offset - start, true);
    view.setUint32(16, start, true);
    this.push(end);
    const out = new Uint8Array(this.offset);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}
