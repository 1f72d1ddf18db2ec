import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OpenError } from '../port';
import { contractSheet, contractWorkbook } from '../contract/portCases';
import { excelJsFactory } from './excelJsFactory';
import { zipParts } from '../../../tests/helpers/reopen';
import { withVbaProject } from '../../../tests/helpers/xlsm';

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (text: string): number[] => Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
/** A compound-file header followed by a directory entry name, padded like a sector. */
const cfb = (streamName: string): Uint8Array =>
  Uint8Array.from([
    ...CFB,
    ...new Array<number>(504).fill(0),
    ...utf16(streamName),
    ...new Array<number>(64).fill(0),
  ]);

function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16;
  }
  return bytes;
}

const validXlsx = async (): Promise<Uint8Array> =>
  (
    await excelJsFactory.create(
      contractWorkbook(contractSheet('表紙', { cells: [{ row: 0, column: 0, value: '推進' }] })),
    )
  ).toBuffer();

async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const u8 = (content: string | Uint8Array) => (typeof content === 'string' ? strToU8(content) : content);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, u8(content)])), {
    level: 0,
  });
}

/** An .xlsm: a valid package with a VBA project part, declared as a macro-enabled workbook. */
const xlsmOf = async (bytes: Uint8Array): Promise<Uint8Array> => withVbaProject(bytes, cfb('VBA'));

type Case = Readonly<{
  name: string;
  bytes: () => Promise<Uint8Array>;
  code: OpenError['code'];
  says: string;
}>;

const cases: readonly Case[] = [
  {
    name: 'an empty file is file.empty',
    bytes: async () => new Uint8Array(),
    code: 'file.empty',
    says: '空のファイル',
  },
  {
    name: 'a compound file with a Workbook stream is an old .xls',
    bytes: async () => cfb('Workbook'),
    code: 'file.xls',
    says: 'Excel 97-2003 形式 (.xls)',
  },
  {
    name: 'a compound file with EncryptionInfo is a password-protected book',
    bytes: async () => cfb('EncryptionInfo'),
    code: 'file.encrypted',
    says: 'パスワードで保護されています',
  },
  {
    name: 'a Word 97-2003 document is named as one, with what to send instead',
    bytes: async () => cfb('WordDocument'),
    code: 'file.other-format',
    says: 'は Excel ブック (.xlsx) ではありません。Word 97-2003 の文書 (.doc) です。配布した取組項目シートのブック',
  },
  {
    name: 'another compound document is not a workbook',
    bytes: async () => cfb('PowerPoint Document'),
    code: 'file.not-xlsx',
    says: '.xlsx) ではありません',
  },
  {
    name: 'a PDF is named as one',
    bytes: async () => new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
    code: 'file.other-format',
    says: 'PDF です。配布した取組項目シートのブック (.xlsx) に記入して',
  },
  {
    name: 'CSV text renamed to .xlsx is not a workbook',
    bytes: async () => new TextEncoder().encode('取組項目,実践課\nI-1-1-1,総務課\n'),
    code: 'file.not-xlsx',
    says: 'CSV',
  },
  {
    name: 'random bytes are not a workbook',
    bytes: async () => randomBytes(4096, 7),
    code: 'file.not-xlsx',
    says: '.xlsx) ではありません',
  },
  {
    name: 'a truncated .xlsx is corrupt',
    bytes: async () => (await validXlsx()).slice(0, 3000),
    code: 'file.corrupt',
    says: '壊れている可能性',
  },
  {
    name: 'a Word document (.docx) is named as one',
    bytes: () => zipOf({ 'word/document.xml': '<w/>' }),
    code: 'file.other-format',
    says: 'Word の文書 (.docx) です。',
  },
  {
    name: 'an OpenDocument spreadsheet (.ods) is named, with how to save it as .xlsx',
    bytes: () => zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<o/>' }),
    code: 'file.other-format',
    says: 'OpenDocument スプレッドシート (.ods) です。LibreOffice などで開いて「名前を付けて保存」から',
  },
  {
    name: 'an Excel binary book (.xlsb) is named, with how to save it as .xlsx',
    bytes: () => zipOf({ 'xl/workbook.bin': 'x' }),
    code: 'file.other-format',
    says: 'Excel バイナリ ブック (.xlsb) です。Excel（または LibreOffice Calc）で開いて「名前を付けて保存」から Excel ブック (.xlsx) 形式で',
  },
  {
    name: 'a zip that is no known format is corrupt',
    bytes: () => zipOf({ 'memo.txt': 'メモ' }),
    code: 'file.corrupt',
    says: '壊れている可能性',
  },
  {
    name: 'a zip whose workbook.xml is not XML is corrupt',
    bytes: () => zipOf({ 'xl/workbook.xml': '\u0000ではない' }),
    code: 'file.corrupt',
    says: '壊れている可能性',
  },
];

describe('excelJsFactory.open', () => {
  it.each(cases)('$name', async ({ bytes, code, says }) => {
    const result = await excelJsFactory.open(await bytes(), '総務課_令和2年度.xlsx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.file).toBe('総務課_令和2年度.xlsx');
    expect(result.error.message).toContain('「総務課_令和2年度.xlsx」');
    expect(result.error.message).toContain(says);
  });

  it('opens a valid .xlsx and reports the file name in snapshots', async () => {
    const result = await excelJsFactory.open(await validXlsx(), '総務課.xlsx');
    expect(result.ok && (await result.value.readSnapshot())).toEqual({
      file: '総務課.xlsx',
      sheets: [{ name: '表紙', visibility: 'visible', values: [['推進']], merges: [], formulaCells: [] }],
    });
  });

  it('never throws, whatever prefix of a valid file it is given', async () => {
    const bytes = await validXlsx();
    for (const length of [1, 4, 30, 100, 1000, bytes.length - 22, bytes.length - 1]) {
      const result = await excelJsFactory.open(bytes.slice(0, length), 'cut.xlsx');
      expect(result.ok ? 'ok' : result.error.code).toMatch(/^file\.(corrupt|not-xlsx)$/);
    }
  });

  it('opens an .xlsm without keeping its macros when saved', async () => {
    const result = await excelJsFactory.open(await xlsmOf(await validXlsx()), '総務課.xlsm');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await result.value.readSnapshot()).sheets[0]?.values).toEqual([['推進']]);
    const parts = await zipParts(await result.value.toBuffer());
    expect([...parts.keys()].filter((name) => /vba/i.test(name))).toEqual([]);
    expect(parts.get('[Content_Types].xml')).not.toMatch(/macroEnabled|vbaProject/);
    expect(parts.get('xl/_rels/workbook.xml.rels')).not.toMatch(/vbaProject/);
  });
});

describe('excelJsFactory.create', () => {
  it('writes the workbook properties and asks Excel to recalculate on open', async () => {
    const port = await excelJsFactory.create({
      sheets: [contractSheet('表紙')],
      properties: { title: '令和2年度 進捗', subject: '推進プラン', creator: '総務課', company: '〇〇町' },
    });
    const parts = await zipParts(await port.toBuffer());
    const core = parts.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>令和2年度 進捗</dc:title>');
    expect(core).toContain('<dc:subject>推進プラン</dc:subject>');
    expect(core).toContain('<dc:creator>総務課</dc:creator>');
    expect(parts.get('docProps/app.xml')).toContain('<Company>〇〇町</Company>');
    expect(parts.get('xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  });

  it('creates an empty workbook when given no spec', async () => {
    expect(await (await excelJsFactory.create()).listSheets()).toEqual([]);
  });
});
