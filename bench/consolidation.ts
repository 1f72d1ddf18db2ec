/**
 * Consolidation throughput (issue 14, "Performance, restated"). Batches of 10, 50 and 200 department
 * workbooks of 40 entries each, measured side by side in one run:
 *   suishin     — `suishin consolidate FILE… --out master.xlsx` in process (runConsolidation): read the files
 *                 from disk with readXlsxSnapshot (parts inflated by Node's zlib), consolidate, write the new master from specs (writeXlsx on
 *                 fflate's zip, parts compressed by Node's zlib: nodeZipCodec);
 *   read floor  — read the same files from disk with the same reader (readXlsxSnapshot), nothing else;
 *   write floor — write the same master (consolidated untimed) with the same writer and codec to disk,
 *                 nothing else;
 *   update      — (at 50 files) `suishin consolidate` again onto the master the suishin run wrote: the existing
 *                 master updated in its package (PackageWorkbookPort), no goal of its own;
 *   pane        — the pane's path (at 50 files): the app's consolidate() with the reader and the writer the
 *                 pane passes in file mode (src/taskpane/tabs/useConsolidateTab.ts: the master is the worker's
 *                 new workbook, fileFactory.create() — the own spec writer, its parts compressed by the
 *                 platform's CompressionStream('deflate-raw') as in Chromium — saved for the download), in
 *                 Node, without the worker's message hops, the parts inflated by fflate alone as in the browser; with --pane-fallback also the same path on
 *                 fflate's JavaScript DEFLATE, the fallback where the platform has no raw DEFLATE;
 *   whole       — the same consolidation as a user runs it: `node bin/suishin.mjs consolidate --plan …`, node's
 *                 start to its exit (module loading and reading the 体系 included), reported without a goal;
 *   peer        — LibreOffice headless converting the same files to CSV.
 * Goals: suishin ≤ 1.3 × (read floor + write floor); ≥ 15× faster than the peer; linear (ms per file at most
 * 1.5× that of the smallest batch); peak RSS < 500 MB at 200 files; pane ≤ 1.5× suishin at 50 files.
 * Each measurement runs in its own child process so peak RSS is that measurement's alone.
 * Usage: npx tsx bench/consolidation.ts [--sizes 10,50,200] [--runs 3] [--pane 50] [--pane-fallback] [--no-peer]
 *        [--results]
 *   --pane N   the batch the pane's path is measured at (one of the sizes).
 *   --results  also write the figures into section 2 of bench/RESULTS.md (`npm run bench` writes them all).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDepartmentFiles } from '../src/app/buildWorkbooks';
import { consolidate, type SnapshotReader } from '../src/app/consolidate';
import { nodeZipCodec } from '../src/cli/nodeZipCodec';
import { runConsolidation } from '../src/cli/runConsolidation';
import { buildMasterTemplate } from '../src/domain/template/buildMasterTemplate';
import { excelJsFactory } from '../src/workbook/exceljs/excelJsFactory';
import { useNativeInflater } from '../src/workbook/nativeInflate';
import { fileFactory as paneFactory, ownWriterFactory } from '../src/workbook/exceljs/fileFactory';
import { readXlsxSnapshot } from '../src/workbook/xlsx/readXlsxSnapshot';
import { SpecWorkbookPort } from '../src/workbook/xlsx/specWorkbookPort';
import { load, machine, replaceSection } from './results';
import { departmentNames, syntheticEntries, syntheticPlan } from './syntheticPlan';

const ENTRIES_PER_FILE = 40;
const FISCAL_YEAR = 2024;
const TITLE = 'ベンチマーク';
const STAMP = '2025-04-20T09:00:00+09:00';
const GOALS = { overFloors: 1.3, peer: 15, linear: 1.5, rssMb: 500, paneOverCli: 1.5 };
const CACHE = join(tmpdir(), 'suishin-bench');
const planFor = (files: number) => syntheticPlan(ENTRIES_PER_FILE, departmentNames(files));

async function ensureBatch(files: number): Promise<string> {
  const dir = join(CACHE, `batch-${files}`);
  if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length === files) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const plan = planFor(files);
  const built = await buildDepartmentFiles(excelJsFactory, {
    plan,
    fiscalYear: FISCAL_YEAR,
    entries: syntheticEntries(plan, FISCAL_YEAR),
  });
  for (const f of built) writeFileSync(join(dir, f.fileName), f.bytes);
  return dir;
}

const inputsOf = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
const sourceInputs = (dir: string, names: readonly string[]) =>
  names.map((name) => ({ file: name, modified: 0, bytes: new Uint8Array(readFileSync(join(dir, name))) }));

/** The pane's factory, and the same writer on fflate's own DEFLATE (the pane where the platform has none). */
const paneFactories = { pane: paneFactory, 'pane-fflate': ownWriterFactory() } as const;
const paneCodecLabel = {
  pane: "CompressionStream('deflate-raw')",
  'pane-fflate': "fflate's JavaScript DEFLATE",
} as const;

/**
 * The reader the pane's consolidation uses: consolidate()'s default, the factory's readSnapshot — in the pane
 * the worker's, which is readDepartmentFile (readXlsxSnapshot) — else readDepartmentFile itself, as here in
 * Node with the file factory. So the pane's path differs from the CLI's by its zip codec (CompressionStream,
 * or fflate's JavaScript DEFLATE, in the browser; Node's zlib in the CLI) and by not reading the files from
 * disk.
 */
function paneReader(): { readonly label: string; readonly read?: SnapshotReader } {
  return { label: 'readDepartmentFile (readXlsxSnapshot, as the worker)' };
}

/** Child mode: one measurement, prints `{ ms, maxRssMb, entries, phases }` as JSON. */
type Mode = 'suishin' | 'read-floor' | 'write-floor' | 'pane' | 'pane-fflate' | 'update';
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

/**
 * The master the CLI writes for these files, consolidated (untimed) by the app's own consolidate() into a new
 * master from the template, held as specs by the CLI's writer: a SpecWorkbookPort compressing with Node's zlib.
 */
async function consolidatedMaster(
  files: number,
  dir: string,
  names: readonly string[],
): Promise<SpecWorkbookPort> {
  const plan = planFor(files);
  const target = await SpecWorkbookPort.create(
    buildMasterTemplate({ plan, fiscalYear: FISCAL_YEAR, title: TITLE }),
    nodeZipCodec,
  );
  await consolidate(plan, sourceInputs(dir, names), {
    factory: excelJsFactory,
    readSnapshot: readXlsxSnapshot,
    target,
    stage: 'year-end',
    fiscalYear: FISCAL_YEAR,
    stamp: STAMP,
    title: TITLE,
  });
  return target;
}

async function child(mode: Mode, files: number, dir: string): Promise<void> {
  const names = inputsOf(dir);
  const master = mode === 'write-floor' ? await consolidatedMaster(files, dir, names) : undefined;
  // The update starts from the master the last `suishin` run of this batch wrote (copied, untimed).
  if (mode === 'update')
    copyFileSync(join(CACHE, `master-${files}.xlsx`), join(CACHE, `update-${files}.xlsx`));
  const start = performance.now();
  let entries = 0;
  const phases: Phases = {};
  if (master) {
    writeFileSync(join(CACHE, `write-floor-${files}.xlsx`), await master.toBuffer());
  } else if (mode === 'read-floor') {
    for (const name of names) {
      const read = await readXlsxSnapshot(new Uint8Array(readFileSync(join(dir, name))), name);
      if (!read.ok) throw new Error(read.error.message);
    }
  } else if (mode === 'pane' || mode === 'pane-fflate') {
    // The browser has no synchronous raw inflate: the pane's reader inflates with fflate alone.
    useNativeInflater(undefined);
    // useConsolidateTab: the files' bytes, a new workbook from the worker's factory as the master (file mode),
    // the pane's reader; then the master saved as the download does.
    const plan = planFor(files);
    const fileFactory = paneFactories[mode];
    const target = await fileFactory.create();
    const reader = paneReader();
    const r = await consolidate(plan, sourceInputs(dir, names), {
      factory: fileFactory,
      ...(reader.read && { readSnapshot: reader.read }),
      target,
      stage: 'year-end',
      fiscalYear: FISCAL_YEAR,
      stamp: STAMP,
      title: TITLE,
    });
    writeFileSync(join(CACHE, `pane-${files}.xlsx`), await target.toBuffer());
    entries = r.consolidation.rows.filter((row) => row.status === 'submitted').length;
  } else if (mode === 'update') {
    // `suishin consolidate` onto the master a first run wrote (copied untimed... before the clock started:
    // see below): the existing master is updated in its package (PackageWorkbookPort).
    const out = join(CACHE, `update-${files}.xlsx`);
    const run = await runConsolidation(
      {
        plan: planFor(files),
        inputs: names.map((name) => ({ path: join(dir, name), display: name })),
        out: { path: out, display: `update-${files}.xlsx` },
        stage: 'year-end',
        fiscalYear: FISCAL_YEAR,
        title: TITLE,
      },
      {
        stdout: { write: () => undefined },
        stderr: { write: () => undefined },
        cwd: dir,
        now: () => new Date(2025, 3, 20, 9),
      },
    );
    if (run.kind !== 'done' || !run.masterWritten || run.masterCreated)
      throw new Error(`update failed: ${run.kind === 'failed' ? run.message : 'no master updated'}`);
    entries = run.result.consolidation.rows.filter((r) => r.status === 'submitted').length;
  } else {
    // Exactly what `suishin consolidate FILE… --out master.xlsx` runs: read the files from disk, consolidate,
    // write a new master atomically (the CLI writes a new master straight from specs).
    const out = join(CACHE, `master-${files}.xlsx`);
    rmSync(out, { force: true });
    const quiet = { write: () => undefined };
    // Phases from the progress lines the CLI prints: reading ends at 集約中, consolidating at 全体計画を書き込み中.
    const progress = {
      write: (line: string) => {
        if (line.includes('] ') && line.includes('集約中') && phases.read === undefined)
          phases.read = performance.now() - start;
        if (line.includes('全体計画を書き込み中') && phases.view === undefined)
          phases.view = performance.now() - start;
      },
    };
    const run = await runConsolidation(
      {
        plan: planFor(files),
        inputs: names.map((name) => ({ path: join(dir, name), display: name })),
        out: { path: out, display: `master-${files}.xlsx` },
        stage: 'year-end',
        fiscalYear: FISCAL_YEAR,
        title: TITLE,
      },
      { stdout: quiet, stderr: progress, cwd: dir, now: () => new Date(2025, 3, 20, 9) },
    );
    if (run.kind !== 'done' || !run.masterWritten)
      throw new Error(`consolidation failed: ${run.kind === 'failed' ? run.message : 'no master'}`);
    entries = run.result.consolidation.rows.filter((r) => r.status === 'submitted').length;
  }
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, entries, phases }),
  );
}

function measure(mode: Mode, files: number, dir: string): Measured {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', mode, String(files), dir],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (r.status !== 0) throw new Error(`${mode} ${files} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measured;
}

/**
 * The whole command as a user runs it, node's start to its exit: `node bin/suishin.mjs consolidate --plan
 * <体系 workbook> <folder> --out <new master>`. The 体系 is the master the last in-process run wrote (copied
 * first, untimed), so the plan is read from a workbook as 総務課's would be. Wall time, like the peer's.
 */
function wholeCommand(files: number, dir: string): number {
  const plan = join(CACHE, `plan-${files}.xlsx`);
  const out = join(CACHE, `process-${files}.xlsx`);
  copyFileSync(join(CACHE, `master-${files}.xlsx`), plan);
  rmSync(out, { force: true });
  const bin = new URL('../bin/suishin.mjs', import.meta.url).pathname;
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, 'consolidate', '--plan', plan, dir, '--out', out], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const ms = performance.now() - start;
  if (r.status !== 0 || !existsSync(out)) throw new Error(`whole command ${files} failed: ${r.stderr}`);
  return ms;
}

function peer(dir: string): number {
  const out = join(CACHE, 'csv');
  rmSync(out, { recursive: true, force: true });
  const profile = `file://${join(CACHE, 'lo-profile')}`;
  const files = inputsOf(dir).map((f) => join(dir, f));
  const start = performance.now();
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'ignore', timeout: 3_600_000 },
  );
  return performance.now() - start;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sec = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (x: number) => `${x.toFixed(2)}×`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1] as Mode, Number(args[2]), args[3]!);
  const opt = (name: string, fallback: string) =>
    args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
  const sizes = opt('--sizes', '10,50,200').split(',').map(Number);
  const runs = Number(opt('--runs', '3'));
  const paneFiles = Number(opt('--pane', '50'));
  const paneFallback = args.includes('--pane-fallback');
  const withPeer = !args.includes('--no-peer') && spawnSync('soffice', ['--version']).status === 0;
  const started = new Date();
  const rows: string[] = [];
  const phaseRows: string[] = [];
  const paneRows: string[] = [];
  const updateRows: string[] = [];
  const wholeRows: string[] = [];
  const failures: string[] = [];
  let perFileFirst = 0;
  for (const files of sizes) {
    const dir = await ensureBatch(files);
    const loadBefore = load();
    const suishinRuns: Measured[] = [];
    const readFloor: number[] = [];
    const writeFloor: number[] = [];
    const pane: Measured[] = [];
    const paneFflate: Measured[] = [];
    const update: Measured[] = [];
    const whole: number[] = [];
    for (let i = 0; i < runs; i++) {
      readFloor.push(measure('read-floor', files, dir).ms);
      writeFloor.push(measure('write-floor', files, dir).ms);
      suishinRuns.push(measure('suishin', files, dir));
      whole.push(wholeCommand(files, dir));
      if (files === paneFiles) pane.push(measure('pane', files, dir));
      if (files === paneFiles && paneFallback) paneFflate.push(measure('pane-fflate', files, dir));
      if (files === paneFiles) update.push(measure('update', files, dir));
    }
    const peerMs = withPeer ? peer(dir) : NaN;
    const loadAfter = load();
    const s = median(suishinRuns.map((r) => r.ms));
    const [rf, wf] = [median(readFloor), median(writeFloor)];
    const rss = Math.max(...suishinRuns.map((r) => r.maxRssMb));
    const entries = suishinRuns[0]!.entries;
    const perFile = s / files;
    if (files === sizes[0]) perFileFirst = perFile;
    const overFloors = s / (rf + wf);
    rows.push(
      `| ${files} | ${entries} | ${sec(s)} | ${sec(rf)} | ${sec(wf)} | **${ratio(overFloors)}** | ${withPeer ? (peerMs / 1000).toFixed(1) : '—'} | ${withPeer ? `**${(peerMs / s).toFixed(1)}×**` : '—'} | ${perFile.toFixed(0)} | ${rss.toFixed(0)} | ${loadBefore} → ${loadAfter} |`,
    );
    const w = median(whole);
    wholeRows.push(
      `| ${files} | ${sec(w)} | ${sec(s)} | ${sec(w - s)} | ${withPeer ? (peerMs / 1000).toFixed(1) : '—'} | ${withPeer ? `${(peerMs / w).toFixed(1)}×` : '—'} |`,
    );
    const mid = suishinRuns.find((r) => r.ms === s)!;
    const [read, view] = [mid.phases.read ?? NaN, mid.phases.view ?? NaN];
    phaseRows.push(
      `| ${files} | ${sec(read)} | ${ratio(read / rf)} | ${sec(view - read)} | ${sec(s - view)} | ${ratio((s - view) / wf)} | ${sec(s)} |`,
    );
    console.error(
      `files=${files} entries=${entries} suishin=${suishinRuns.map((x) => x.ms.toFixed(0)).join('/')}ms read-floor=${readFloor.map((x) => x.toFixed(0)).join('/')}ms write-floor=${writeFloor.map((x) => x.toFixed(0)).join('/')}ms pane=${pane.map((x) => x.ms.toFixed(0)).join('/') || '—'}ms peer=${peerMs.toFixed(0)}ms rss=${rss.toFixed(0)}MB load ${loadBefore} → ${loadAfter}`,
    );
    if (entries !== files * ENTRIES_PER_FILE)
      failures.push(`${files} files: ${entries} entries consolidated, expected ${files * ENTRIES_PER_FILE}`);
    if (overFloors > GOALS.overFloors)
      failures.push(
        `${files} files: consolidate is ${ratio(overFloors)} (read floor + write floor) (goal ≤ ${GOALS.overFloors}×)`,
      );
    if (withPeer && peerMs / s < GOALS.peer)
      failures.push(
        `${files} files: only ${(peerMs / s).toFixed(1)}× faster than LibreOffice (goal ≥ ${GOALS.peer}×)`,
      );
    if (files >= 200 && rss >= GOALS.rssMb)
      failures.push(`${files} files: peak RSS ${rss.toFixed(0)} MB (goal < ${GOALS.rssMb} MB)`);
    if (perFile > perFileFirst * GOALS.linear)
      failures.push(
        `${files} files: ${perFile.toFixed(0)} ms/file vs ${perFileFirst.toFixed(0)} at ${sizes[0]} (not linear)`,
      );
    if (pane.length > 0) {
      const p = median(pane.map((r) => r.ms));
      const paneEntries = pane[0]!.entries;
      // Each pane run against the CLI run just before it: under a load that changes by the minute, the pairs
      // say more than the ratio of two medians (which stays the goal's figure).
      const paneRow = (measured: readonly Measured[], mode: keyof typeof paneCodecLabel) => {
        const m = median(measured.map((r) => r.ms));
        const paired = median(measured.map((r, i) => r.ms / suishinRuns[i]!.ms));
        paneRows.push(
          `| ${files} | ${paneReader().label} | own spec writer, ${paneCodecLabel[mode]} (${mode === 'pane' ? 'fileFactory' : 'ownWriterFactory()'}.create(), saved with toBuffer) | ${sec(m)} | ${sec(s)} | **${ratio(m / s)}** | ${ratio(paired)} | ${Math.max(...measured.map((r) => r.maxRssMb)).toFixed(0)} |`,
        );
      };
      paneRow(pane, 'pane');
      if (paneFflate.length > 0) paneRow(paneFflate, 'pane-fflate');
      const u = median(update.map((r) => r.ms));
      updateRows.push(
        `| ${files} | ${sec(u)} | ${sec(s)} | **${ratio(u / s)}** | ${Math.max(...update.map((r) => r.maxRssMb)).toFixed(0)} |`,
      );
      if (paneEntries !== entries)
        failures.push(`${files} files: the pane consolidated ${paneEntries} entries, the CLI ${entries}`);
      if (p / s > GOALS.paneOverCli)
        failures.push(
          `${files} files: the pane's path is ${ratio(p / s)} the CLI (goal ≤ ${GOALS.paneOverCli}×)`,
        );
    }
  }
  const out: string[] = [];
  out.push(
    `Run ${started.toISOString()}; ${runs} run(s) per measure, medians; machine ${machine()}. Load averages (1, 5, 15 min) before → after each batch: the machine is shared, read ratios rather than seconds.`,
    '',
  );
  out.push(
    '| files | entries | suishin s | read floor s (readXlsxSnapshot) | write floor s (same master, same writer) | suishin / (read + write floor) | LibreOffice CSV s | LibreOffice / suishin | ms per file | peak RSS MB | load |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  out.push(...rows, '');
  out.push("Where Suishin's time goes (the median run; phases from the CLI's progress lines):", '');
  out.push(
    '| files | read + extract s | … / read floor | consolidate + build view s | write master s | … / write floor | total s |',
  );
  out.push('|---|---|---|---|---|---|---|');
  out.push(...phaseRows);
  out.push(
    '',
    'The whole command as a user runs it (`node bin/suishin.mjs consolidate --plan <体系 workbook> <folder> --out …`, node start to exit, wall time as for LibreOffice): the figures above time the work in a process already started, as the goals are set; this adds starting Node, compiling the TypeScript as it loads (tsx) and reading the 体系 from a workbook. No goal of its own.',
    '',
    '| files | whole command s | in-process s (above) | start-up and 体系 s | LibreOffice CSV s | LibreOffice / whole command |',
    '|---|---|---|---|---|---|',
    ...wholeRows,
  );
  if (paneRows.length > 0) {
    out.push(
      '',
      "The pane's path (the app's consolidate() with the pane's reader and writer, in Node, no worker hops):",
      '',
    );
    out.push(
      '| files | reader | writer | pane s | CLI s | pane / CLI | median of per-run pane / CLI | peak RSS MB |',
    );
    out.push('|---|---|---|---|---|---|---|---|');
    out.push(...paneRows);
  }
  if (updateRows.length > 0) {
    out.push(
      '',
      'Updating an existing master (`suishin consolidate` onto the master the run above wrote: PackageWorkbookPort keeps its parts, rewrites the view sheets):',
      '',
    );
    out.push('| files | update s | new master s | update / new | peak RSS MB |');
    out.push('|---|---|---|---|---|');
    out.push(...updateRows);
  }
  out.push(
    '',
    failures.length > 0 ? `Goals missed:\n${failures.map((f) => `- ${f}`).join('\n')}` : 'All goals met.',
  );
  const text = out.join('\n');
  console.log(text);
  if (args.includes('--results'))
    replaceSection(
      '2. Consolidation throughput',
      `\`npx tsx bench/consolidation.ts ${args.join(' ')}\` — exit ${failures.length > 0 ? 1 : 0}\n\n${text}`,
    );
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
