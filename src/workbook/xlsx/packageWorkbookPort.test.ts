import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import { contractSheet } from '../contract/portCases';
import { PackageWorkbookPort } from './packageWorkbookPort';
import { readXlsxSnapshot } from './readXlsxSnapshot';
import { writeXlsx } from './writeXlsx';

/**
 * An existing workbook updated in its package: what 総務課 did to it in another program (openpyxl here) stays.
 * The view sheet is written again with its rows moved (a new entry above them): the highlighted row's fill
 * follows its entry, a fill Suishin gives the cell itself is not taken for 総務課's.
 */
const hasOpenpyxl = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'suishin-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A view sheet: a header row, then one row per key in column A, with Suishin's own fill on column C. */
const view = (keys: readonly string[]): SheetSpec =>
  contractSheet('一覧', {
    styles: { head: { bold: true }, state: { fill: '#C6EFCE' } },
    columnWidths: [10, 20, 12],
    cells: [
      { row: 0, column: 0, value: 'コード', style: 'head' },
      { row: 0, column: 1, value: '名前', style: 'head' },
      ...keys.flatMap((k, i) => [
        { row: i + 1, column: 0, value: k },
        { row: i + 1, column: 1, value: `${k} の取組` },
        { row: i + 1, column: 2, value: '達成', style: 'state' },
      ]),
    ],
  });

const EDIT = `
import sys, openpyxl
from openpyxl.styles import PatternFill
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['一覧']
for c in range(1, 4):
    ws.cell(3, c).fill = PatternFill('solid', fgColor='FFFFFF00')   # row of key B
ws.column_dimensions['B'].width = 33
wb['元の表']['A1'].fill = PatternFill('solid', fgColor='FF92D050')
wb.create_sheet('メモ')['A1'] = '総務課のメモ'
wb.save(sys.argv[1])
`;

const INSPECT = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['一覧']
fill = lambda c: c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else None
print(json.dumps({
  'sheets': wb.sheetnames,
  'keys': [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)],
  'fills': [[fill(ws.cell(r, c)) for c in range(1, 4)] for r in range(2, ws.max_row + 1)],
  'widthB': ws.column_dimensions['B'].width,
  'memo': wb['メモ']['A1'].value,
}))
`;

const python = (script: string, path: string): string => {
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
};

describe.skipIf(!hasOpenpyxl)('PackageWorkbookPort on a workbook edited with openpyxl', () => {
  it('keeps the other sheets byte for byte, and carries the row fill and the column width to the rewritten sheet', async () => {
    const path = join(dir, 'edited.xlsx');
    const kept = contractSheet('元の表', { cells: [{ row: 0, column: 0, value: '総務課の表' }] });
    writeFileSync(
      path,
      await writeXlsx({ sheets: [kept, view(['A', 'B', 'C'])], properties: { title: 't' } }),
    );
    python(EDIT, path);
    const edited = new Uint8Array(readFileSync(path));

    const opened = await PackageWorkbookPort.open(edited, 'edited.xlsx');
    if (!opened.ok || !opened.value) throw new Error('did not open');
    const port = opened.value;
    expect((await port.readSnapshot(['一覧'])).sheets[0]!.values.map((r) => r[0])).toEqual([
      'コード',
      'A',
      'B',
      'C',
    ]);
    await port.writeSheets([view(['X', 'A', 'B', 'C'])]);
    const saved = await port.toBuffer();
    writeFileSync(path, saved);

    expect(JSON.parse(python(INSPECT, path))).toEqual({
      sheets: ['元の表', '一覧', 'メモ'],
      keys: ['X', 'A', 'B', 'C'],
      fills: [
        [null, null, 'FFC6EFCE'],
        [null, null, 'FFC6EFCE'],
        ['FFFFFF00', 'FFFFFF00', 'FFFFFF00'],
        [null, null, 'FFC6EFCE'],
      ],
      widthB: 33,
      memo: '総務課のメモ',
    });
    // The sheets Suishin did not write, and the theme, are the same bytes as in the file 総務課 saved.
    const [before, after] = [unzipSync(edited), unzipSync(saved)];
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml', 'xl/theme/theme1.xml']) {
      expect(after[part], part).toBeDefined();
      expect(Buffer.from(after[part]!).equals(Buffer.from(before[part]!))).toBe(true);
    }
    const read = await readXlsxSnapshot(saved, 'saved.xlsx');
    expect(read.ok && read.value.sheets.map((s) => s.name)).toEqual(['元の表', '一覧', 'メモ']);
  }, 60_000);
});

describe.skipIf(!hasOpenpyxl)('PackageWorkbookPort: column widths follow their headers', () => {
  /** The view with a column inserted before 名前 (a 様式 with a field added): 名前 moves from B to C. */
  const withInserted = (keys: readonly string[]): SheetSpec => {
    const base = view(keys);
    return {
      ...base,
      columnWidths: [10, 14, 20, 12],
      cells: [
        ...base.cells.map((c) => (c.column >= 1 ? { ...c, column: c.column + 1 } : c)),
        { row: 0, column: 1, value: '分類', style: 'head' },
      ],
    };
  };

  it("keeps 総務課's width on 名前 where 名前 now is, and gives the new column the spec's width", async () => {
    const path = join(dir, 'widths.xlsx');
    const kept = contractSheet('元の表', { cells: [{ row: 0, column: 0, value: '総務課の表' }] });
    writeFileSync(path, await writeXlsx({ sheets: [kept, view(['A', 'B'])], properties: { title: 't' } }));
    python(EDIT, path);
    const opened = await PackageWorkbookPort.open(new Uint8Array(readFileSync(path)), 'widths.xlsx');
    if (!opened.ok || !opened.value) throw new Error('did not open');
    await opened.value.writeSheets([withInserted(['A', 'B'])]);
    writeFileSync(path, await opened.value.toBuffer());
    const widths = JSON.parse(
      python(
        `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['一覧']
print(json.dumps([ws.cell(1, c).value for c in range(1, 5)] + [ws.column_dimensions[l].width for l in 'ABCD']))
`,
        path,
      ),
    ) as unknown[];
    expect(widths.slice(0, 4)).toEqual(['コード', '分類', '名前', null]);
    // 名前 keeps 総務課's 33 in its new column C; 分類 (new) has the spec's 14, not 名前's old width.
    expect(widths.slice(4)).toEqual([10, 14, 33, 12]);
  }, 60_000);
});

describe('PackageWorkbookPort on packages it does not rewrite', () => {
  it('answers undefined for a workbook part of a type it does not rewrite (an add-in; the caller opens it with ExcelJS)', async () => {
    const bytes = await writeXlsx({ sheets: [contractSheet('表')], properties: { title: 't' } });
    const zip = unzipSync(bytes);
    const types = new TextDecoder().decode(zip['[Content_Types].xml']);
    expect(types).toContain('.sheet.main+xml');
    zip['[Content_Types].xml'] = new TextEncoder().encode(
      types.replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.addin.macroEnabled.main+xml',
      ),
    );
    const { zipSync } = await import('fflate');
    expect(await PackageWorkbookPort.open(zipSync(zip), 'addin.xlam')).toEqual({
      ok: true,
      value: undefined,
    });
    expect((await PackageWorkbookPort.open(bytes, 'plain.xlsx')).ok).toBe(true);
  });

  it('refuses what is not a workbook with the open error ExcelJS gives', async () => {
    const opened = await PackageWorkbookPort.open(new TextEncoder().encode('a,b\n'), 'memo.xlsx');
    expect(opened.ok || opened.error.code).toBe('file.not-xlsx');
  });
});
