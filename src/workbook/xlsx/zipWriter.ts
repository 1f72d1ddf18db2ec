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
/**
 * Parts an asynchronous codec may compress at once (Node's CompressionStream runs on the thread pool while
 * the next sheet's XML is built; each call has a fixed cost a queue hides). Bounds what is held: the text
 * of this many parts at most.
 */
const IN_FLIGHT = 8;

type Part = ZipInputFile & { push(chunk: Uint8Array, final: boolean): void };

export class ZipWriter {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private length = 0;
  private entries = 0;
  private done = false;
  /** Parts an asynchronous codec is compressing, appended to the archive in the order they were added. */
  private tail: Promise<void> = Promise.resolve();
  private readonly inFlight: Promise<void>[] = [];

  constructor(private readonly codec?: ZipCodec) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) throw error;
      this.chunks.push(chunk);
      this.length += chunk.length;
      if (final) this.done = true;
    });
  }

  private append(part: Part, data: Uint8Array): void {
    part.mtime = MTIME;
    this.zip.add(part);
    part.push(data, true);
  }

  /**
   * Compress and append a part; parts go into the archive in the order they were added. With an asynchronous
   * codec a few parts are compressed at once: await each add (it waits while IN_FLIGHT parts are pending).
   */
  async add(name: string, content: string | Uint8Array): Promise<void> {
    if (++this.entries > MAX_ENTRIES)
      throw new Error(`too many parts for a zip without ZIP64: ${this.entries}`);
    const data = typeof content === 'string' ? this.encoder.encode(content) : content;
    if (!this.codec) return this.append(new ZipDeflate(name, { level: PORTABLE_LEVEL }), data);
    const compressed = this.codec.deflateRaw(data);
    if (compressed instanceof Uint8Array && this.inFlight.length === 0)
      return this.append(new CompressedPart(name, compressed), data);
    const appended = this.tail.then(async () =>
      this.append(new CompressedPart(name, await compressed), data),
    );
    this.tail = appended;
    // A failure is reported by finish (and by the add that waits for it); the queue only holds the place.
    this.inFlight.push(appended.catch(() => undefined));
    while (this.inFlight.length > IN_FLIGHT) await this.inFlight.shift();
  }

  /** The archive: the parts, then the central directory. */
  async finish(): Promise<Uint8Array> {
    await this.tail;
    this.inFlight.length = 0;
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
