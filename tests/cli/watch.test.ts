import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo, ExitCode } from '../../src/cli/cliIo';
import { expandInputs } from '../../src/cli/expandInputs';
import { main } from '../../src/cli/main';
import { watchFolder } from '../../src/cli/watchFolder';
import { FIXED_NOW, r2Workspace } from './runCli';

let dir = '';
let files: string[] = [];
let cleanup: () => Promise<void> = async () => undefined;
let workbook: Buffer = Buffer.alloc(0);
beforeAll(async () => {
  ({ dir, files, cleanup } = await r2Workspace());
  workbook = await readFile(join(dir, files[0]!));
});
afterAll(() => cleanup());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Write `bytes` to `path` the way a slow copy to a shared drive does: in `parts` pieces with pauses between. */
async function writeSlowly(path: string, bytes: Buffer, parts: number, pauseMs: number): Promise<void> {
  const file = await open(path, 'w');
  try {
    const step = Math.ceil(bytes.length / parts);
    for (let at = 0; at < bytes.length; at += step) {
      if (at > 0) await pause(pauseMs);
      await file.write(bytes.subarray(at, at + step));
      await file.sync();
    }
  } finally {
    await file.close();
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await pause(50);
  }
}

describe('watchFolder', () => {
  it('consolidates once after a slowly written file is complete, never on the partial file', async () => {
    let out = '';
    const runs: number[] = [];
    const controller = new AbortController();
    const watching = watchFolder({
      list: () => expandInputs(['.'], dir),
      consolidate: async () => {
        runs.push(Date.now());
        return 0 as ExitCode;
      },
      out: { write: (t: string) => (out += t) },
      signal: controller.signal,
      intervalMs: 100,
      quietMs: 250,
    });
    await until(() => out.includes('フォルダーを監視しています'), 10_000);
    expect(runs).toHaveLength(1);
    // Pauses longer than the quiet time: the partial file stands still between pieces and must not open.
    await writeSlowly(join(dir, '遅い.xlsx'), workbook, 4, 700);
    const written = Date.now();
    await until(() => runs.length === 2, 10_000);
    await pause(1000);
    controller.abort();
    const summary = await watching;

    expect(runs).toHaveLength(2);
    expect(runs[1]!).toBeGreaterThanOrEqual(written);
    expect(out).toContain('待機: 遅い.xlsx はまだ書き込み中か、開けません。');
    expect(out.match(/── 再集約/g)).toHaveLength(1);
    expect(out).toContain('── 再集約 1 回目');
    expect(out).toContain('変更 遅い.xlsx');
    expect(out).toContain('監視を終了しました: 再集約 1 回');
    expect(summary).toEqual({ reruns: 1, lastCode: 0 });
  });

  it('consolidates again when a file is removed, and not while nothing changes', async () => {
    let out = '';
    let runs = 0;
    const controller = new AbortController();
    const { rm } = await import('node:fs/promises');
    const watching = watchFolder({
      list: () => expandInputs(['.'], dir),
      consolidate: async () => {
        runs++;
        return 0 as ExitCode;
      },
      out: { write: (t: string) => (out += t) },
      signal: controller.signal,
      intervalMs: 100,
      quietMs: 250,
    });
    await until(() => runs === 1, 10_000);
    await pause(800);
    expect(runs).toBe(1);
    await rm(join(dir, '遅い.xlsx'));
    await until(() => runs === 2, 10_000);
    controller.abort();
    await watching;
    expect(out).toContain('削除 遅い.xlsx');
  });
});

describe('watchFolder and a file that never opens', () => {
  it('waits for it, then consolidates anyway once it has stood unchanged for giveUpMs (the run rejects it)', async () => {
    let out = '';
    const runs: number[] = [];
    const controller = new AbortController();
    const watching = watchFolder({
      list: () => expandInputs(['.'], dir),
      consolidate: async () => {
        runs.push(Date.now());
        return 0 as ExitCode;
      },
      out: { write: (t: string) => (out += t) },
      signal: controller.signal,
      intervalMs: 100,
      quietMs: 250,
      giveUpMs: 1500,
    });
    await until(() => runs.length === 1, 10_000);
    const { writeFile, rm } = await import('node:fs/promises');
    await writeFile(join(dir, '壊れた.xlsx'), workbook.subarray(0, 1000));
    const written = Date.now();
    await until(() => runs.length === 2, 10_000);
    controller.abort();
    await watching;
    await rm(join(dir, '壊れた.xlsx'));
    expect(out).toContain('待機: 壊れた.xlsx はまだ書き込み中か、開けません。');
    expect(runs[1]! - written).toBeGreaterThanOrEqual(1500);
    expect(out.match(/── 再集約/g)).toHaveLength(1);
  });
});

describe('suishin consolidate --watch', () => {
  it('consolidates, re-consolidates once when a file arrives slowly, and ends with a summary on Ctrl+C', async () => {
    let stdout = '';
    const io: CliIo = {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: () => undefined },
      cwd: dir,
      now: () => FIXED_NOW,
    };
    const running = main(['consolidate', '--plan', 'sample:r2', '.', '--out', 'master.xlsx', '--watch'], io);
    await until(() => stdout.includes('フォルダーを監視しています'), 30_000);
    expect(stdout.match(/全体計画に集約しました/g)).toHaveLength(1);
    // The default poll (1 s) and quiet time (1.5 s): pauses of 2.5 s leave the partial file standing still.
    await writeSlowly(join(dir, '追加.xlsx'), workbook, 3, 2500);
    await until(() => stdout.includes('── 再集約 1 回目'), 15_000);
    await until(() => stdout.match(/全体計画に集約しました/g)?.length === 2, 30_000);
    await pause(4000);
    // Ctrl+C: the watch ends after its summary and the command returns the last run's exit code.
    process.emit('SIGINT');
    const code = await running;
    expect(code).toBe(0);
    expect(stdout.match(/── 再集約/g)).toHaveLength(1);
    expect(stdout).toContain('変更 追加.xlsx');
    expect(stdout).toContain('待機: 追加.xlsx はまだ書き込み中か、開けません。');
    expect(stdout).toContain('監視を終了しました: 再集約 1 回');
    expect(process.listenerCount('SIGINT')).toBe(0);
  }, 90_000);
});
