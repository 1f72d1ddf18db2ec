import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileSystemMessage } from './readInputFile';

/**
 * Write a file so that readers see the old or the new content, never half of it: write a temporary file
 * in the same folder, then rename it over the target. The folder is created when missing.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The output folder, made before the work that fills it (a build takes seconds): an --out that is a file
 * already is said at once, not after 「作成しました」. Undefined, or the Japanese reason.
 */
export async function makeOutputFolder(path: string, display: string): Promise<string | undefined> {
  try {
    await mkdir(path, { recursive: true });
    return undefined;
  } catch (error) {
    return fileSystemMessage(error, display);
  }
}

const LISTED = 3;

/**
 * Why `build` and `rollover` must not write `names` into `dir`, or undefined: some are there already. The
 * folder a run wrote last year's 全体計画 or the departments' returns into would lose them (a second rollover
 * into the same folder replaced the consolidated 全体計画.xlsx by an empty template), so an existing file is
 * replaced only when the user says so (--overwrite).
 */
export async function overwriteProblem(
  dir: string,
  display: string,
  names: readonly string[],
): Promise<string | undefined> {
  const there: string[] = [];
  for (const name of names)
    if (
      await lstat(join(dir, name)).then(
        () => true,
        () => false,
      )
    )
      there.push(name);
  if (there.length === 0) return undefined;
  const listed = `${there.slice(0, LISTED).join('、')}${there.length > LISTED ? ` ほか ${there.length - LISTED} 個` : ''}`;
  return `出力先「${display}」には同じ名前のファイルがすでにあります: ${listed}。集約した全体計画や各課が記入したブックを上書きしないよう、何も書かずに止めました。別のフォルダーを --out に指定するか、上書きしてよいときは --overwrite を付けて実行してください。`;
}
