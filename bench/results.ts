import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';

export const RESULTS_PATH = join(import.meta.dirname, 'RESULTS.md');

/** The machine, as every section of bench/RESULTS.md names it. */
export const machine = (): string =>
  `${osType()} ${release()}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

/** The 1-, 5- and 15-minute load averages: the machine is shared, so every figure carries the load it ran under. */
export const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Replace the body of the `## <title prefix>…` section of bench/RESULTS.md (up to the next `## `), leaving
 * the other benchmarks' sections and the hand-kept history as they are. Appends the section when missing.
 */
export function replaceSection(titlePrefix: string, body: string): void {
  const text = existsSync(RESULTS_PATH) ? readFileSync(RESULTS_PATH, 'utf8') : '# Benchmark results\n';
  const start = text.indexOf(`\n## ${titlePrefix}`);
  if (start < 0) {
    writeFileSync(RESULTS_PATH, `${text.trimEnd()}\n\n## ${titlePrefix}\n\n${body.trim()}\n`);
    return;
  }
  const headingEnd = text.indexOf('\n', start + 1);
  const next = text.indexOf('\n## ', headingEnd);
  const end = next < 0 ? text.length : next;
  writeFileSync(RESULTS_PATH, `${text.slice(0, headingEnd + 1)}\n${body.trim()}\n${text.slice(end)}`);
}
