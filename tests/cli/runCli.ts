import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDepartmentFiles, type BuiltFile } from '../../src/app/buildWorkbooks';
import type { CliIo } from '../../src/cli/cliIo';
import { main } from '../../src/cli/main';
import type { Entry } from '../../src/domain/entry/types';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { SheetSnapshot } from '../../src/domain/extract/snapshot';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** 2021-03-31 17:05:09 local: a fixed "now" (fiscal year 2020, 令和2年度). */
export const FIXED_NOW = new Date(2021, 2, 31, 17, 5, 9);

/** Run `suishin …argv` in-process with `cwd`, capturing stdout and stderr (not a TTY). */
export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    now: () => FIXED_NOW,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** `suishin <command> --plan sample:r2 --year 令和2年度 …args`: a command on the built-in R2 plan. */
export const runR2 = (cwd: string, command: string, ...args: string[]): Promise<CliRun> =>
  runCli(cwd, command, '--plan', 'sample:r2', '--year', '令和2年度', ...args);

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'suishin-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The R2 department workbooks as the departments return them (pre-filled with the sample's text). */
export async function r2FilledFiles(
  entries: readonly Entry[] = r2Sample().entries,
  departments?: readonly string[],
): Promise<BuiltFile[]> {
  const { plan, fiscalYear } = r2Sample();
  return buildDepartmentFiles(excelJsFactory, {
    plan,
    fiscalYear,
    entries,
    ...(departments && { departments }),
  });
}

export async function writeFiles(dir: string, files: readonly BuiltFile[]): Promise<string[]> {
  for (const f of files) await writeFile(join(dir, f.fileName), f.bytes);
  return files.map((f) => f.fileName);
}

/** A temporary folder holding the R2 department files as the departments return them (file names in `files`). */
export async function r2Workspace(): Promise<{ dir: string; files: string[]; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  return { dir, cleanup, files: await writeFiles(dir, await r2FilledFiles()) };
}

/** Snapshots of the named sheets of an .xlsx, read back through the adapter. */
export async function readSheets(
  bytes: Uint8Array,
  names?: readonly string[],
): Promise<readonly SheetSnapshot[]> {
  const opened = await excelJsFactory.open(bytes, 'read-back.xlsx');
  if (!opened.ok) throw new Error(opened.error.message);
  return (await opened.value.readSnapshot(names)).sheets;
}

export const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
