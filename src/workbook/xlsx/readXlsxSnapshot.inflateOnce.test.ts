import * as fflate from 'fflate';
import { createRequire } from 'node:module';
import type * as Zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useNativeInflater } from '../nativeInflate';
import { READ_LIMITS, readPackage } from '../readLimits';
import { readDirectory } from '../zipPackage';
import { contractSheet } from '../contract/portCases';
import { PackageWorkbookPort } from './packageWorkbookPort';
import { readXlsxSheetList, readXlsxSnapshot, sheetListOf } from './readXlsxSnapshot';
import { SpecWorkbookPort } from './specWorkbookPort';
import { ZipWriter } from './zipWriter';

/** Every DEFLATE stream fflate is asked to inflate, whichever way (whole or streamed). */
const inflated = vi.hoisted(() => ({ count: 0 }));
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof fflate>();
  class CountedInflate extends real.Inflate {
    constructor(...args: ConstructorParameters<typeof real.Inflate>) {
      super(...args);
      inflated.count += 1;
    }
  }
  return {
    ...real,
    Inflate: CountedInflate,
    inflateSync: (...args: Parameters<typeof real.inflateSync>) => {
      inflated.count += 1;
      return real.inflateSync(...args);
    },
    // unzipSync inflates with its own inflateSync: count the deflated entries its filter lets through.
    unzipSync: (data: Uint8Array, opts?: fflate.UnzipOptions) =>
      real.unzipSync(data, {
        filter: (file) => {
          const taken = opts?.filter?.(file) ?? true;
          if (taken && file.compression === 8) inflated.count += 1;
          return taken;
        },
      }),
  };
});

// Node's zlib as nativeInflate.ts finds it (process.getBuiltinModule: the same exports object): its one-shot
// inflations are counted too. Every test runs twice: with it, as the CLI reads, and with fflate alone, as the pane.
const zlib = createRequire(import.meta.url)('node:zlib') as typeof Zlib;
const inflateRaw = zlib.inflateRawSync;
vi.spyOn(zlib, 'inflateRawSync').mockImplementation((...args) => {
  inflated.count += 1;
  return inflateRaw(...args);
});
afterAll(() => useNativeInflater('platform'));

/** Text that barely compresses: a part inflated as a stream (more than the 64 KB inflated in one go). */
const noisy = (length: number): string => {
  let seed = 5;
  return Array.from({ length }, () =>
    String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 2000)),
  ).join('');
};

const sheet = (text: string): string =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;

async function workbook(): Promise<Uint8Array> {
  const writer = new ZipWriter();
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  await writer.add(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  await writer.add(
    'xl/workbook.xml',
    `<workbook ${ns}><sheets><sheet name="一" sheetId="1" r:id="rId1"/><sheet name="二" sheetId="2" r:id="rId2"/><sheet name="三" sheetId="3" r:id="rId3"/></sheets></workbook>`,
  );
  await writer.add(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[1, 2, 3].map((n) => `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('')}</Relationships>`,
  );
  await writer.add('xl/worksheets/sheet1.xml', sheet('一'));
  await writer.add('xl/worksheets/sheet2.xml', sheet(noisy(100_000)));
  await writer.add('xl/worksheets/sheet3.xml', sheet('三'));
  await writer.add('xl/drawings/drawing1.xml', '<xdr:wsDr/>');
  return writer.finish();
}

describe.each(['platform', undefined] as const)('inflater: %s', (inflater) => {
  beforeAll(() => useNativeInflater(inflater));

  describe('readXlsxSnapshot inflates each part of the package once', () => {
    it.each([
      ['every sheet', undefined, ['一', '二', '三']],
      ['the sheets asked for', ['二'], ['二']],
    ] as const)('reading %s', async (_name, sheets, read) => {
      const bytes = await workbook();
      const entries = readDirectory(bytes, 100);
      if (entries === undefined || 'tooMany' in entries) throw new Error('not a zip');
      inflated.count = 0;
      const snapshot = await readXlsxSnapshot(bytes, 'a.xlsx', sheets ? { sheets } : {});
      expect(snapshot.ok && snapshot.value.sheets.map((s) => s.name)).toEqual(read);
      expect(inflated.count).toBe(entries.filter((e) => e.method === 8).length);
      expect(inflated.count).toBe(7);
    });
  });

  describe('sheetListOf', () => {
    it('lists the sheets of a package already read, as readXlsxSheetList, inflating nothing again', async () => {
      const bytes = await workbook();
      const read = readPackage(bytes, READ_LIMITS, {
        first: ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'],
      });
      if (read.kind !== 'read') throw new Error(read.kind);
      inflated.count = 0;
      const list = sheetListOf(read.names, read.parts, 'a.xlsx');
      expect(inflated.count).toBe(0);
      expect(list).toEqual(readXlsxSheetList(bytes, 'a.xlsx'));
      expect(list.ok && list.value.map((s) => s.name)).toEqual(['一', '二', '三']);
    });
  });

  describe('PackageWorkbookPort', () => {
    it('opens a package inflating each part once (the limits checked as the parts it keeps come out)', async () => {
      const spec = await SpecWorkbookPort.create();
      await spec.writeSheets([
        contractSheet('一', { cells: [{ row: 0, column: 0, value: noisy(100_000) }] }),
        contractSheet('二', { cells: [{ row: 0, column: 0, value: '二' }] }),
      ]);
      const bytes = await spec.toBuffer();
      const entries = readDirectory(bytes, 100);
      if (entries === undefined || 'tooMany' in entries) throw new Error('not a zip');
      inflated.count = 0;
      const opened = await PackageWorkbookPort.open(bytes, 'a.xlsx');
      expect(opened.ok && opened.value).toBeInstanceOf(PackageWorkbookPort);
      expect(inflated.count).toBe(entries.filter((e) => e.method === 8).length);
    });
  });
});
