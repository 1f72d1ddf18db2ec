import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
/* eslint-disable no-restricted-imports -- the equivalence is checked on the files the real use cases write:
   department workbooks from buildDepartmentFiles, and a master after consolidate() */
import { buildDepartmentFiles } from '../../app/buildWorkbooks';
import { consolidate } from '../../app/consolidate';
/* eslint-enable no-restricted-imports */
import { r2Sample } from '../../domain/sample/r2';
import { buildMasterTemplate } from '../../domain/template/buildMasterTemplate';
import { edgeCaseWorkbook } from '../../../tests/helpers/edgeCaseWorkbook';
import { excelJsFactory } from '../exceljs/excelJsFactory';
import { readXlsxSnapshot } from './readXlsxSnapshot';
import { excelJsSnapshot, xlsxPackage } from '../../../tests/helpers/xlsxPackage';

const { plan, entries, fiscalYear } = r2Sample();
const departmentFiles = buildDepartmentFiles(excelJsFactory, { plan, fiscalYear, entries });

async function consolidatedMaster(): Promise<Uint8Array> {
  const target = await excelJsFactory.create(
    buildMasterTemplate({ plan, fiscalYear, title: '町政運営推進プラン' }),
  );
  const inputs = (await departmentFiles).map((f) => ({ file: f.fileName, modified: 0, bytes: f.bytes }));
  await consolidate(plan, inputs, {
    factory: excelJsFactory,
    target,
    stage: 'year-end',
    fiscalYear,
    stamp: '2021-04-20T09:00:00+09:00',
    title: '町政運営推進プラン',
  });
  return target.toBuffer();
}

describe('readXlsxSnapshot gives exactly the snapshot of excelJsFactory.open + readSnapshot', () => {
  it('for every R2 department workbook as built and filled by Suishin', async () => {
    const files = await departmentFiles;
    expect(files.length).toBe(plan.departments.length);
    for (const f of files)
      expect(await readXlsxSnapshot(f.bytes, f.fileName), f.fileName).toEqual(
        await excelJsSnapshot(f.bytes, f.fileName),
      );
  });

  it('for the master after a consolidation (体系, 全体計画, report sheets)', async () => {
    const bytes = await consolidatedMaster();
    const read = await readXlsxSnapshot(bytes, 'master.xlsx');
    expect(read.ok && read.value.sheets.length).toBeGreaterThan(2);
    expect(read).toEqual(await excelJsSnapshot(bytes, 'master.xlsx'));
  });

  it.each([
    ['with shared strings', true],
    ['with inline strings (t="str", rich text as <is>)', false],
  ])('for a workbook written by ExcelJS with every kind of value, %s', async (_name, useSharedStrings) => {
    const bytes = await edgeCaseWorkbook({ useSharedStrings });
    const read = await readXlsxSnapshot(bytes, '値.xlsx');
    expect(read).toEqual(await excelJsSnapshot(bytes, '値.xlsx'));
    // Not trivially equal: the values the cases are about.
    const [values, hidden, meta, empty] = read.ok ? read.value.sheets : [];
    expect(values?.values[0]?.[0]).toBe('目指す姿');
    expect(values?.values[7]?.[0]).toHaveLength(40_000);
    expect(values?.formulaCells).toContain('B12');
    expect([hidden?.visibility, meta?.visibility, empty?.values]).toEqual(['hidden', 'veryHidden', []]);
  });

  it('for the sheets asked for, by name in any case, in tab order', async () => {
    const bytes = await edgeCaseWorkbook();
    const sheets = ['秘', '空', '値', 'なし'];
    const read = await readXlsxSnapshot(bytes, '値.xlsx', { sheets });
    expect(read.ok && read.value.sheets.map((s) => s.name)).toEqual(['値', '秘', '空']);
    expect(read).toEqual(await excelJsSnapshot(bytes, '値.xlsx', sheets));
    const upper = await xlsxPackage({
      sheets: '<sheet name="Sheet1" sheetId="1" r:id="rId1"/>',
      sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>',
    });
    expect(await readXlsxSnapshot(upper, 'f.xlsx', { sheets: ['SHEET1'] })).toEqual(
      await excelJsSnapshot(upper, 'f.xlsx', ['SHEET1']),
    );
  });

  const hostile = new URL('../../../tests/fixtures/hostile/files/', import.meta.url);
  it.each(readdirSync(hostile).filter((f) => f.endsWith('.xlsx')))(
    'for the hostile fixture %s (read or refused alike)',
    async (file) => {
      const bytes = new Uint8Array(readFileSync(new URL(file, hostile)));
      expect(await readXlsxSnapshot(bytes, file)).toEqual(await excelJsSnapshot(bytes, file));
    },
  );
});

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (text: string): number[] => Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
const cfb = (stream: string): Uint8Array =>
  Uint8Array.from([
    ...CFB,
    ...new Array<number>(504).fill(0),
    ...utf16(stream),
    ...new Array<number>(64).fill(0),
  ]);
const zipOf = async (files: Record<string, string | Uint8Array>): Promise<Uint8Array> =>
  zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]),
    ),
  );
/** Overwrite the uncompressed size a part declares, in its local header and its central directory record. */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  const nameAt = (at: number) => encoded.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === encoded.length && nameAt(i + 30))
      view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(i + 28, true) === encoded.length && nameAt(i + 46))
      view.setUint32(i + 24, size, true);
  }
  return out;
}
const bomb = () =>
  zipOf({
    '[Content_Types].xml': '<Types/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024),
  });

describe('readXlsxSnapshot refuses what excelJsFactory.open refuses, with the same code and message', () => {
  it.each([
    ['an empty file', 'file.empty', async () => new Uint8Array()],
    ['an old .xls (compound file with a Workbook stream)', 'file.xls', async () => cfb('Workbook')],
    [
      'a password-protected book (compound file with EncryptionInfo)',
      'file.encrypted',
      async () => cfb('EncryptionInfo'),
    ],
    ['a Word 97-2003 document', 'file.other-format', async () => cfb('WordDocument')],
    ['another compound document', 'file.not-xlsx', async () => cfb('PowerPoint Document')],
    ['a PDF', 'file.other-format', async () => new TextEncoder().encode('%PDF-1.4\n')],
    [
      'CSV renamed to .xlsx',
      'file.not-xlsx',
      async () => new TextEncoder().encode('取組項目,実践課\nI-1-1-1,総務課\n'),
    ],
    ['a truncated .xlsx', 'file.corrupt', async () => (await edgeCaseWorkbook()).slice(0, 3000)],
    ['a Word document (.docx)', 'file.other-format', () => zipOf({ 'word/document.xml': '<w/>' })],
    ['a zip without xl/workbook.xml', 'file.corrupt', () => zipOf({ 'memo.txt': 'メモ' })],
    [
      'a zip whose workbook.xml is not XML',
      'file.corrupt',
      () => zipOf({ 'xl/workbook.xml': '\u0000ではない' }),
    ],
    ['a workbook without worksheets', 'file.corrupt', () => xlsxPackage({ sheets: '' })],
    ['a zip bomb', 'file.too-large', bomb],
    [
      'a zip bomb behind a lying header',
      'file.corrupt',
      async () => lieAboutSize(await bomb(), 'xl/worksheets/sheet1.xml', 1000),
    ],
    [
      'an external entity (DTD)',
      'file.corrupt',
      () =>
        xlsxPackage({
          files: {
            'xl/sharedStrings.xml':
              '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/hostname">]><sst><si><t>&x;</t></si></sst>',
          },
        }),
    ],
  ] as const)('%s: %s', async (_name, code, bytes) => {
    const input = await bytes();
    const read = await readXlsxSnapshot(input, '総務課_令和2年度.xlsx');
    expect(read.ok ? 'ok' : read.error.code).toBe(code);
    expect(read).toEqual(await excelJsSnapshot(input, '総務課_令和2年度.xlsx'));
  });

  it('never throws, whatever prefix of a valid file it is given', async () => {
    const bytes = await edgeCaseWorkbook();
    for (let length = 0; length < bytes.length; length += 997) {
      const read = await readXlsxSnapshot(bytes.slice(0, length), 'cut.xlsx');
      expect(read.ok ? 'ok' : read.error.code).toMatch(/^file\.(corrupt|not-xlsx|empty)$/);
    }
  });
});
