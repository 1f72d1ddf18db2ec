import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileNameKind, skippedNote, type SkippedFile } from '../app/departmentFileName';
import { println, type OutStream } from './cliIo';

export interface InputPath {
  /** Absolute path. */
  readonly path: string;
  /** As the user wrote it (or folder/name for a file found in a folder they named). */
  readonly display: string;
}

/**
 * The command line's FILE… arguments: a folder stands for the .xlsx / .xlsm files in it and its subfolders
 * (in path order, as the pane's 「フォルダーを開く」 reads a folder); anything else is kept as given, so that a missing file is reported, not dropped. `exclude`
 * (absolute) leaves out e.g. the master being written. Lock, temporary and other files (a PDF, a Word
 * document) are left out in a folder, named in a note on `notes` (skippedNote, as the pane says it); lock
 * files also when named directly (matched by a shell's `*.xlsx`). The rule is
 * departmentFileName.ts, the one the pane's 「フォルダーを開く」 follows too.
 */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  exclude: readonly string[] = [],
  notes?: OutStream,
): Promise<InputPath[]> {
  const out: InputPath[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const isFolder = await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder && fileNameKind(basename(path)) === 'lock') {
      if (notes)
        println(
          notes,
          `注意: 「${arg}」は Excel がブックを開いている間に作るロックファイル（~$ で始まる名前）のため、読み飛ばしました。`,
        );
      continue;
    }
    if (!isFolder) {
      out.push({ path, display: arg });
      continue;
    }
    // Paths under the folder, `/`-separated for the order (scanFolder's), each a file the one rule calls a
    // workbook. A subfolder's files are where departments' returns often sit (提出/税務課/税務課.xlsx).
    const found: string[] = [];
    const skipped: SkippedFile[] = [];
    for (const d of await readdir(path, { recursive: true, withFileTypes: true })) {
      if (!d.isFile()) continue;
      const name = relative(path, join(d.parentPath ?? d.path, d.name))
        .split(sep)
        .join('/');
      const kind = fileNameKind(d.name);
      if (kind === 'workbook') found.push(name);
      else skipped.push({ path: name, kind });
    }
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of found) out.push({ path: join(path, name), display: join(arg, name) });
    const note = skippedNote(skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
    if (notes && note) println(notes, `注意: フォルダー「${arg}」の${note}`);
  }
  const skip = new Set(exclude.map((p) => resolve(cwd, p)));
  const unique: InputPath[] = [];
  for (const p of out) if (!skip.has(p.path) && !unique.some((u) => u.path === p.path)) unique.push(p);
  return unique;
}

/**
 * Short names for the master's 提出ファイル column: the file name, or, for names two inputs share, the path
 * from the folder all inputs are in (`再提出/総務課.xlsx` beside `総務課.xlsx`), never climbing out of it
 * (`../../tmp/…` from where the command ran).
 */
export function shortNames(inputs: readonly InputPath[]): Map<string, string> {
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  const count = new Map<string, number>();
  for (const i of inputs) count.set(base(i.path), (count.get(base(i.path)) ?? 0) + 1);
  const common = inputs
    .map((i) => dirname(i.path))
    .reduce(
      (a, b) => {
        let dir = a;
        while (relative(dir, b).startsWith('..')) dir = dirname(dir);
        return dir;
      },
      dirname(inputs[0]?.path ?? ''),
    );
  return new Map(
    inputs.map((i) => [
      i.path,
      (count.get(base(i.path)) ?? 0) > 1 ? relative(common, i.path).split(sep).join('/') : base(i.path),
    ]),
  );
}
