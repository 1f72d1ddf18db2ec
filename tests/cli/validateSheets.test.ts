import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { r2Sample } from '../../src/domain/sample/r2';
import { r2FilledFiles, runCli, tempDir } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  // A rule finding on the first 取組項目 tab (目標の達成 not one of the choices) and a reading finding on
  // the last tab (a note typed beside a value), besides the R2 text's own date warning on II-2-1-1.
  const entries = r2Sample().entries.map((e) =>
    e.department === '総務課' && e.code === 'I-1-1-1'
      ? { ...e, fields: { ...e.fields, achievement: 'だいたい達成' } }
      : e,
  );
  const [built] = await r2FilledFiles(entries, ['総務課']);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(built!.bytes as unknown as ArrayBuffer);
  workbook.getWorksheet('II-2-5-1 総務課')!.getCell('F6').value = '補足: 来年度に見直し';
  await writeFile(join(dir, '総務課.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));
});
afterAll(() => cleanup());

const sheetLines = (stdout: string): string[] =>
  stdout.split('\n').flatMap((line) => (/^ {2}「.+」$/.test(line) ? [line.trim()] : []));

describe('suishin validate: what it says about sheets', () => {
  it('lists sheets in the workbook’s tab order, reading findings and rule findings alike', async () => {
    const r = await runCli(dir, 'validate', '総務課.xlsx', '--plan', 'sample:r2');
    expect(sheetLines(r.stdout)).toEqual([
      '「I-1-1-1 総務課」',
      '「II-2-1-1 総務課」',
      '「II-2-5-1 総務課」',
    ]);
    expect(r.stdout).toContain('「補足: 来年度に見直し」は、どの見出しの欄でもないため');
  });

  it.each<[string, string[], string]>([
    ['text output', [], 'このシートは令和2年度ですが、確認している年度は令和3年度です。'],
    ['--json', ['--json'], 'このシートは令和2年度ですが、確認している年度は令和3年度です。'],
  ])('says which year it checks against, not 「集約中」 (%s)', async (_name, extra, said) => {
    const r = await runCli(
      dir,
      'validate',
      '総務課.xlsx',
      '--plan',
      'sample:r2',
      '--year',
      '令和3年度',
      ...extra,
    );
    expect(r.stdout).toContain(said);
    expect(r.stdout + r.stderr).not.toContain('集約中');
  });
});
