import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_DATA_ROW } from '../../src/domain/template/buildTableSheet';
import { r2Workspace, readSheets, runCli, text } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let files: string[] = [];
beforeAll(async () => {
  ({ dir, files, cleanup } = await r2Workspace());
  const good = await readFile(join(dir, files[0]!));
  await writeFile(join(dir, '壊れた.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
});
afterAll(() => cleanup());

interface Report {
  stamp: string;
  summary: { files: number; rejectedFiles: number; entries: number; missing: number };
  inputs: { file: string; status: string; reason?: string }[];
}

describe('suishin consolidate', () => {
  it('consolidates the 8 R2 files, rejects a corrupted one with its reason, and exits 1', async () => {
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      ...files,
      '壊れた.xlsx',
      '--out',
      'master.xlsx',
      '--report',
      'report.json',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('受け付けられなかったファイル 1 件');
    expect(r.stdout).toContain('× 壊れた.xlsx — 「壊れた.xlsx」を Excel ブックとして読み込めませんでした');
    expect(r.stdout).toContain('未提出: なし');
    expect(r.stdout).toContain('目標の達成: 達成できた 23、一部達成できた 13、達成できなかった 1、未記入 0');
    expect(r.stderr).toContain('[####################]');
    // 集約日時 as the printed sheets show it (FIXED_NOW, local time), not ISO text; report.json keeps ISO.
    expect(r.stdout).toContain('集約日時 令和3年3月31日 17:05）');
    expect(r.stdout).not.toMatch(/集約日時 \d{4}-/);

    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.summary).toMatchObject({ files: 9, rejectedFiles: 1, entries: 37, missing: 0 });
    expect(report.stamp).toMatch(/^2021-03-31T17:05:09[+-]\d{2}:\d{2}$/);
    expect(report.inputs.find((i) => i.file === '壊れた.xlsx')).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('壊れている可能性'),
    });

    const [master] = await readSheets(new Uint8Array(await readFile(join(dir, 'master.xlsx'))), ['全体計画']);
    const rows = master!.values.slice(FIRST_DATA_ROW).filter((row) => text(row[0]) !== '');
    expect(rows).toHaveLength(37);
  });

  it('updates an existing master in place, reading its 体系 when --plan is omitted (exit 0)', async () => {
    const r = await runCli(dir, 'consolidate', '.', '--out', 'master.xlsx');
    expect(r.stdout).toContain('既存のブックを更新');
    expect(r.code).toBe(1); // the folder holds 壊れた.xlsx too
    const only = await runCli(dir, 'consolidate', ...files, '--out', 'master.xlsx');
    expect(only.code).toBe(0);
    const sheets = await readSheets(new Uint8Array(await readFile(join(dir, 'master.xlsx'))));
    expect(sheets.slice(0, 5).map((s) => s.name)).toEqual([
      '体系',
      '全体計画',
      '提出状況',
      '達成状況',
      '集約ログ',
    ]);
  });

  it('says what this year’s master loses when a department’s file is not given again, and not otherwise', async () => {
    // The master holds all 8 departments (the test above). In March only 7 re-send: 町民生活課's 10 sheets
    // would leave 全体計画 unsaid.
    const rest = files.filter((f) => f !== '町民生活課.xlsx');
    expect(rest).toHaveLength(files.length - 1);
    const r = await runCli(dir, 'consolidate', ...rest, '--out', 'master.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '前回の集約から外れた記入: 10 件 — I-1-2-1 町民生活課、I-2-1-1 町民生活課、I-2-1-2 町民生活課、',
    );
    expect(r.stdout).toContain('前回集約したファイルも一緒に指定して、集約し直してください');
    const [log] = await readSheets(new Uint8Array(await readFile(join(dir, 'master.xlsx'))), ['集約ログ']);
    expect(log!.values.flat().map(text).join('\n')).toContain(
      '前回の集約で全体計画にあった I-1-2-1 町民生活課 の記入が、今回指定したファイルにないため、全体計画から外れました（未提出）。',
    );
    // Given again, nothing is lost; the same files twice lose nothing either.
    for (let run = 0; run < 2; run++) {
      const again = await runCli(dir, 'consolidate', ...files, '--out', 'master.xlsx');
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain('前回の集約から外れた記入');
    }
  });

  it('reads a folder with its subfolders, as the pane does, skipping lock files there too', async () => {
    // 提出/<課>/<課>.xlsx: the files as departments' returns are often filed, one folder each.
    for (const [i, file] of files.entries()) {
      const sub = join(dir, '提出', i % 2 === 0 ? '1回目' : join('2回目', '追加'));
      await mkdir(sub, { recursive: true });
      await copyFile(join(dir, file), join(sub, file));
    }
    await writeFile(join(dir, '提出', '1回目', '~$総務課.xlsx'), 'lock');
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      '提出',
      '--out',
      'from-folder.xlsx',
      '--report',
      'from-folder.json',
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'from-folder.json'), 'utf8')) as Report;
    expect(report.summary).toMatchObject({ files: files.length, rejectedFiles: 0, entries: 37, missing: 0 });
    expect(report.inputs.map((i) => i.file).sort()).toEqual([...files].sort());
  });

  it('exits 2 and leaves no master when nothing is usable', async () => {
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      '壊れた.xlsx',
      'nai.xlsx',
      '--out',
      'none.xlsx',
      '--report',
      'none.json',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('集約できるファイルがありませんでした');
    expect(r.stdout).toContain('× nai.xlsx — 「nai.xlsx」が見つかりません');
    await expect(readFile(join(dir, 'none.xlsx'))).rejects.toThrow();
    const report = JSON.parse(await readFile(join(dir, 'none.json'), 'utf8')) as Report;
    expect(report.summary).toMatchObject({ files: 2, rejectedFiles: 2 });
  });

  it('refuses an --out that is not an .xlsx name (out.csv would hold a workbook)', async () => {
    const r = await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...files, '--out', 'out.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out には .xlsx（または .xlsm）のブックを指定してください（「out.csv」）');
    await expect(readFile(join(dir, 'out.csv'))).rejects.toThrow();
  });

  it('refuses a department workbook as --out, leaving it as it was', async () => {
    await copyFile(join(dir, files[0]!), join(dir, 'dept-out.xlsx'));
    const before = await readFile(join(dir, 'dept-out.xlsx'));
    const r = await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...files, '--out', 'dept-out.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /エラー: 集約先の「dept-out\.xlsx」は各課の取組項目シートのブックです（取組項目シート \d+ 枚）。.*--out には全体計画のブックか、まだないファイル名/u,
    );
    expect((await readFile(join(dir, 'dept-out.xlsx'))).equals(before)).toBe(true);
  });

  it('says which 未提出 came back as blank sheets (the workbook was returned unfilled)', async () => {
    const built = await runCli(
      dir,
      'build',
      '--plan',
      'sample:r2',
      '--department',
      '総務課',
      '--out',
      'blank',
    );
    expect(built.code).toBe(0);
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      join('blank', '総務課.xlsx'),
      '--out',
      'blank-master.xlsx',
    );
    expect(r.stdout).toMatch(
      /未提出: 33 件（取組項目×実践課。うち届いたシートは空欄 13 件）— I-1-1-1 総務課（届いたシートは空欄）、I-1-2-1 町民生活課、/,
    );
    const [status] = await readSheets(new Uint8Array(await readFile(join(dir, 'blank-master.xlsx'))), [
      '提出状況',
    ]);
    const somu = status!.values.find((row) => row[0] === '総務課');
    expect(somu?.[8]).toBe('未記入あり');
  });

  it('names each blank 未提出 only when some are not (every workbook returned blank: said once)', async () => {
    expect((await runCli(dir, 'build', '--plan', 'sample:r2', '--out', 'allblank')).code).toBe(0);
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      'allblank',
      '--out',
      'allblank-master.xlsx',
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('  未提出:'))!;
    expect(line).toMatch(
      /^ {2}未提出: 33 件（取組項目×実践課。うち届いたシートは空欄 33 件）— I-1-1-1 総務課、I-1-2-1 町民生活課、/,
    );
    expect(line).not.toContain('（届いたシートは空欄）、');
  });

  it('asks for --plan when the master does not exist yet', async () => {
    const r = await runCli(dir, 'consolidate', ...files, '--out', 'new.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--plan で体系を指定してください');
  });
});
