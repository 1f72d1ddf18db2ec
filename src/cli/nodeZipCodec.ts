import * as zlib from 'node:zlib';
import type { ZipCodec } from '../workbook/xlsx/zipWriter';

/**
 * Node's native zlib compresses the parts of the master written by the CLI (the zip structure and CRC-32
 * stay fflate's): faster than fflate's JavaScript DEFLATE. Level 3 takes less time than level 6 for a slightly
 * larger file. The figures are in bench/RESULTS.md.
 */
const OPTIONS: zlib.ZlibOptions = { level: 3 };

export const nodeZipCodec = {
  deflateRaw: (data: Uint8Array): Uint8Array => zlib.deflateRawSync(data, OPTIONS),
} satisfies ZipCodec;
