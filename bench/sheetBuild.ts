/**
 * Sheet build (issue 14: one file writer): time to build the R2 demo's 16 department workbooks — the 8 blank
 * ones `suishin demo` hands out and the same 8 built again filled with the sample's entries — spec →
 * .xlsx bytes, by each writer, median of runs. The writers' runs alternate, so a load changing by the minute
 * falls on all of them alike:
 *   ExcelJS         — excelJsFactory (what built them before issue 14);
 *   own, zlib       — the own spec writer with Node's zlib (cliFileFactory: `suishin build`, the demo, rollover);
 *   own, stream     — the own spec writer with CompressionStream('deflate-raw') (the pane's fileFactory);
 *   own, fflate     — the own spec writer with fflate's JavaScript DEFLATE (the pane where the platform has no
 *                     raw DEFLATE).
 * Also what sheet protection costs in ExcelJS: Suishin protects without a password, so no SHA-512 hash is
 * computed (the own writer writes `<sheetProtection sheet="1" …/>` and nothing else).
 * Usage: npx tsx bench/sheetBuild.ts [--runs 7]
 */
import ExcelJS from 'exceljs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildDepartmentFiles } from '../src/app/buildWorkbooks';
import { cliFileFactory } from '../src/cli/cliFileFactory';
import { r2Sample } from '../src/domain/sample/r2';
import { excelJsFactory } from '../src/workbook/exceljs/excelJsFactory';
import { fileFactory, ownWriterFactory } from '../src/workbook/exceljs/fileFactory';
import type { FileWorkbookFactory } from '../src/workbook/port';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const { plan, fiscalYear, entries, form, planTitle } = r2Sample();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const WRITERS: readonly { label: string; factory: FileWorkbookFactory }[] = [
  { label: 'ExcelJS (excelJsFactory, before issue 14)', factory: excelJsFactory },
  { label: "own spec writer, Node's zlib (the CLI: cliFileFactory)", factory: cliFileFactory },
  {
    label: "own spec writer, CompressionStream('deflate-raw') (the pane: fileFactory)",
    factory: fileFactory,
  },
  { label: "own spec writer, fflate's DEFLATE (the pane without raw DEFLATE)", factory: ownWriterFactory() },
];

/** The demo's two builds: blank, then filled. Returns the sheets and bytes written. */
async function demoBuild(
  factory: FileWorkbookFactory,
): Promise<{ files: number; sheets: number; bytes: number }> {
  const options = { plan, fiscalYear, title: planTitle, form };
  const blank = await buildDepartmentFiles(factory, options);
  const filled = await buildDepartmentFiles(factory, { ...options, entries });
  const all = [...blank, ...filled];
  return {
    files: all.length,
    sheets: all.reduce((n, f) => n + f.sheets, 0),
    bytes: all.reduce((n, f) => n + f.bytes.length, 0),
  };
}

const loadBefore = load();
await demoBuild(excelJsFactory); // warm-up: module loading and JIT out of the first timed run
await demoBuild(cliFileFactory);
const times = WRITERS.map(() => [] as number[]);
const sizes = WRITERS.map(() => ({ files: 0, sheets: 0, bytes: 0 }));
for (let i = 0; i < runs; i++)
  for (const [w, writer] of WRITERS.entries()) {
    const t = performance.now();
    sizes[w] = await demoBuild(writer.factory);
    times[w]!.push(performance.now() - t);
  }
const loadAfter = load();

async function protectCost(password: string, spinCount?: number): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  const t = performance.now();
  for (let i = 0; i < 10; i++) await ws.protect(password, spinCount === undefined ? {} : { spinCount });
  return (performance.now() - t) / 10;
}
const hashed = await protectCost('secret');

const exceljs = median(times[0]!);
const { files, sheets } = sizes[0]!;
console.log(
  `The R2 demo's ${files} department workbooks (${sheets} sheets incl. 目次: 8 blank, 8 filled), median of ${runs} alternating runs; load (1, 5, 15 min) ${loadBefore} → ${loadAfter}.\n`,
);
console.log('| writer | median ms | ms per sheet | vs ExcelJS | total KB | runs (ms) |');
console.log('|---|---|---|---|---|---|');
for (const [w, writer] of WRITERS.entries()) {
  const m = median(times[w]!);
  console.log(
    `| ${writer.label} | ${m.toFixed(0)} | ${(m / sheets).toFixed(2)} | ${(exceljs / m).toFixed(1)}× faster | ${(sizes[w]!.bytes / 1024).toFixed(0)} | ${times[w]!.map((t) => t.toFixed(0)).join(', ')} |`,
  );
}
console.log(
  `\nWith a password ExcelJS's ws.protect('secret') (spinCount 100000) costs ${hashed.toFixed(0)} ms per sheet (~${((hashed * sheets) / 1000).toFixed(1)} s for these sheets); Suishin sets none.`,
);
// Goal: the one writer builds the department workbooks no slower than ExcelJS did, in the CLI and the pane.
const slower = WRITERS.slice(1, 3).filter((_, i) => median(times[i + 1]!) > exceljs);
if (slower.length > 0) {
  console.log(`\nGoal missed: slower than ExcelJS: ${slower.map((w) => w.label).join('; ')}.`);
  process.exitCode = 1;
} else console.log('\nGoal met: the own writer builds them faster than ExcelJS, in the CLI and in the pane.');
