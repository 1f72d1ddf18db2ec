import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compressionStreamCodec } from './compressionStreamCodec';

describe('compressionStreamCodec', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is Node 20's CompressionStream: raw DEFLATE that inflates back, smaller than it was", async () => {
    const codec = compressionStreamCodec();
    expect(codec).toBeDefined();
    const data = new TextEncoder().encode(
      `<sheetData>${'<c t="inlineStr"><is><t>目標</t></is></c>'.repeat(4000)}</sheetData>`,
    );
    const deflated = await codec!.deflateRaw(data);
    expect(new Uint8Array(inflateRawSync(deflated))).toEqual(data);
    expect(deflated.length).toBeLessThan(data.length / 20);
    expect(await codec!.deflateRaw(new Uint8Array())).toEqual(await codec!.deflateRaw(new Uint8Array()));
    expect(inflateRawSync(await codec!.deflateRaw(new Uint8Array())).length).toBe(0);
  });

  it("is absent where CompressionStream is, or where it does not know 'deflate-raw' (fflate's DEFLATE then)", () => {
    vi.stubGlobal('CompressionStream', undefined);
    expect(compressionStreamCodec()).toBeUndefined();
    vi.stubGlobal(
      'CompressionStream',
      class {
        constructor(format: string) {
          if (format !== 'gzip' && format !== 'deflate') throw new TypeError(`Unsupported format: ${format}`);
        }
      },
    );
    expect(compressionStreamCodec()).toBeUndefined();
  });
});
