import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { r2Sample } from '../../src/domain/sample/r2';
import { readSheets, runCli, tempDir } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

describe('suishin build', () => {
  it('writes one workbook per R2 department and, with --master, the master template', async () => {
    const r = await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'r2', '--master');
    expect(r.code).toBe(0);
    const files = (await readdir(join(dir, 'r2'))).sort();
    expect(files).toEqual([...r2Sample().plan.departments.map((d) => `${d}.xlsx`), '全体計画.xlsx'].sort());
    expect(r.stdout).toContain('令和2年度の取組項目シートを作りました');
    const master = await readSheets(new Uint8Array(await readFile(join(dir, 'r2', '全体計画.xlsx'))));
    expect(master.map((s) => s.name)).toEqual(['体系', '全体計画']);
    const soumu = await readSheets(new Uint8Array(await readFile(join(dir, 'r2', '総務課.xlsx'))));
    expect(soumu[0]?.name).toBe('目次');
    expect(soumu.map((s) => s.name)).toContain('I-1-1-1 総務課');
  });

  it('builds only the departments named, for the year given', async () => {
    const r = await runCli(
      dir,
      'build',
      '--plan',
      'sample:r2',
      '--out',
      'r3',
      '--department',
      '総務課',
      '--department',
      '農業振興課',
      '--year',
      'R3',
    );
    expect(r.code).toBe(0);
    expect((await readdir(join(dir, 'r3'))).sort()).toEqual(['総務課.xlsx', '農業振興課.xlsx']);
    expect(r.stdout).toContain('令和3年度');
  });

  it.each([
    ['an unknown option', ['--plan', 'sample:r2', '--out', 'x', '--colour'], '不明なオプション「--colour」'],
    ['a missing --out', ['--plan', 'sample:r2'], '--out で出力先'],
    ['an option without its value', ['--plan'], 'オプション「--plan」に値を指定してください'],
    [
      'a department not in the plan',
      ['--plan', 'sample:r2', '--out', 'x', '--department', '財務課'],
      '体系にない課です: 財務課',
    ],
    [
      'a year it cannot read',
      ['--plan', 'sample:r2', '--out', 'x', '--year', '来年'],
      '年度「来年」を読み取れません',
    ],
    ['a plan file that does not exist', ['--plan', 'nai.xlsx', '--out', 'x'], '「nai.xlsx」が見つかりません'],
  ])('refuses %s with a Japanese message and exit 2', async (_, args, message) => {
    const r = await runCli(dir, 'build', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says, in Japanese, that an --out folder is a file already', async () => {
    await writeFile(join(dir, 'taken.xlsx'), 'x');
    const asFolder = await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'taken.xlsx');
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toContain(
      '「taken.xlsx」という名前のファイルがあるため、そこにフォルダーを作れません',
    );
    // Said before building, not after 「作成しました」.
    expect(asFolder.stderr).not.toContain('作成しました');
    const under = await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'taken.xlsx/r3');
    expect(under.stderr).toContain('の途中に、フォルダーではなくファイルの名前があります');
    expect(`${asFolder.stderr}${under.stderr}`).not.toMatch(/EEXIST|ENOTDIR/);
  });

  it('stops before building over workbooks already in --out, naming them; --overwrite replaces them', async () => {
    expect((await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'twice')).code).toBe(0);
    const again = await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'twice');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('出力先「twice」には同じ名前のファイルがすでにあります: 総務課.xlsx、');
    expect(again.stderr).not.toContain('作成しました');
    expect((await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'twice', '--overwrite')).code).toBe(0);
  });

  it('names the file and cell of a 体系 error and exits 2', async () => {
    await writeFile(
      join(dir, 'bad-plan.json'),
      JSON.stringify({
        grid: [
          ['基本項目', '推進項目', '取組項目', '実践課【とりまとめ課】'],
          ['I 協働', '1 共有', '① 公開', ''],
          ['', '', '(1) 発信', ''],
        ],
      }),
    );
    const r = await runCli(dir, 'build', '--plan', 'bad-plan.json', '--out', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/エラー {2}bad-plan\.json D3 {2}取組項目「発信」に実践課がありません/);
  });

  it('prints Japanese usage with examples for --help', async () => {
    const r = await runCli(dir, 'build', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('使い方: suishin build');
    expect(r.stdout).toContain('例:');
  });
});

describe('suishin build --plan sample:kpi', () => {
  it('builds the kpi sample by its own 様式 (成果指標, 実績値 …), the 様式 carried in each workbook', async () => {
    const r = await runCli(dir, 'build', '--plan', 'sample:kpi', '--out', 'kpi', '--department', '税務課');
    expect(r.code, r.stderr).toBe(0);
    const sheets = await readSheets(new Uint8Array(await readFile(join(dir, 'kpi', '税務課.xlsx'))));
    const labels = sheets[1]!.values.flat().map((v) => String(v ?? ''));
    expect(labels).toEqual(expect.arrayContaining(['成果指標', '実績値', '達成率', '判定', '判定理由']));
    expect(labels).not.toContain('目指す姿');
    expect(sheets.find((s) => s.name === '様式')?.visibility).toBe('hidden');
  });

  it('names the samples it has when asked for another', async () => {
    const r = await runCli(dir, 'build', '--plan', 'sample:r9', '--out', 'none');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('使えるサンプルは sample:r2、sample:kpi です。');
  });
});
