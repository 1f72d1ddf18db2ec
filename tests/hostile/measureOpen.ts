/**
 * Opens files the way Suishin does (excelJsFactory.open, then readWorkbook), one after the other in this
 * process, and prints what each cost as one JSON line: resident memory just before, after, and at its
 * peak while opening (sampled every millisecond, and getrusage maxRSS when it rose above the earlier peak).
 *   node --import tsx tests/hostile/measureOpen.ts FILE…
 * Used by limits.test.ts; run it by hand on any file to see its numbers.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readWorkbook } from '../../src/app/validateWorkbook';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildDepartmentWorkbook } from '../../src/domain/template/buildDepartmentWorkbook';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';

const MB = 1024 * 1024;
const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error('usage: measureOpen.ts FILE…');
const { plan, fiscalYear } = r2Sample();

async function openAndRead(bytes: Uint8Array, file: string): Promise<{ code: string; entries: number }> {
  const opened = await excelJsFactory.open(bytes, file);
  if (!opened.ok) return { code: opened.error.code, entries: 0 };
  const read = await readWorkbook(opened.value, { file, plan, fiscalYear });
  return { code: 'ok', entries: read.extraction.entries.length };
}

// Warm up (modules, zlib, web streams) on a small department workbook, so that only the files are measured.
const warmUp = await excelJsFactory.create(
  buildDepartmentWorkbook({ plan, department: '教育振興課', fiscalYear }),
);
await openAndRead(await warmUp.toBuffer(), 'warm-up.xlsx');

for (const path of paths) {
  const name = basename(path);
  const bytes = new Uint8Array(await readFile(path));
  const rssBefore = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let sampled = rssBefore;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 1);
  const result = await openAndRead(bytes, name);
  clearInterval(sampler);
  const rssAfter = process.memoryUsage().rss;
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  const peak = Math.max(maxAfter > maxBefore ? maxAfter : 0, sampled, rssAfter);
  console.log(
    JSON.stringify({
      file: name,
      ...result,
      fileMB: +(bytes.length / MB).toFixed(1),
      rssBeforeMB: Math.round(rssBefore / MB),
      rssAfterMB: Math.round(rssAfter / MB),
      peakMB: Math.round(peak / MB),
      /** How far resident memory rose above where it stood just before opening. */
      peakGrowthMB: Math.max(0, Math.round((peak - rssBefore) / MB)),
    }),
  );
}
