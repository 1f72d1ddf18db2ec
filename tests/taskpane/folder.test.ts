import { describe, expect, it } from 'vitest';
import type { PickedInput } from '../../src/taskpane/files';
import { skippedNote } from '../../src/app/departmentFileName';
import {
  entriesFromHandle,
  entriesFromInput,
  scanFolder,
  type DirectoryHandle,
} from '../../src/taskpane/folder/folderEntries';
import { filesReducer, type PickedFile } from '../../src/taskpane/tabs/pickedFiles';

const file = (path: string, size = 10, modified = 1): File => {
  const f = new File([new Uint8Array(size)], path.split('/').pop()!, { lastModified: modified });
  Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
};

let ids = 0;
const input = (path: string, modified = 1): PickedInput => ({
  id: `t-${++ids}`,
  file: path.split('/').pop()!,
  path,
  size: 10,
  modified,
  bytes: new Uint8Array([modified]),
});

describe('a folder picked with <input webkitdirectory>', () => {
  const { root, entries } = entriesFromInput([
    file('提出/総務課.xlsx'),
    file('提出/~$総務課.xlsx'),
    file('提出/税務課/税務課.xlsm'),
    file('提出/税務課/~WRL0001.tmp'),
    file('提出/._町民生活課.xlsx'),
    file('提出/メモ.txt'),
    file('提出/古い.xls'),
  ]);
  const scan = scanFolder(root, entries);

  it('takes every .xlsx / .xlsm in it and its subfolders, in path order, and an .xls to refuse it with the fix', () => {
    expect(root).toBe('提出');
    expect(scan.workbooks.map((w) => w.path)).toEqual([
      '提出/古い.xls',
      '提出/税務課/税務課.xlsm',
      '提出/総務課.xlsx',
    ]);
  });

  it('leaves out lock, temporary and other files, naming each in the note', () => {
    expect(scan.skipped).toEqual([
      { path: '提出/._町民生活課.xlsx', kind: 'temp' },
      { path: '提出/~$総務課.xlsx', kind: 'lock' },
      { path: '提出/メモ.txt', kind: 'other' },
      { path: '提出/税務課/~WRL0001.tmp', kind: 'temp' },
    ]);
    expect(skippedNote(scan.skipped)).toBe(
      '読まなかったファイル: ~$総務課.xlsx（Excel などがブックを開いている間に作るロックファイル）、._町民生活課.xlsx、~WRL0001.tmp（一時ファイル）、メモ.txt（Excel ブックではないファイル）。',
    );
  });
});

describe('filesReducer: a folder read again', () => {
  const a = input('提出/a.xlsx');
  const b = input('提出/b.xlsx');
  const c = input('提出/c.xlsx');
  const other = input('別/x.xlsx');
  const start = filesReducer([], { type: 'add', inputs: [a, b, c, other] });
  const done: readonly PickedFile[] = start.map((f) => ({ ...f, status: 'done' }));

  it('replaces the re-read file in its row, keeps the unchanged ones, drops the ones gone from the folder', () => {
    const b2 = input('提出/b.xlsx', 2);
    const d = input('提出/d.xlsx');
    const next = filesReducer(done, { type: 'sync', root: '提出', read: [b2, d], kept: [a.id] });
    expect(next.map((f) => [f.label, f.picked.modified, f.status])).toEqual([
      ['提出/a.xlsx', 1, 'waiting'],
      ['提出/b.xlsx', 2, 'waiting'],
      ['別/x.xlsx', 1, 'waiting'],
      ['提出/d.xlsx', 1, 'waiting'],
    ]);
    expect(next.find((f) => f.label === '提出/a.xlsx')!.picked).toBe(a);
  });

  it('changes nothing when nothing changed (the last result stays)', () => {
    const next = filesReducer(done, { type: 'sync', root: '提出', read: [], kept: [a.id, b.id, c.id] });
    expect(next).toBe(done);
  });
});

describe('a folder picked with showDirectoryPicker (its handle listed)', () => {
  /** A directory handle over a plain tree: name → File or subtree. */
  type Tree = { readonly [name: string]: File | Tree };
  const handle = (name: string, tree: Tree): DirectoryHandle => ({
    kind: 'directory',
    name,
    async *values() {
      for (const [child, value] of Object.entries(tree))
        yield value instanceof File
          ? { kind: 'file' as const, name: child, getFile: async () => value }
          : handle(child, value);
    },
  });

  it('lists every file under it with its path from the folder, as <input webkitdirectory> names them', async () => {
    const entries = await entriesFromHandle(
      handle('提出', {
        '総務課.xlsx': file('総務課.xlsx'),
        '~$総務課.xlsx': file('~$総務課.xlsx'),
        税務課: { '税務課.xlsx': file('税務課.xlsx'), 古い: { '旧.xlsm': file('旧.xlsm') } },
      }),
    );
    expect(entries.map((e) => e.path).sort()).toEqual([
      '提出/~$総務課.xlsx',
      '提出/税務課/古い/旧.xlsm',
      '提出/税務課/税務課.xlsx',
      '提出/総務課.xlsx',
    ]);
    expect(scanFolder('提出', entries).workbooks).toHaveLength(3);
  });
});
