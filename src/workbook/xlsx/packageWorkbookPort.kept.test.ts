import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { contractSheet } from '../contract/portCases';
import { fileFactory } from '../exceljs/fileFactory';
import { MARK_FILLS } from '../markFills';
import { PackageWorkbookPort } from './packageWorkbookPort';
import { readXlsxSnapshot } from './readXlsxSnapshot';
import { writeXlsx } from './writeXlsx';
import { isMacroEnabled } from './workbookType';
import { withVbaProject, XLSM_TYPE } from '../../../tests/helpers/xlsm';

/**
 * Marks and the active cell on the sheets a package keeps (the pane's 検証 of a department's own workbook), and
 * macro-enabled workbooks and templates updated in place. The workbook comes from openpyxl, as one a
 * department or 総務課 saved in another program; openpyxl reads the result back.
 */
const hasOpenpyxl = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'suishin-kept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const python = (script: string, ...args: string[]): string => {
  const run = spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
};

/** A department's sheet with fonts, borders, number formats, a merge and a fill; 総務課's memo sheet; names. */
const MAKE = `
import sys, datetime, openpyxl
from openpyxl.styles import Font, Border, Side, PatternFill, Alignment
from openpyxl.workbook.defined_name import DefinedName
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '取組'
ws['A1'] = '項目'
ws['A1'].font = Font(bold=True, color='FF0000FF')
ws['B2'] = 0.456
ws['B2'].number_format = '0.0%'
ws['B2'].font = Font(bold=True, italic=True, color='FFC00000')
ws['B2'].border = Border(left=Side('thin'), bottom=Side('double'))
ws['B2'].alignment = Alignment(wrap_text=True, horizontal='center')
ws['A3'] = '既存'
ws['D3'] = '右'
ws['D3'].border = Border(top=Side('thick'))
ws['B5'] = '結合'
ws.merge_cells('B5:D6')
ws['E2'] = '総務課の色'
ws['E2'].fill = PatternFill('solid', fgColor='FF92D050')
ws['B8'] = datetime.date(2020, 4, 1)
ws['B8'].number_format = 'yyyy/m/d'
ws.freeze_panes = 'A2'
memo = wb.create_sheet('総務課メモ')
memo['A1'] = 'メモ'
memo['A1'].fill = PatternFill('solid', fgColor='FFFFFF00')
wb.defined_names.append(DefinedName('対象', attr_text="'取組'!$B$2:$D$6"))
wb.defined_names.append(DefinedName('印刷範囲', localSheetId=1, attr_text="'総務課メモ'!$A$1:$C$3"))
wb.active = 1
wb.save(sys.argv[1])
`;

/** Every cell of both sheets as openpyxl reads it, with the workbook's sheets, names and view. */
const INSPECT = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def rgb(c):
    return c.value if c is not None and c.type == 'rgb' else None
def side(s):
    return s.style if s is not None else None
def cell(c):
    return {
        'value': str(c.value) if c.value is not None else None,
        'fill': c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else None,
        'font': [bool(c.font.b), bool(c.font.i), rgb(c.font.color)],
        'border': [side(c.border.left), side(c.border.bottom), side(c.border.top)],
        'numFmt': c.number_format,
        'align': [bool(c.alignment.wrap_text), c.alignment.horizontal],
    }
out = {'sheets': wb.sheetnames, 'active': wb.active.title, 'cells': {}, 'views': {}}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if type(c).__name__ == 'Cell':
                out['cells'][ws.title + '!' + c.coordinate] = cell(c)
    view = ws.sheet_view
    out['views'][ws.title] = [bool(view.tabSelected), [s.activeCell for s in view.selection]]
out['merges'] = [str(m) for m in wb['取組'].merged_cells.ranges]
out['names'] = sorted([d.name, d.attr_text, d.localSheetId] for d in wb.defined_names.definedName)
print(json.dumps(out, ensure_ascii=False))
`;

type Inspected = {
  sheets: string[];
  active: string;
  cells: Record<string, { fill: string | null } & Record<string, unknown>>;
  views: Record<string, [boolean, string[]]>;
  merges: string[];
  names: unknown[];
};
const inspect = (path: string): Inspected => JSON.parse(python(INSPECT, path)) as Inspected;
const argb = (hex: string) => `FF${hex.slice(1)}`;

async function departmentBook(): Promise<{ path: string; bytes: Uint8Array }> {
  const path = join(dir, `made-${Math.random().toString(36).slice(2)}.xlsx`);
  python(MAKE, path);
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

async function openPackage(bytes: Uint8Array, file = 'book.xlsx'): Promise<PackageWorkbookPort> {
  const opened = await PackageWorkbookPort.open(bytes, file);
  if (!opened.ok || !opened.value) throw new Error('the package port did not open it');
  return opened.value;
}

describe.skipIf(!hasOpenpyxl)('PackageWorkbookPort: marks on a sheet the file already had', () => {
  it('fills the marked cells (a merge at its top-left, a missing cell or row added), and changes nothing else', async () => {
    const { path, bytes } = await departmentBook();
    const before = inspect(path);
    const port = await openPackage(bytes);
    await port.markCells([
      { sheet: '取組', cell: 'B2', severity: 'error' },
      { sheet: '取組', cell: 'C3', severity: 'warning' },
      { sheet: '取組', cell: 'F10', severity: 'info' },
      { sheet: '取組', cell: 'C6', severity: 'warning' },
      { sheet: '取組', cell: 'B2', severity: 'info' },
    ]);
    await port.selectCell('取組', 'C3');
    const saved = join(dir, 'marked.xlsx');
    writeFileSync(saved, await port.toBuffer());
    const after = inspect(saved);

    const fills = {
      '取組!B2': 'error',
      '取組!C3': 'warning',
      '取組!F10': 'info',
      '取組!B5': 'warning',
    } as const;
    for (const [at, severity] of Object.entries(fills))
      expect(after.cells[at]?.fill, at).toBe(argb(MARK_FILLS[severity]));
    // The marked cells keep their values, fonts, borders, number formats and alignment.
    const { fill: _b2, ...b2 } = after.cells['取組!B2']!;
    const { fill: _old, ...oldB2 } = before.cells['取組!B2']!;
    expect(b2).toEqual(oldB2);
    expect(oldB2).toMatchObject({
      value: '0.456',
      font: [true, true, 'FFC00000'],
      border: ['thin', 'double', null],
      numFmt: '0.0%',
      align: [true, 'center'],
    });
    expect(after.cells['取組!B5']?.value).toBe('結合');
    // Every other cell as it was; the new cells (C3, F10) are empty.
    const marked = new Set(Object.keys(fills));
    for (const [at, c] of Object.entries(before.cells))
      if (!marked.has(at)) expect(after.cells[at], at).toEqual(c);
    // Cells openpyxl lists now that the used range is larger are empty, and unfilled unless marked.
    for (const at of Object.keys(after.cells).filter((a) => !(a in before.cells)))
      expect(after.cells[at], at).toMatchObject({ value: null, ...(!marked.has(at) && { fill: null }) });
    // Sheets, names and merges as they were; the file opens on the chosen cell.
    expect([after.sheets, after.names, after.merges]).toEqual([before.sheets, before.names, before.merges]);
    expect(before.active).toBe('総務課メモ');
    expect(after.active).toBe('取組');
    expect(after.views['取組']).toEqual([true, ['C3']]);
    expect(after.views['総務課メモ']?.[0]).toBe(false);
  }, 60_000);

  it('opens on the chosen sheet alone: sheets the department had grouped are no longer selected with it', async () => {
    // 取組 and 総務課メモ saved grouped (Excel marks every grouped tab selected), a third sheet for the finding.
    const { path } = await departmentBook();
    python(
      `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.create_sheet('参考')['A1'] = '参考'
for name in ('取組', '総務課メモ'):
    wb[name].sheet_view.tabSelected = True
wb.save(sys.argv[1])`,
      path,
    );
    const grouped = inspect(path);
    expect([grouped.active, grouped.views['取組']?.[0], grouped.views['総務課メモ']?.[0]]).toEqual([
      '総務課メモ',
      true,
      true,
    ]);
    const bytes = new Uint8Array(readFileSync(path));

    // Marks alone: the file opens where it did, grouped as the department left it.
    const unmoved = await openPackage(bytes);
    await unmoved.markCells([{ sheet: '参考', cell: 'A1', severity: 'error' }]);
    const kept = unzipSync(await unmoved.toBuffer());
    const original = unzipSync(bytes);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'])
      expect(Buffer.from(kept[part]!).equals(Buffer.from(original[part]!)), part).toBe(true);

    // A cell chosen on another sheet: that sheet alone is selected, or typing there would write into all three.
    const port = await openPackage(bytes);
    await port.selectCell('参考', 'A1');
    const saved = join(dir, 'ungrouped.xlsx');
    writeFileSync(saved, await port.toBuffer());
    const after = inspect(saved);
    expect(after.active).toBe('参考');
    expect(after.views).toEqual({
      取組: [false, grouped.views['取組']?.[1]],
      総務課メモ: [false, grouped.views['総務課メモ']?.[1]],
      参考: [true, ['A1']],
    });
  }, 60_000);

  it('goes out byte for byte again once the marks are cleared', async () => {
    const { bytes } = await departmentBook();
    const port = await openPackage(bytes);
    await port.markCells([{ sheet: '取組', cell: 'B2', severity: 'error' }]);
    const marked = unzipSync(await port.toBuffer());
    await port.clearMarks();
    const cleared = unzipSync(await port.toBuffer());
    const original = unzipSync(bytes);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      expect(Buffer.from(cleared[part]!).equals(Buffer.from(original[part]!)), part).toBe(true);
    }
    expect(
      Buffer.from(marked['xl/worksheets/sheet1.xml']!).equals(
        Buffer.from(original['xl/worksheets/sheet1.xml']!),
      ),
    ).toBe(false);
  }, 60_000);
});

const VBA_PROJECT = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251);

/** A workbook written by Suishin, made a macro-enabled one (or a template) part by part. */
async function packageOf(workbookType: string, vba: boolean): Promise<Uint8Array> {
  const bytes = await writeXlsx({
    sheets: [
      contractSheet('表', { cells: [{ row: 0, column: 0, value: '値' }] }),
      contractSheet('別表', { cells: [{ row: 0, column: 0, value: 1 }] }),
    ],
    properties: { title: 't' },
  });
  const parts = unzipSync(bytes);
  // Code names, as Excel gives the sheets of a workbook with a VBA project.
  for (const n of [1, 2])
    parts[`xl/worksheets/sheet${n}.xml`] = strToU8(
      strFromU8(parts[`xl/worksheets/sheet${n}.xml`]!).replace(
        '<dimension',
        `<sheetPr codeName="Sheet${n}"/><dimension`,
      ),
    );
  if (vba) return withVbaProject(zipSync(parts), VBA_PROJECT, workbookType);
  parts['[Content_Types].xml'] = strToU8(
    strFromU8(parts['[Content_Types].xml']!).replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      workbookType,
    ),
  );
  return zipSync(parts);
}

describe('PackageWorkbookPort: macro-enabled workbooks and templates', () => {
  it('updates an .xlsm in place: vbaProject.bin byte for byte, its relationship and content types kept', async () => {
    const opened = await fileFactory.open(await packageOf(XLSM_TYPE, true), '総務課.xlsm');
    if (!opened.ok) throw new Error(opened.error.message);
    const port = opened.value;
    expect(port).toBeInstanceOf(PackageWorkbookPort);
    await port.markCells([{ sheet: '表', cell: 'A1', severity: 'error' }]);
    await port.writeSheets([contractSheet('新しい表'), contractSheet('別表')]);
    const saved = await port.toBuffer();
    const parts = unzipSync(saved);
    // 別表, written again, keeps its code name: the VBA project's module for it.
    expect(strFromU8(parts['xl/worksheets/sheet3.xml']!)).toMatch(
      /^[^]*<worksheet [^>]*><sheetPr codeName="Sheet2">/,
    );
    expect(Buffer.from(parts['xl/vbaProject.bin']!).equals(Buffer.from(VBA_PROJECT))).toBe(true);
    const types = strFromU8(parts['[Content_Types].xml']!);
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${XLSM_TYPE}"/>`);
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(strFromU8(parts['xl/_rels/workbook.xml.rels']!)).toContain('Target="vbaProject.bin"');
    // Named .xlsm when downloaded (Excel opens these bytes under no other name); a plain workbook is not.
    const plain = await writeXlsx({ sheets: [contractSheet('表')], properties: { title: 't' } });
    expect([isMacroEnabled(saved), isMacroEnabled(plain), isMacroEnabled(VBA_PROJECT)]).toEqual([
      true,
      false,
      false,
    ]);
    const read = await readXlsxSnapshot(saved, '総務課.xlsm');
    expect(read.ok && read.value.sheets.map((s) => s.name)).toEqual(['表', '別表', '新しい表']);
    if (hasOpenpyxl) {
      const path = join(dir, 'saved.xlsm');
      writeFileSync(path, saved);
      const check = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], keep_vba=True)
print(wb.sheetnames, 'xl/vbaProject.bin' in wb.vba_archive.namelist(), wb['表']['A1'].fill.fgColor.rgb)
`;
      expect(python(check, path).trim()).toBe(`['表', '別表', '新しい表'] True ${argb(MARK_FILLS.error)}`);
    }
  });

  it.each([
    [
      'a template (.xltx)',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
      false,
    ],
    ['a macro-enabled template (.xltm)', 'application/vnd.ms-excel.template.macroEnabled.main+xml', true],
  ])('updates %s in place, keeping its content type', async (_name, type, vba) => {
    const port = await openPackage(await packageOf(type, vba), 'book.xltx');
    await port.writeSheets([contractSheet('表')]);
    const parts = unzipSync(await port.toBuffer());
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain(
      `<Override PartName="/xl/workbook.xml" ContentType="${type}"/>`,
    );
    expect(parts['xl/vbaProject.bin'] !== undefined).toBe(vba);
  });
});
