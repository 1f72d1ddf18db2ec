import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { crc32 as portableCrc32, type ZipCodec } from '../workbook/xlsx/zipWriter';

/**
 * Node's native zlib for the master written by the CLI: level 6 as Excel writes, several times faster than
 * the portable JavaScript codec, and off the main thread. `zlib.crc32` exists from Node 20.15; older Node falls back to the table.
 */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

const deflateRaw = promisify(zlib.deflateRaw);
const OPTIONS: zlib.ZlibOptions = { level: 6 };

export const nodeZipCodec: ZipCodec = {
  deflateRaw: (data) => zlib.deflateRawSync(data, OPTIONS),
  // On the libuv pool: the next sheets are written while these are compressed (a second core does the work).
  deflateRawAsync: (data) => deflateRaw(data, OPTIONS),
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : portableCrc32,
};
