import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biff8Bof, writeCfb } from '../fixtures/hostile/cfbBytes';
import { r2Workspace, readSheets, runCli } from './runCli';

/**
 * Excel writes `~$総務課.xlsx` beside a workbook while it is open; a shell's `*.xlsx` names it too. It is not a
 * workbook: skipped with a note when named directly, as it is in a folder, and never counted as rejected.
 */
const LOCK = '~$総務課.xlsx';
const NOTE = `注意: 「${LOCK}」は Excel がブックを開いている間に作るロックファイル`;

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let files: string[] = [];
beforeAll(async () => {
  ({ dir, files, cleanup } = await r2Workspace());
  // What Excel writes: a short owner-name record, not a zip.
  await writeFile(
    join(dir, LOCK),
    Buffer.from('\x08yamada                                              ', 'latin1'),
  );
});
afterAll(() => cleanup());

interface Report {
  summary: { files: number; rejectedFiles: number };
  inputs: { file: string }[];
}

describe('an Excel lock file on the command line', () => {
  it.each<[string, string[], number, string]>([
    [
      'validate reads the workbook and skips the lock file',
      ['validate', '総務課.xlsx', LOCK],
      0,
      '■ 総務課.xlsx',
    ],
    ['validate skips it in a folder, named in the folder’s note', ['validate', '.'], 0, '■ 総務課.xlsx'],
    [
      'extract reads the workbook and skips the lock file',
      ['extract', '総務課.xlsx', LOCK],
      0,
      '総務課.xlsx',
    ],
  ])('%s', async (name, args, code, shown) => {
    const r = await runCli(dir, ...args, '--plan', 'sample:r2');
    expect(r.code).toBe(code);
    expect(r.stdout).toContain(shown);
    expect(r.stdout).not.toContain(LOCK);
    expect(r.stdout).not.toContain('開けませんでした');
    if (name.includes('folder'))
      expect(r.stderr).toContain(
        `注意: フォルダー「.」の読まなかったファイル: ${LOCK}（Excel などがブックを開いている間に作るロックファイル）`,
      );
    else expect(r.stderr).toContain(NOTE);
  });

  it('consolidate skips it with a note and does not count it as a rejected file', async () => {
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      ...files,
      LOCK,
      '--out',
      'master.xlsx',
      '--report',
      'report.json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(NOTE);
    expect(r.stdout).toContain('受け付けられなかったファイル 0 件');
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.summary).toMatchObject({ files: files.length, rejectedFiles: 0 });
    expect(report.inputs.map((i) => i.file)).not.toContain(LOCK);
  });
});

describe('a folder of returns holding files that are not .xlsx', () => {
  it('refuses a PDF, a Word file and an .xls each saying what it is, on the department’s rows; names a memo it does not read', async () => {
    await mkdir(join(dir, '返却'), { recursive: true });
    await copyFile(join(dir, files[0]!), join(dir, '返却', files[0]!));
    await writeFile(
      join(dir, '返却', 'ラベンダーハイツ報告.docx'),
      zipSync({ 'word/document.xml': strToU8('<w/>') }),
    );
    await writeFile(join(dir, '返却', '教育振興課 提出.pdf'), '%PDF-1.7');
    await writeFile(join(dir, '返却', '保健福祉課.xls'), writeCfb([{ name: 'Workbook', data: biff8Bof() }]));
    await writeFile(join(dir, '返却', 'メモ.txt'), '提出状況のメモ');
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      '返却',
      '--out',
      'm.xlsx',
      '--report',
      'r.json',
    );
    expect(r.stderr).toContain(
      '注意: フォルダー「返却」の読まなかったファイル: メモ.txt（Excel ブックではないファイル）。',
    );
    expect(r.stdout).toContain('受け付けられなかったファイル 3 件');
    for (const line of [
      '× 保健福祉課.xls — 「保健福祉課.xls」は Excel 97-2003 形式 (.xls) です。Excel（または LibreOffice Calc）で開いて「名前を付けて保存」から Excel ブック (.xlsx) 形式で保存し直してください。',
      '× 教育振興課 提出.pdf — 「教育振興課 提出.pdf」は Excel ブック (.xlsx) ではありません。PDF です。配布した取組項目シートのブック (.xlsx) に記入して',
      '× ラベンダーハイツ報告.docx — 「ラベンダーハイツ報告.docx」は Excel ブック (.xlsx) ではありません。Word の文書 (.docx) です。',
    ])
      expect(r.stdout).toContain(line);
    const [master] = await readSheets(new Uint8Array(await readFile(join(dir, 'm.xlsx'))), ['全体計画']);
    const row = master!.values.find((v) => v.includes('ラベンダーハイツ'));
    expect(row).toContain('未提出（ファイル「ラベンダーハイツ報告.docx」を読めません、集約ログ参照）');
  });
});
