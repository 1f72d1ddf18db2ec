import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
