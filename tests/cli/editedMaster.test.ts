import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMARKS_HEADER } from '../../src/domain/consolidation/buildMasterView';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/readXlsxSnapshot';
import { MASTER_READ_LIMITS } from '../../src/workbook/readLimits';
import { r2Workspace, readSheets, runCli, text } from './runCli';

/**
 * A master 総務課 edited in another program (openpyxl here: Excel is not available) and consolidated again
 * keeps the edits: the sheet they added, the row they highlighted in 全体計画 (found again by its entry's
 * code: packageWorkbookPort.test.ts moves the rows), the column they widened, and a fill on the 体系 sheet,
 * which Suishin does not write again.
 */
const python = spawnSync('/usr/bin/python3', ['-c', 'import openpyxl'], { encoding: 'utf8' });
const hasOpenpyxl = python.status === 0;

/** Runs a Python script on the master (argv[1]); prints its stdout as JSON. */
function openpyxl(script: string, path: string): unknown {
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout || 'null');
}

const EDIT = `
import sys, json, openpyxl
from openpyxl.styles import PatternFill
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['全体計画']
header = next(r for r in range(1, ws.max_row + 1) if any(c.value == '${REMARKS_HEADER}' for c in ws[r]))
row = header + 1
code = ws.cell(row, 1).value
for c in range(1, ws.max_column + 1):
    ws.cell(row, c).fill = PatternFill('solid', fgColor='FFFFFF00')
ws.column_dimensions['B'].width = 44
memo = wb.create_sheet('メモ')
memo['A1'] = '来年度の課題'
memo['B2'].fill = PatternFill('solid', fgColor='FF00B0F0')
wb['体系']['A1'].fill = PatternFill('solid', fgColor='FF92D050')
wb.save(sys.argv[1])
print(json.dumps(code))
`;

const INSPECT = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['全体計画']
rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == sys.argv[2]]
row = rows[0]
print(json.dumps({
  'sheets': wb.sheetnames,
  'row': row,
  'fills': [ws.cell(row, c).fill.fgColor.rgb if ws.cell(row, c).fill.fill_type == 'solid' else None for c in range(1, 4)],
  'nextRowFill': ws.cell(row + 1, 1).fill.fgColor.rgb if ws.cell(row + 1, 1).fill.fill_type == 'solid' else None,
  'widthB': ws.column_dimensions['B'].width,
  'memo': wb['メモ']['A1'].value,
  'memoFill': wb['メモ']['B2'].fill.fgColor.rgb,
  'planFill': wb['体系']['A1'].fill.fgColor.rgb,
}))
`;

let dir = '';
let files: string[] = [];
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, files, cleanup } = await r2Workspace());
});
afterAll(() => cleanup());

describe.skipIf(!hasOpenpyxl)('a master edited by 総務課, consolidated again by the CLI', () => {
  it('keeps the added sheet, the highlighted row, the widened column and the 体系 fill', async () => {
    const out = join(dir, 'edited.xlsx');
    const first = await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...files, '--out', 'edited.xlsx');
    expect(first.code, first.stderr).toBe(0);
    const code = openpyxl(EDIT, out) as string;
    expect(code).not.toBe('');

    const second = await runCli(dir, 'consolidate', ...files, '--out', 'edited.xlsx');
    expect(second.code, second.stderr).toBe(0);
    const after = openpyxl(INSPECT.replace('sys.argv[2]', JSON.stringify(code)), out) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({
      fills: ['FFFFFF00', 'FFFFFF00', 'FFFFFF00'],
      widthB: 44,
      memo: '来年度の課題',
      memoFill: 'FF00B0F0',
      planFill: 'FF92D050',
    });
    expect(after.sheets).toContain('メモ');
    expect(after.nextRowFill).not.toBe('FFFFFF00');

    // Still a workbook every reader opens: ours (under the master limits), and ExcelJS.
    const bytes = new Uint8Array(await readFile(out));
    const read = await readXlsxSnapshot(bytes, 'edited.xlsx', { limits: MASTER_READ_LIMITS });
    expect(read.ok).toBe(true);
    const [master] = await readSheets(bytes, ['全体計画']);
    expect(master!.values.some((row) => text(row[0]) === code)).toBe(true);
  }, 120_000);
});
