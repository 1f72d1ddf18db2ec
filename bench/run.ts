/**
 * `npm run bench`: every benchmark in turn, its figures written to bench/RESULTS.md with the machine and the
 * date. Exits non-zero when any benchmark misses a goal. Not part of CI: this machine is shared and noisy,
 * so read medians and ratios, not single runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, machine, RESULTS_PATH } from './results';

const BENCHES = [
  { file: 'roundTrips.ts', title: '1. Excel round trips (in-memory Excel)', args: [] },
  {
    file: 'consolidation.ts',
    title: '2. Consolidation throughput (CLI and pane paths, Node)',
    args: process.argv.includes('--quick') ? ['--sizes', '10,50', '--runs', '1'] : [],
  },
  { file: 'pane.ts', title: '3. The pane: bundle and time to interactive', args: [] },
  { file: 'sheetBuild.ts', title: '4. Sheet build (department workbooks, each writer)', args: [] },
  {
    file: 'delivery.ts',
    title: '5. Delivery: the page without office.js, and the add-in page while the CDN hangs (issue 18)',
    args: [],
  },
];

const sections: string[] = [];
let failed = 0;
for (const b of BENCHES) {
  console.error(`== ${b.title}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, b.file), ...b.args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 << 20,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) failed += 1;
  sections.push(
    `## ${b.title}\n\n\`npx tsx bench/${b.file} ${b.args.join(' ')}\` — exit ${r.status}\n\n${r.stdout.trim()}\n`,
  );
}
// A hand-written "## History" section (earlier runs, what changed between them) is kept below the new figures.
const resultsPath = RESULTS_PATH;
const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
const history = previous.includes('\n## History') ? previous.slice(previous.indexOf('\n## History') + 1) : '';
writeFileSync(
  resultsPath,
  `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString()} (load average ${load()} at the end).\nMachine: ${machine()}.\n\n${sections.join('\n')}${history ? `\n${history}` : ''}`,
);
console.error(`\nbench/RESULTS.md written; ${failed} benchmark(s) missed a goal.`);
process.exitCode = failed > 0 ? 1 : 0;
