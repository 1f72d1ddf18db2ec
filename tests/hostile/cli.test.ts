import { copyFile, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/finding';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { r2FilledFiles, runCli, runR2, tempDir, writeFiles } from '../cli/runCli';
import { baseWorkbook, CASES, type HostileCase } from '../fixtures/hostile/cases';
import { FILES_DIR } from '../fixtures/hostile/generate';
import { findingLabel } from './libraryOutcome';

/**
 * The corpus through the `suishin` command line (in-process main(), as bin/suishin.mjs runs it): extract and
 * validate every file, then consolidate them all with the 8 R2 department files in one batch. A failure in
 * one file never stops the batch, and nothing is lost: every input is in report.json, every sheet in the log.
 */

interface ReportInput {
  file: string;
  status: 'read' | 'rejected';
  reason?: string;
  sheets: { sheet: string; outcome: string; keptText?: string }[];
}
interface Report {
  summary: { files: number; rejectedFiles: number; sheets: number };
  inputs: ReportInput[];
  entries: { code: string; department: string; seq: number; file: string; sheet: string }[];
}

const R2_TIME = new Date('2021-03-01T09:00:00Z');
const CORPUS_TIME = new Date('2021-03-20T09:00:00Z');

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let r2Names: string[] = [];
/** Each case's path argument, as typed (relative to dir). */
const argOf = (c: HostileCase): string => (c.givenAs ? `in/sub/${c.givenAs}` : `in/${c.file}`);
const baseName = (c: HostileCase): string => c.file;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await mkdir(join(dir, 'in', 'sub'), { recursive: true });
  await mkdir(join(dir, 'r2'), { recursive: true });
  const base = await baseWorkbook();
  for (const c of CASES) {
    const to = join(dir, 'in', c.file);
    if (c.atTestTime) await writeFile(to, await c.build(base));
    else await copyFile(join(FILES_DIR, c.file), to);
    await utimes(to, CORPUS_TIME, CORPUS_TIME);
  }
  r2Names = (await writeFiles(join(dir, 'r2'), await r2FilledFiles())).map((n) => `r2/${n}`);
  for (const name of r2Names) await utimes(join(dir, name), R2_TIME, R2_TIME);
}, 60_000);
afterAll(() => cleanup());

describe('suishin extract and validate on every corpus file (one run each)', () => {
  it('extracts exactly the expected entries of each file, and refuses the unreadable ones with their code', async () => {
    const r = await runR2(dir, 'extract', '--json', ...CASES.map(argOf));
    expect(r.code).toBe(2); // some files cannot be opened
    const out = JSON.parse(r.stdout) as {
      entries: { code: string; department: string; seq: number; source: { file: string } }[];
      findings: Finding[];
    };
    for (const c of CASES) {
      const mine = out.entries
        .filter((e) => e.source.file === argOf(c))
        .map((e) => `${e.code} ${e.department} ${e.seq}`);
      expect([c.id, mine]).toEqual([c.id, c.expected.entries]);
      const refusal = out.findings.find(
        (f) => f.place.file === argOf(c) && f.place.sheet === undefined && f.severity === 'error',
      );
      expect([c.id, refusal?.code]).toEqual([c.id, c.expected.rejection]);
      if (refusal) expect(refusal.message).toContain(`「${argOf(c)}」`);
    }
  });

  it('validates each file with exactly the expected findings at their cells', async () => {
    const r = await runR2(dir, 'validate', '--stage', 'year-end', '--json', ...CASES.map(argOf));
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { findings: Finding[] };
    for (const c of CASES) {
      const mine = out.findings.filter((f) => f.place.file === argOf(c));
      const expected =
        c.expected.rejection && c.expected.rejection.startsWith('file.')
          ? [`${c.expected.rejection} @ ${argOf(c)}`]
          : c.expected.findings.map((f) => f.replace(` @ ${baseName(c)}`, ` @ ${argOf(c)}`));
      expect([c.id, mine.map(findingLabel).sort()]).toEqual([c.id, [...expected].sort()]);
    }
  });
});

describe('suishin consolidate: the corpus and the R2 files in one batch', () => {
  let run: Awaited<ReturnType<typeof runCli>>;
  let report: Report;
  beforeAll(async () => {
    run = await runR2(
      dir,
      'consolidate',
      '--stage',
      'year-end',
      ...r2Names,
      ...CASES.map(argOf),
      '--out',
      'master.xlsx',
      '--report',
      'report.json',
    );
    report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
  }, 60_000);

  it('finishes the batch with exit code 1 (some files rejected) and writes the master', async () => {
    expect([run.code, run.stderr.split('\n').filter((l) => l.startsWith('エラー'))]).toEqual([1, []]);
    expect(run.stdout).toContain('全体計画に集約しました');
    const opened = await excelJsFactory.open(
      new Uint8Array(await readFile(join(dir, 'master.xlsx'))),
      'master.xlsx',
    );
    expect(opened.ok && (await opened.value.listSheets()).map((s) => s.name).slice(0, 5)).toEqual([
      '体系',
      '全体計画',
      '提出状況',
      '達成状況',
      '集約ログ',
    ]);
  });

  it('lists every input file once in report.json, rejected exactly when the corpus says so', () => {
    const files = [...r2Names.map((n) => n.slice(3)), ...CASES.map(baseName)];
    expect(report.inputs.map((i) => i.file).sort()).toEqual([...files].sort());
    const rejected = CASES.filter((c) => c.expected.kind === 'rejected').map(baseName);
    expect(
      report.inputs
        .filter((i) => i.status === 'rejected')
        .map((i) => i.file)
        .sort(),
    ).toEqual([...rejected].sort());
    expect(report.summary).toMatchObject({ files: files.length, rejectedFiles: rejected.length });
  });

  it('gives every rejected file a Japanese reason that names it, on stdout too', () => {
    for (const input of report.inputs.filter((i) => i.status === 'rejected')) {
      expect(input.reason).toContain(`「${input.file}」`);
      expect(run.stdout).toContain(`× ${input.file} — 「${input.file}」`);
    }
  });

  it('loses nothing: every sheet of every opened file is in the log exactly once', async () => {
    for (const input of report.inputs) {
      const c = CASES.find((x) => baseName(x) === input.file);
      // A corpus file's sheets are in its expected log; an R2 file's are read from it.
      const opened = c
        ? undefined
        : await excelJsFactory.open(new Uint8Array(await readFile(join(dir, 'r2', input.file))), input.file);
      const sheets = c
        ? c.expected.log.filter((l) => !l.startsWith(': ')).map((l) => l.slice(0, l.lastIndexOf(': ')))
        : opened?.ok
          ? (await opened.value.listSheets()).map((s) => s.name)
          : [];
      expect([input.file, input.sheets.map((s) => s.sheet)]).toEqual([input.file, sheets]);
    }
    expect(report.summary.sheets).toBe(report.inputs.reduce((n, i) => n + i.sheets.length, 0));
  });

  it('accounts for every entry read: in the master, or in the log as replaced, duplicate, empty or merged', () => {
    const inMaster = new Set(report.entries.map((e) => `${e.file}|${e.sheet}`));
    for (const input of report.inputs)
      for (const s of input.sheets.filter(
        (x) => !['toc', 'plan', 'not-entry', 'unreadable'].includes(x.outcome),
      ))
        if (!inMaster.has(`${input.file}|${s.sheet}`))
          expect([input.file, s.sheet, s.outcome]).toEqual([
            input.file,
            s.sheet,
            expect.stringMatching(/^(replaced|duplicate|empty|merged|compiled-kept)$/),
          ]);
  });
});

describe('suishin consolidate: the same file given twice', () => {
  it('reads a path given twice once, and logs a copy under another folder as replaced, its text kept', async () => {
    await mkdir(join(dir, 'copy'), { recursive: true });
    await copyFile(join(dir, 'in', 'as-built.xlsx'), join(dir, 'copy', 'as-built.xlsx'));
    const r = await runR2(
      dir,
      'consolidate',
      'in/as-built.xlsx',
      'in/as-built.xlsx',
      'copy/as-built.xlsx',
      '--out',
      'twice.xlsx',
      '--report',
      'twice.json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'twice.json'), 'utf8')) as Report;
    expect(report.inputs.map((i) => i.file)).toEqual(['in/as-built.xlsx', 'copy/as-built.xlsx']);
    const [older, newer] = report.inputs;
    expect(older?.sheets.filter((s) => s.outcome === 'replaced')).toHaveLength(13);
    expect(older?.sheets.every((s) => s.outcome === 'toc' || (s.keptText ?? '') !== '')).toBe(true);
    expect(newer?.sheets.filter((s) => s.outcome === 'consolidated')).toHaveLength(13);
  });
});

describe('suishin consolidate: a file with no 取組項目 sheet on its own', () => {
  it('is nothing usable: exit code 2, the file named with its reason, and no master written', async () => {
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      'in/toc-only.xlsx',
      '--out',
      'toc-only-master.xlsx',
    );
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('toc-only.xlsx');
    await expect(readFile(join(dir, 'toc-only-master.xlsx'))).rejects.toThrow();
  });
});
