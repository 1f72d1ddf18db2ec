import { chmod, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { r2Workspace, runR2 } from '../cli/runCli';

/**
 * A failure while writing the master leaves the previous master intact. The failure is injected into
 * node:fs/promises (the disk fills up halfway through the temporary file, or the rename over the old master
 * is refused), and, when not running as root (root writes into a read-only folder), made real.
 */

const inject = vi.hoisted(() => ({ failure: undefined as undefined | 'disk-full' | 'rename-refused' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const isMasterTemp = (path: unknown) => /[\\/]\.master\.xlsx\..*\.tmp$/.test(String(path));
  const error = (code: string) => Object.assign(new Error(`${code}: injected by the test`), { code });
  const writeFile: typeof actual.writeFile = async (path, data, options) => {
    if (inject.failure === 'disk-full' && isMasterTemp(path) && data instanceof Uint8Array) {
      await actual.writeFile(path, data.subarray(0, Math.floor(data.length / 2)));
      throw error('ENOSPC');
    }
    return actual.writeFile(path, data, options);
  };
  const rename: typeof actual.rename = async (from, to) => {
    if (inject.failure === 'rename-refused' && isMasterTemp(from)) throw error('EPERM');
    return actual.rename(from, to);
  };
  return { ...actual, writeFile, rename, default: { ...actual, writeFile, rename } };
});

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let files: string[] = [];
beforeAll(async () => {
  ({ dir, files, cleanup } = await r2Workspace());
  const first = await runR2(dir, 'consolidate', files[0]!, '--out', 'master.xlsx');
  expect(first.code).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('a failure while writing the master leaves the previous master intact', () => {
  it.each([
    ['the disk fills up while the new master is written', 'disk-full', 'ディスクの空き容量が足りません'],
    ['the rename over the old master is refused', 'rename-refused', '権限がありません'],
  ] as const)('%s', async (_name, failure, says) => {
    const before = await readFile(join(dir, 'master.xlsx'));
    inject.failure = failure;
    try {
      const r = await runR2(dir, 'consolidate', ...files, '--out', 'master.xlsx');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('エラー: 集約先に書き込めません: ');
      expect(r.stderr).toContain(says);
    } finally {
      inject.failure = undefined;
    }
    expect((await readFile(join(dir, 'master.xlsx'))).equals(before)).toBe(true);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  // As root (CI), a read-only folder does not stop a write: the injected failures above stand in for it.
  it.skipIf(process.getuid?.() === 0)('the folder of the master is read-only', async () => {
    const before = await readFile(join(dir, 'master.xlsx'));
    await chmod(dir, 0o555);
    try {
      const r = await runR2(dir, 'consolidate', ...files, '--out', 'master.xlsx');
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('エラー: 集約先に書き込めません: ')]);
    } finally {
      await chmod(dir, 0o755);
    }
    expect((await readFile(join(dir, 'master.xlsx'))).equals(before)).toBe(true);
  });

  it('writes the new master once the failure is gone', async () => {
    const before = await readFile(join(dir, 'master.xlsx'));
    const r = await runR2(dir, 'consolidate', ...files, '--out', 'master.xlsx');
    expect(r.code).toBe(0);
    expect((await readFile(join(dir, 'master.xlsx'))).equals(before)).toBe(false);
  });
});
