import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
