import { unzipSync } from 'fflate';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../workbook/xlsx/zipWriter';
import { nodeZipCodec } from './nodeZipCodec';

describe('nodeZipCodec', () => {
  const data = new TextEncoder().encode('<sheetData>'.concat('目指す姿'.repeat(500), '</sheetData>'));

  it('deflates raw: the data inflates back, smaller than it was', () => {
    const deflated = nodeZipCodec.deflateRaw(data);
    expect(new Uint8Array(inflateRawSync(deflated))).toEqual(data);
    expect(deflated.length).toBeLessThan(data.length / 10);
  });

  it("writes parts that another unzipper reads back, under the CRC-32 Node's zlib computes", async () => {
    const zip = new ZipWriter(nodeZipCodec);
    await zip.add('xl/worksheets/sheet1.xml', data);
    const bytes = await zip.finish();
    expect(unzipSync(bytes)['xl/worksheets/sheet1.xml']).toEqual(data);
    const directory = bytes.length - 22 - (46 + 'xl/worksheets/sheet1.xml'.length);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(directory + 16, true)).toBe(
      crc32(data) >>> 0,
    );
  });
});
