import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_LIMITS } from '../../src/workbook/readLimits';
import { baseWorkbook, CASES } from '../fixtures/hostile/cases';

/**
 * Reading a file is bounded in memory: the large and hostile cases are opened one by one in a process of
 * their own (measureOpen.ts), and each one's peak resident memory is compared with where it stood just
 * before the open. No timing is asserted. The numbers are printed, and recorded in the corpus README.
 */

const run = promisify(execFile);
const MEASURED = CASES.filter((c) => c.atTestTime || c.id === 'as-built');
/** A refused file may cost no more than this above the process's baseline. */
const REFUSED_BOUND_MB = 64;

interface Measure {
  file: string;
  code: string;
  entries: number;
  fileMB: number;
  rssBeforeMB: number;
  peakMB: number;
  peakGrowthMB: number;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'suishin-limits-'));
  const base = await baseWorkbook();
  for (const c of MEASURED) await writeFile(join(dir, c.file), await c.build(base));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

let measured: Map<string, Measure>;
beforeAll(async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'tests/hostile/measureOpen.ts', ...MEASURED.map((c) => join(dir, c.file))],
    { maxBuffer: 1024 * 1024 },
  );
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Measure);
  measured = new Map(lines.map((m) => [m.file, m]));
}, 60_000);

describe('reading is bounded: the large and hostile files, opened in a process of their own', () => {
  it.each(MEASURED.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const m = measured.get(c.file)!;
    console.log(
      `${c.id}: ${m.code}, file ${m.fileMB} MB, peak ${m.peakMB} MB (+${m.peakGrowthMB} MB over ${m.rssBeforeMB} MB before opening)`,
    );
    expect(m.code).toBe(c.expected.rejection ?? 'ok');
    if (c.expected.kind === 'rejected') expect(m.peakGrowthMB).toBeLessThan(REFUSED_BOUND_MB);
  });

  it('documents each limit with its value (README of the corpus lists them)', () => {
    expect(READ_LIMITS).toEqual({
      maxFileBytes: 30 * 1024 * 1024,
      maxUncompressedBytes: 200 * 1024 * 1024,
      maxZipEntries: 5_000,
      maxCompressionRatio: 200,
      maxSheets: 500,
      maxCells: 1_000_000,
      maxXmlBytes: 64 * 1024 * 1024,
      maxTextBytes: 1024 * 1024,
    });
  });
});
