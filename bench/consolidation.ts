/**
 * Consolidation throughput (issue: benchmarks §2). Batches of 10, 50 and 200 department workbooks of 40
 * entries each, measured side by side in one run:
 *   suishin — `suishin consolidate FILE… --out master.xlsx` in process (runConsolidation): read the files from
 *             disk with readXlsxSnapshot, consolidate, write the new master straight from specs (writeXlsx);
 *   floor   — read the same files and only load them with the same reader (readXlsxSnapshot), nothing else;
 *   floor (ExcelJS) — the same with a full ExcelJS load, the reader Suishin used before (for comparison);
 *   write floor — writing the same master (consolidated untimed) as a zip without compression: what any
 *             write of this master costs at the least, next to the read floor;
 *   peer    — LibreOffice headless converting the same files to CSV.
 * Each measurement runs in its own child process so peak RSS is that measurement's alone.
 * Usage: npx tsx bench/consolidation.ts [--sizes 10,50,200] [--runs 3] [--no-peer]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { buildDepartmentFiles } from '../src/app/buildWorkbooks';
import { consolidate } from '../src/app/consolidate';
import { nodeZipCodec } from '../src/cli/nodeZipCodec';
import { runConsolidation } from '../src/cli/runConsolidation';
import { buildMasterTemplate } from '../src/domain/template/buildMasterTemplate';
import { excelJsFactory } from '../src/workbook/exceljs/excelJsFactory';
import { readXlsxSnapshot } from '../src/workbook/xlsx/readXlsxSnapshot';
import { SpecWorkbookPort } from '../src/workbook/xlsx/specWorkbookPort';
import type { ZipCodec } from '../src/workbook/xlsx/zipWriter';
import { departmentNames, syntheticEntries, syntheticPlan } from './syntheticPlan';

const ENTRIES_PER_FILE = 40;
const FISCAL_YEAR = 2024;
const CACHE = join(tmpdir(), 'suishin-bench');
const planFor = (files: number) => syntheticPlan(ENTRIES_PER_FILE, departmentNames(files));

async function ensureBatch(files: number): Promise<string> {
  const dir = join(CACHE, `batch-${files}`);
  if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length === files) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = planFor(files);
  const built = await buildDepartmentFiles(excelJsFactory, { plan, fiscalYear: FISCAL_YEAR, entries: syntheticEntries(plan, FISCAL_YEAR) });
  for (const f of built) writeFileSync(join(dir, f.fileName), f.bytes);
  return dir;
}

const inputsOf = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();

/** Child mode: one measurement, prints `{ ms, maxRssMb, entries, phases }` as JSON. */
type Mode = 'suishin' | 'floor' | 'floor-exceljs' | 'write-floor';
/** When (ms from the start) Suishin finished reading the files (read + extract), and consolidating (+ view). */
interface Phases {
  read?: number;
  view?: number;
}
interface Measured {
  ms: number;
  maxRssMb: number;
  entries: number;
  phases: Phases;
}

/** Stored, not compressed: level 0 writes DEFLATE's stored blocks, a copy with a 5-byte header per 64 KB. */
const storeCodec: ZipCodec = { deflateRaw: (data) => deflateRawSync(data, { level: 0 }), crc32: nodeZipCodec.crc32 };

/**
 * The master Suishin writes for these files, consolidated (untimed) by the app's own consolidate() into a new
 * master from the template, held as specs by a SpecWorkbookPort that stores instead of compressing.
 */
async function consolidatedMaster(files: number, dir: string, names: readonly string[]): Promise<SpecWorkbookPort> {
  const plan = planFor(files);
  const title = 'ベンチマーク';
  const target = await SpecWorkbookPort.create(buildMasterTemplate({ plan, fiscalYear: FISCAL_YEAR, title }), storeCodec);
  await consolidate(
    plan,
    names.map((name) => ({ file: name, modified: 0, bytes: new Uint8Array(readFileSync(join(dir, name))) })),
    { factory: excelJsFactory, readSnapshot: readXlsxSnapshot, target, stage: 'year-end', fiscalYear: FISCAL_YEAR, stamp: '2025-04-20T09:00:00+09:00', title },
  );
  return target;
}

async function child(mode: Mode, files: number, dir: string): Promise<void> {
  const names = inputsOf(dir);
  const master = mode === 'write-floor' ? await consolidatedMaster(files, dir, names) : undefined;
  const start = performance.now();
  let entries = 0;
  const phases: Phases = {};
  if (master) {
    const bytes = await master.toBuffer();
    writeFileSync(join(CACHE, `stored-${files}.xlsx`), bytes);
  } else if (mode === 'floor-exceljs') {
    for (const name of names) {
      const opened = await excelJsFactory.open(new Uint8Array(readFileSync(join(dir, name))), name);
      if (!opened.ok) throw new Error(opened.error.message);
    }
  } else if (mode === 'floor') {
    for (const name of names) {
      const read = await readXlsxSnapshot(new Uint8Array(readFileSync(join(dir, name))), name);
      if (!read.ok) throw new Error(read.error.message);
    }
  } else {
    // Exactly what `suishin consolidate FILE… --out master.xlsx` runs: read the files from disk, consolidate,
    // write a new master atomically (the CLI writes a new master straight from specs).
    const out = join(CACHE, `master-${files}.xlsx`);
    rmSync(out, { force: true });
    const quiet = { write: () => undefined };
    // Phases from the progress lines the CLI prints: reading ends at 集約中, consolidating at 全体計画を書き込み中.
    const progress = {
      write: (line: string) => {
        if (line.includes('] ') && line.includes('集約中') && phases.read === undefined) phases.read = performance.now() - start;
        if (line.includes('全体計画を書き込み中') && phases.view === undefined) phases.view = performance.now() - start;
      },
    };
    const run = await runConsolidation(
      {
        plan: planFor(files),
        inputs: names.map((name) => ({ path: join(dir, name), display: name })),
        out: { path: out, display: `master-${files}.xlsx` },
        stage: 'year-end',
        fiscalYear: FISCAL_YEAR,
        title: 'ベンチマーク',
      },
      { stdout: quiet, stderr: progress, cwd: dir, now: () => new Date(2025, 3, 20, 9) },
    );
    if (run.kind !== 'done' || !run.masterWritten) throw new Error(`consolidation failed: ${run.kind === 'failed' ? run.message : 'no master'}`);
    entries = run.result.consolidation.rows.filter((r) => r.status === 'submitted').length;
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, entries, phases }));
}

function measure(mode: Mode, files: number, dir: string): Measured {
  const r = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', mode, String(files), dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} ${files} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measured;
}

function peer(dir: string): number {
  const out = join(CACHE, 'csv');
  rmSync(out, { recursive: true, force: true });
  const profile = `file://${join(CACHE, 'lo-profile')}`;
  const files = inputsOf(dir).map((f) => join(dir, f));
  const start = performance.now();
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', out, ...files], { stdio: 'ignore', timeout: 3_600_000 });
  return performance.now() - start;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Mode, Number(args[2]), args[3]!);
  const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
  const sizes = opt('--sizes', '10,50,200').split(',').map(Number);
  const runs = Number(opt('--runs', '3'));
  const withPeer = !args.includes('--no-peer') && spawnSync('soffice', ['--version']).status === 0;
  const rows: string[] = [];
  const phaseRows: string[] = [];
  const failures: string[] = [];
  let perFile10 = 0;
  for (const files of sizes) {
    const dir = await ensureBatch(files);
    const suishin: number[] = [];
    const suishinRuns: Measured[] = [];
    const floor: number[] = [];
    const floorExcelJs: number[] = [];
    const writeFloor: number[] = [];
    let rss = 0;
    let entries = 0;
    for (let i = 0; i < runs; i++) {
      floor.push(measure('floor', files, dir).ms);
      floorExcelJs.push(measure('floor-exceljs', files, dir).ms);
      writeFloor.push(measure('write-floor', files, dir).ms);
      const s = measure('suishin', files, dir);
      suishin.push(s.ms);
      suishinRuns.push(s);
      rss = Math.max(rss, s.maxRssMb);
      entries = s.entries;
    }
    const peerMs = withPeer ? peer(dir) : NaN;
    const [s, f] = [median(suishin), median(floor)];
    const perFile = s / files;
    if (files === sizes[0]) perFile10 = perFile;
    const fe = median(floorExcelJs);
    const wf = median(writeFloor);
    rows.push(`| ${files} | ${entries} | ${(s / 1000).toFixed(2)} | ${(f / 1000).toFixed(2)} | ${(s / f).toFixed(2)}× | ${(fe / 1000).toFixed(2)} | ${(s / fe).toFixed(2)}× | ${withPeer ? (peerMs / 1000).toFixed(1) : '—'} | ${withPeer ? `${(peerMs / s).toFixed(1)}×` : '—'} | ${perFile.toFixed(0)} | ${rss.toFixed(0)} |`);
    const mid = suishinRuns.find((r) => r.ms === s)!;
    const [read, view] = [mid.phases.read ?? NaN, mid.phases.view ?? NaN];
    const sec = (ms: number) => (ms / 1000).toFixed(2);
    phaseRows.push(`| ${files} | ${sec(read)} | ${(read / f).toFixed(2)}× | ${sec(view - read)} | ${sec(s - view)} | ${sec(s)} | ${sec(wf)} | ${(wf / f).toFixed(2)}× | ${((f + wf) / f).toFixed(2)}× |`);
    console.error(`files=${files} entries=${entries} suishin=${suishin.map((x) => x.toFixed(0)).join('/')}ms floor=${floor.map((x) => x.toFixed(0)).join('/')}ms peer=${peerMs.toFixed(0)}ms rss=${rss.toFixed(0)}MB`);
    if (entries !== files * ENTRIES_PER_FILE) failures.push(`${files} files: ${entries} entries consolidated, expected ${files * ENTRIES_PER_FILE}`);
    if (s / f > 1.3)
      failures.push(`${files} files: consolidate is ${(s / f).toFixed(2)}× the floor (goal ≤ 1.3×; writing this master uncompressed, with nothing else, already costs ${(wf / f).toFixed(2)}× the floor)`);
    if (withPeer && peerMs / s < 10) failures.push(`${files} files: only ${(peerMs / s).toFixed(1)}× faster than LibreOffice (goal ≥ 10×)`);
    if (files >= 200 && rss > 500) failures.push(`${files} files: peak RSS ${rss.toFixed(0)} MB (goal < 500 MB)`);
    if (perFile10 > 0 && perFile > perFile10 * 1.5) failures.push(`${files} files: ${perFile.toFixed(0)} ms/file vs ${perFile10.toFixed(0)} at ${sizes[0]} (not linear)`);
  }
  console.log('| files | entries | suishin s (median) | floor s (readXlsxSnapshot) | suishin/floor | floor s (ExcelJS load) | suishin/ExcelJS floor | LibreOffice CSV s | peer/suishin | ms per file | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\nWhere Suishin\'s time goes (the median run; phases from the CLI\'s progress lines):\n');
  console.log('| files | read + extract s | … / floor | consolidate + build view s | write master s | total s | write floor s (same master, stored) | write floor / read floor | (read + write floor) / read floor |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of phaseRows) console.log(r);
  if (failures.length > 0) {
    console.log(`\nGoals missed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
    process.exitCode = 1;
  } else console.log('\nAll goals met.');
}

await main();
