import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, portableCodec } from '../workbook/xlsx/zipWriter';
import { nodeZipCodec } from './nodeZipCodec';

describe('nodeZipCodec', () => {
  const data = new TextEncoder().encode('<sheetData>'.concat('目指す姿'.repeat(500), '</sheetData>'));

  it('agrees with the portable codec on CRC-32, and both deflates inflate back to the data', () => {
    expect(nodeZipCodec.crc32(data)).toBe(crc32(data));
    expect(new Uint8Array(inflateRawSync(nodeZipCodec.deflateRaw(data)))).toEqual(data);
    expect(new Uint8Array(inflateRawSync(portableCodec.deflateRaw(data)))).toEqual(data);
  });
});
