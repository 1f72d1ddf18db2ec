import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';

/**
 * Compresses a part in place of fflate's own DEFLATE: Node passes its native zlib (src/cli/nodeZipCodec.ts),
 * the pane the platform's CompressionStream (compressionStreamCodec.ts), which answers asynchronously. The
 * zip structure around it (headers, CRC-32, central directory) is fflate's either way.
 */
export interface ZipCodec {
  /** Raw DEFLATE (no zlib header), as a zip entry holds it, of a whole part at once. */
  deflateRaw(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
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

/**
 * A part compressed whole by a codec beforehand; fflate computes the CRC-32 and size of the data pushed
 * through it (see its README) and stores the compressed bytes in its place.
 */
class CompressedPart extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly compressed: Uint8Array,
  ) {
    super(filename);
    this.compression = 8; // deflate
  }

  protected override process(_chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.compressed, final);
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
  private adding = false;

  constructor(private readonly codec?: ZipCodec) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) throw error;
      this.chunks.push(chunk);
      this.length += chunk.length;
      if (final) this.done = true;
    });
  }

  /**
   * Compress and append a part. Await it before the next add: a codec may compress asynchronously, and the
   * parts go into the archive in the order they were added, one at a time (only one part's text is held).
   */
  async add(name: string, content: string | Uint8Array): Promise<void> {
    if (this.adding) throw new Error(`a part is still being added: ${name}`);
    if (++this.entries > MAX_ENTRIES)
      throw new Error(`too many parts for a zip without ZIP64: ${this.entries}`);
    const data = typeof content === 'string' ? this.encoder.encode(content) : content;
    let part: ZipInputFile & { push(chunk: Uint8Array, final: boolean): void };
    if (this.codec) {
      const pending = this.codec.deflateRaw(data);
      if (pending instanceof Uint8Array) part = new CompressedPart(name, pending);
      else {
        this.adding = true;
        try {
          part = new CompressedPart(name, await pending);
        } finally {
          this.adding = false;
        }
      }
    } else part = new ZipDeflate(name, { level: PORTABLE_LEVEL });
    part.mtime = MTIME;
    this.zip.add(part);
    part.push(data, true);
  }

  /** The archive: the parts, then the central directory. */
  finish(): Uint8Array {
    if (this.adding) throw new Error('a part is still being added');
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
