/**
 * Sheet build (issue: benchmarks §4): time to build the R2 department workbooks with ExcelJS (spec →
 * workbook → .xlsx bytes), median of runs, and what sheet protection costs. Suishin protects without a
 * password, so ExcelJS computes no SHA-512 hash; the password case is measured to show what was avoided.
 * Usage: npx tsx bench/sheetBuild.ts [--runs 5]
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { buildDepartmentFiles } from '../src/app/buildWorkbooks';
import { r2Sample } from '../src/domain/sample/r2';
import { excelJsFactory } from '../src/workbook/exceljs/excelJsFactory';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const { plan, fiscalYear, entries } = r2Sample();

const times: number[] = [];
let sheets = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const files = await buildDepartmentFiles(excelJsFactory, { plan, fiscalYear, entries });
  times.push(performance.now() - t);
  sheets = files.reduce((n, f) => n + f.sheets, 0);
}

async function protectCost(password: string, spinCount?: number): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  const t = performance.now();
  for (let i = 0; i < 10; i++) await ws.protect(password, spinCount === undefined ? {} : { spinCount });
  return (performance.now() - t) / 10;
}
const none = await protectCost('');
const hashed = await protectCost('secret');

const total = median(times);
console.log('| measure | value |');
console.log('|---|---|');
console.log(
  `| build all 8 R2 department workbooks (${sheets} sheets incl. 目次), median of ${runs} | ${total.toFixed(0)} ms (${(total / sheets).toFixed(1)} ms/sheet) |`,
);
console.log(`| runs (ms) | ${times.map((t) => t.toFixed(0)).join(', ')} |`);
console.log(`| ws.protect('') per sheet (what Suishin does) | ${none.toFixed(2)} ms |`);
console.log(`| ws.protect('secret') per sheet, ExcelJS default spinCount 100000 | ${hashed.toFixed(0)} ms |`);
console.log(
  `| protection share of the build | ${(((none * sheets) / total) * 100).toFixed(1)} % (a password would add ~${((hashed * sheets) / 1000).toFixed(1)} s) |`,
);
// Goal: protection stays out of the hot path (< 5 % of the build).
if ((none * sheets) / total > 0.05) {
  console.log('\nGoal missed: protection is more than 5 % of the build.');
  process.exitCode = 1;
} else console.log('\nGoal met: protection is not in the hot path.');
