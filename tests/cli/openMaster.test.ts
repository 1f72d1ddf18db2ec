import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMaster } from '../../src/cli/openMaster';
import { REMARKS_HEADER } from '../../src/domain/consolidation/buildMasterView';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { contractSheet } from '../../src/workbook/contract/portCases';
import { MASTER_READ_LIMITS } from '../../src/workbook/readLimits';
import { readXlsxSheetList } from '../../src/workbook/xlsx/readXlsxSnapshot';
import { SpecWorkbookPort } from '../../src/workbook/xlsx/specWorkbookPort';
import { r2Workspace, readSheets, runCli, text } from './runCli';

/**
 * The master is written straight from specs when it is new; an existing one is updated by the same writer
 * keeping its package (PackageWorkbookPort), so that 総務課's own sheets and edits stay. 備考 survive.
 */
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let files: string[] = [];
beforeAll(async () => {
  ({ dir, files, cleanup } = await r2Workspace());
});
afterAll(() => cleanup());

const { plan, fiscalYear } = r2Sample();
const request = (out: string) => ({
  plan,
  fiscalYear,
  title: '町政運営推進プラン',
  out: { path: join(dir, out), display: out },
});

/** Type a 備考 into the first data row of 全体計画, as 総務課 would in Excel (and optionally change more). */
async function editMaster(out: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(join(dir, out))).buffer as ArrayBuffer);
  const ws = wb.getWorksheet('全体計画')!;
  let header = 0;
  let column = 0;
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (header === 0 && cell.text === REMARKS_HEADER) [header, column] = [r, c];
    }),
  );
  expect(header).toBeGreaterThan(0);
  const code = text(ws.getCell(header + 1, 1).value);
  ws.getCell(header + 1, column).value = '議会で質問あり';
  edit?.(wb);
  await writeFile(join(dir, out), new Uint8Array(await wb.xlsx.writeBuffer()));
  return code;
}

async function remarksOf(out: string): Promise<string[]> {
  const [master] = await readSheets(new Uint8Array(await readFile(join(dir, out))), ['全体計画']);
  const header = master!.values.findIndex((row) => row.some((v) => v === REMARKS_HEADER));
  const column = master!.values[header]!.indexOf(REMARKS_HEADER);
  return master!.values
    .slice(header + 1)
    .map((row) => text(row[column]))
    .filter((t) => t !== '');
}

describe('the master workbook', () => {
  it('is written from specs when new, and updated in its package by the same writer; 備考 survive', async () => {
    expect(await openMaster(request('plain.xlsx'))).toMatchObject({ writer: 'specs', created: true });
    expect(
      (await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...files, '--out', 'plain.xlsx')).code,
    ).toBe(0);
    await editMaster('plain.xlsx');
    expect(await openMaster(request('plain.xlsx'))).toMatchObject({
      ok: true,
      writer: 'package',
      created: false,
    });
    expect((await runCli(dir, 'consolidate', ...files, '--out', 'plain.xlsx')).code).toBe(0);
    expect(await remarksOf('plain.xlsx')).toEqual(['議会で質問あり']);
  });

  it('keeps a sheet 総務課 added, and the 備考', async () => {
    expect(
      (await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...files, '--out', 'added.xlsx')).code,
    ).toBe(0);
    await editMaster('added.xlsx', (wb) => (wb.addWorksheet('メモ').getCell('A1').value = '来年度の課題'));
    expect(await openMaster(request('added.xlsx'))).toMatchObject({ ok: true, writer: 'package' });
    expect((await runCli(dir, 'consolidate', ...files, '--out', 'added.xlsx')).code).toBe(0);
    const sheets = await readSheets(new Uint8Array(await readFile(join(dir, 'added.xlsx'))));
    expect(sheets.find((s) => s.name === 'メモ')?.values[0]?.[0]).toBe('来年度の課題');
    expect(await remarksOf('added.xlsx')).toEqual(['議会で質問あり']);
  });

  it('keeps the master’s 体系 when it differs from the one consolidated against', async () => {
    expect(
      (await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...files, '--out', 'edited.xlsx')).code,
    ).toBe(0);
    await editMaster(
      'edited.xlsx',
      (wb) => (wb.getWorksheet('体系')!.getCell('A1').value = '体系（総務課メモ付き）'),
    );
    expect(await openMaster(request('edited.xlsx'))).toMatchObject({ ok: true, writer: 'package' });
    expect(
      (await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...files, '--out', 'edited.xlsx')).code,
    ).toBe(0);
    const [planSheet] = await readSheets(new Uint8Array(await readFile(join(dir, 'edited.xlsx'))), ['体系']);
    expect(planSheet!.values[0]![0]).toBe('体系（総務課メモ付き）');
  });

  it('reads a master past a department file’s limits (600 report sheets) and updates it in its package', async () => {
    const template = buildMasterTemplate({ plan, fiscalYear, title: '町政運営推進プラン' });
    const port = await SpecWorkbookPort.create(template);
    await port.writeSheets(
      Array.from({ length: 600 }, (_, i) => ({
        ...contractSheet(`報告 I-1-1-1 課${i + 1}`),
        cells: [{ row: 0, column: 0, value: i }],
      })),
    );
    await writeFile(join(dir, 'large.xlsx'), await port.toBuffer());
    const bytes = new Uint8Array(await readFile(join(dir, 'large.xlsx')));
    expect(readXlsxSheetList(bytes, 'large.xlsx')).toMatchObject({
      ok: false,
      error: { code: 'file.too-large' },
    });
    const list = readXlsxSheetList(bytes, 'large.xlsx', MASTER_READ_LIMITS);
    expect(list.ok && list.value.length).toBe(602);
    const opened = await openMaster(request('large.xlsx'));
    expect(opened).toMatchObject({ ok: true, writer: 'package', created: false });
    const master = opened.ok ? (await opened.port.readSnapshot(['全体計画'])).sheets[0] : undefined;
    expect(master?.name).toBe('全体計画');
  });

  it('takes the 体系 from such a master when --plan is left out (its report sheets are not read)', async () => {
    const plan = await runCli(dir, 'plan', 'large.xlsx', '--json');
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({
      sheet: '体系',
      fiscalYear: '令和2年度',
      counts: { items: 21 },
    });
    const run = await runCli(dir, 'consolidate', ...files, '--out', 'large.xlsx');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('取組項目: 37 件');
  });

  it('keeps the plan’s own title when --title is left out, and updates the master', async () => {
    const build = await runCli(
      dir,
      'build',
      '--plan',
      'sample:r2',
      '--out',
      'titled',
      '--master',
      '--title',
      'まちづくりプラン',
      '--department',
      '総務課',
    );
    expect(build.code, build.stderr).toBe(0);
    const run = await runCli(dir, 'consolidate', ...files, '--out', join('titled', '全体計画.xlsx'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('（既存のブックを更新）');
    const [master] = await readSheets(new Uint8Array(await readFile(join(dir, 'titled', '全体計画.xlsx'))), [
      '全体計画',
    ]);
    expect(master!.values[0]![0]).toBe('まちづくりプラン 全体計画（令和2年度）');
  });
});
