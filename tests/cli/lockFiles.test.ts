import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { r2Workspace, runCli } from './runCli';

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
    ['validate skips it in a folder, without a note', ['validate', '.'], 0, '■ 総務課.xlsx'],
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
    if (name.includes('folder')) expect(r.stderr).not.toContain(NOTE);
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
