import { readFile, stat } from 'node:fs/promises';
import { readDepartmentFile } from '../app/readDepartmentFile';
import { println, type ExitCode, type OutStream } from './cliIo';
import type { InputPath } from './expandInputs';

/**
 * `suishin consolidate --watch`: consolidate, then watch the inputs (a folder's .xlsx / .xlsm, as expandInputs
 * lists them each time, so files added later count too) and consolidate again when one changes.
 *
 * Polling, not fs.watch: Node 20's recursive fs.watch works on a local Linux disk, but the folders this is for
 * are shared drives (SMB/CIFS) and OneDrive-synced SharePoint libraries, where no change events arrive. A stat
 * per file each second is cheap for a folder of department files.
 *
 * Never on a half-written file: a run starts only once the file list and every size and modified time have
 * stayed the same across two polls and for `quietMs`, and every changed file opens cleanly with the one reader
 * (readDepartmentFile). A changed file that does not open and then stays unchanged for `giveUpMs` is
 * consolidated anyway: the consolidation rejects it with its reason, as it would without --watch.
 */
export interface WatchOptions {
  /** The inputs as they are now (expandInputs over the command line's FILE… arguments). */
  readonly list: () => Promise<readonly InputPath[]>;
  /** One consolidation, printing its summary; its exit code. */
  readonly consolidate: () => Promise<ExitCode>;
  /** Notes: what changed, what is waited for, the summary at the end. */
  readonly out: OutStream;
  /** Aborted by Ctrl+C (SIGINT): the watch ends after the run in progress, if any. */
  readonly signal: AbortSignal;
  readonly intervalMs?: number;
  readonly quietMs?: number;
  readonly giveUpMs?: number;
  readonly opensCleanly?: (path: string, display: string) => Promise<boolean>;
  readonly now?: () => Date;
}

export interface WatchSummary {
  /** Consolidations after the first one. */
  readonly reruns: number;
  readonly lastCode: ExitCode;
}

/** path → `size:mtime` of each input as it is now (a file that vanished between listing and stat is left out). */
type Fingerprint = ReadonlyMap<string, { readonly display: string; readonly key: string }>;

async function fingerprint(inputs: readonly InputPath[]): Promise<Fingerprint> {
  const out = new Map<string, { display: string; key: string }>();
  for (const input of inputs) {
    const s = await stat(input.path).catch(() => undefined);
    if (s?.isFile()) out.set(input.path, { display: input.display, key: `${s.size}:${s.mtimeMs}` });
  }
  return out;
}

const same = (a: Fingerprint, b: Fingerprint): boolean =>
  a.size === b.size && [...a].every(([path, f]) => b.get(path)?.key === f.key);

/** Files new or modified in `now` since `before`, and files gone from it. */
function differences(before: Fingerprint, now: Fingerprint) {
  const changed = [...now].filter(([path, f]) => before.get(path)?.key !== f.key);
  const removed = [...before].filter(([path]) => !now.has(path)).map(([, f]) => f.display);
  return { changed, removed };
}

const defaultOpensCleanly = async (path: string, display: string): Promise<boolean> => {
  const bytes = await readFile(path).catch(() => undefined);
  return bytes !== undefined && (await readDepartmentFile(bytes, display)).ok;
};

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

const LISTED = 3;
const names = (list: readonly string[]): string =>
  `${list.slice(0, LISTED).join('、')}${list.length > LISTED ? ` ほか ${list.length - LISTED} 件` : ''}`;
const clock = (d: Date): string =>
  [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');

export async function watchFolder(options: WatchOptions): Promise<WatchSummary> {
  const { out, signal } = options;
  const interval = options.intervalMs ?? 1000;
  const quiet = options.quietMs ?? 1500;
  const giveUp = options.giveUpMs ?? 30_000;
  const opensCleanly = options.opensCleanly ?? defaultOpensCleanly;
  const now = options.now ?? (() => new Date());

  // What the first run reads: taken before it, so a file changed while it runs is consolidated again.
  let settled = await fingerprint(await options.list());
  let lastCode = await options.consolidate();
  let reruns = 0;
  let lastRun = now();
  println(
    out,
    `フォルダーを監視しています（ファイルが変わると集約し直します）。終了するには Ctrl+C を押してください。`,
  );

  let previous = settled;
  let changedAt = Date.now();
  const waitedFor = new Set<string>();
  while (!signal.aborted) {
    await sleep(interval, signal);
    if (signal.aborted) break;
    const current = await fingerprint(await options.list());
    if (!same(current, previous)) {
      // Still being written or copied: wait until two polls agree and it has been quiet long enough.
      previous = current;
      changedAt = Date.now();
      continue;
    }
    if (same(current, settled) || Date.now() - changedAt < quiet) continue;
    const { changed, removed } = differences(settled, current);
    const unreadable: string[] = [];
    for (const [path, f] of changed) if (!(await opensCleanly(path, f.display))) unreadable.push(f.display);
    if (unreadable.length > 0 && Date.now() - changedAt < giveUp) {
      const key = unreadable.join('\n');
      if (!waitedFor.has(key)) {
        waitedFor.add(key);
        println(
          out,
          `待機: ${names(unreadable)} はまだ書き込み中か、開けません。書き込みが終わるのを待ってから集約します。`,
        );
      }
      continue;
    }
    if (signal.aborted) break;
    reruns++;
    const what = [
      ...(changed.length > 0 ? [`変更 ${names(changed.map(([, f]) => f.display))}`] : []),
      ...(removed.length > 0 ? [`削除 ${names(removed)}`] : []),
    ].join('／');
    println(out);
    println(out, `── 再集約 ${reruns} 回目（${clock(now())}）: ${what} ──`);
    settled = current;
    waitedFor.clear();
    lastCode = await options.consolidate();
    lastRun = now();
  }
  println(out);
  println(
    out,
    `監視を終了しました: 再集約 ${reruns} 回${reruns > 0 ? `（最後の集約 ${clock(lastRun)}）` : ''}。`,
  );
  return { reruns, lastCode };
}

/** An AbortSignal that Ctrl+C (SIGINT) aborts, and a function that stops listening for it. */
export function untilInterrupted(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}
