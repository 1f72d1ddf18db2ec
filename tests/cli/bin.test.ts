import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { r2FilledFiles, tempDir, writeFiles } from './runCli';

const run = promisify(execFile);
const BIN = resolve('bin/suishin.mjs');

describe('bin/suishin.mjs', () => {
  it('runs the TypeScript CLI through tsx: --help', async () => {
    const { stdout } = await run(process.execPath, [BIN, '--help']);
    expect(stdout).toContain('使い方: suishin <コマンド>');
  });

  it('prints JSON only on stdout and passes the exit code through', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'plan', 'sample:r2', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ counts: { items: 21 } });
    const failed = await run(process.execPath, [BIN, 'validate', '--stage', 'x', 'a.xlsx']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('段階「x」は指定できません');
  });
});

describe('a command loads only what it needs', () => {
  // Every module the CLI loads is TypeScript compiled as it loads: ExcelJS alone took ~0.4 s of each start.
  const DENY = resolve('tests/cli/fixtures/denyExcelJs.mjs');
  let dir: string;
  let cleanup: () => Promise<void>;
  let files: string[];
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    files = await writeFiles(dir, await r2FilledFiles());
  });
  afterAll(() => cleanup());

  const suishin = (...args: string[]) =>
    run(process.execPath, ['--import', DENY, BIN, ...args], { cwd: dir }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('the guard itself stops a process that loads ExcelJS', async () => {
    const loaded = await run(process.execPath, ['--import', DENY, '-e', 'await import("exceljs")'], {
      cwd: dir,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(loaded).toMatchObject({ code: 1 });
    expect((loaded as { stderr: string }).stderr).toContain('ExcelJS loaded');
  });

  it('validates, extracts and consolidates (a new master, then that master updated) without ExcelJS', async () => {
    const validated = await suishin('validate', files[0]!);
    expect(validated.stderr).not.toContain('ExcelJS loaded');
    expect(validated.stdout).toContain(files[0]!);
    const extracted = await suishin('extract', files[0]!, '--json');
    expect(JSON.parse(extracted.stdout)).toBeTruthy();
    for (const pass of ['new', 'update']) {
      const consolidated = await suishin(
        'consolidate',
        '--plan',
        'sample:r2',
        ...files,
        '--out',
        'master.xlsx',
      );
      expect({ pass, stderr: consolidated.stderr }).toMatchObject({
        pass,
        stderr: expect.stringContaining('集約しました'),
      });
      expect(consolidated.stderr).not.toContain('ExcelJS loaded');
    }
    expect(existsSync(join(dir, 'master.xlsx'))).toBe(true);
  });
});
