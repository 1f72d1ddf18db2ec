import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';

/**
 * Compresses a part in place of fflate's own DEFLATE (Node passes its native zlib: src/cli/nodeZipCodec.ts).
 * The zip structure around it (headers, CRC-32, central directory) is fflate's either way.
 */
export interface ZipCodec {
  /** Raw DEFLATE (no zlib header), as a zip entry holds it, of a whole part at once. */
  deflateRaw(data: Uint8Array): Uint8Array;
}

/**
 * fflate's own DEFLATE when no codec is given (the pane's worker: pure JavaScript, runs in the browser), at
 * level 3 as the CLI's zlib: on a 50-file master about a third of level 6's time for a file 1% larger
 * (bench/RESULTS.md).
 */
const PORTABLE_LEVEL = 3;

/**
 * 1980-01-01 00:00, the first DOS date: a fixed stamp keeps the same workbook byte-identical. fflate encodes
 * the stamp in local time, so it is built in local time too (the same field values in every time zone).
 */
const MTIME = new Date(1980, 0, 1);

/** Without ZIP64 the end record counts 65,535 entries at most (a master of ~65,000 sheets). */
const MAX_ENTRIES = 0xffff;

/** A part compressed whole by a codec; fflate computes its CRC-32 and size as it passes (see its README). */
class CodecPart extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly codec: ZipCodec,
  ) {
    super(filename);
    this.compression = 8; // deflate
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.codec.deflateRaw(chunk), final);
  }
}

/**
 * A zip archive written part by part on fflate's streaming `Zip`: each part is compressed when added, so the
 * caller can drop its text at once (a master view's sheets are never all held as XML). Names are UTF-8
 * (fflate flags non-ASCII ones). No ZIP64: parts and the archive stay far below 4 GiB (the read limits
 * refuse much less).
 */
export class ZipWriter {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private length = 0;
  private entries = 0;
  private done = false;

  constructor(private readonly codec?: ZipCodec) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) throw error;
      this.chunks.push(chunk);
      this.length += chunk.length;
      if (final) this.done = true;
    });
  }

  /** Compress and append a part. */
  add(name: string, content: string | Uint8Array): void {
    if (++this.entries > MAX_ENTRIES)
      throw new Error(`too many parts for a zip without ZIP64: ${this.entries}`);
    const data = typeof content === 'string' ? this.encoder.encode(content) : content;
    const part: ZipInputFile & { push(chunk: Uint8Array, final: boolean): void } = this.codec
      ? new CodecPart(name, this.codec)
      : new ZipDeflate(name, { level: PORTABLE_LEVEL });
    part.mtime = MTIME;
    this.zip.add(part);
    part.push(data, true);
  }

  /** The archive: the parts, then the central directory. */
  finish(): Uint8Array {
    this.zip.end();
    if (!this.done) throw new Error('the zip did not finish');
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    this.chunks.length = 0;
    return out;
  }
}
