import type { Sample } from '../domain/sample/r2';
import type { FileWorkbookFactory } from '../workbook/port';

/** `load` run once and its promise kept; a failed load is forgotten, so the next call tries again. */
export function onceUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * Heavy modules load on first use, in chunks of their own, so the pane in Excel starts small:
 * ExcelJS (files, department workbooks, consolidation inputs), the samples, fflate's zip writer.
 */
const loadInThread = async (): Promise<FileWorkbookFactory> =>
  (await import(/* webpackChunkName: "exceljs" */ '../workbook/exceljs/fileFactory')).fileFactory;

/**
 * The file factory (fileFactory: new workbooks by the own writer, files opened with ExcelJS), run in a Web
 * Worker so that parsing a large workbook never freezes the page. Where a worker cannot start (no Worker, or its script is refused), the same factory runs on the main thread:
 * slower to paint, same results.
 */
export async function loadExcelJsFactory(): Promise<FileWorkbookFactory> {
  if (typeof Worker === 'undefined') return loadInThread();
  let worker: Worker | undefined;
  try {
    worker = new Worker(
      /* webpackChunkName: "workbook-worker" */ new URL('./workbookWorker.ts', import.meta.url),
      { name: 'suishin-workbook' },
    );
    const { workerFactory } = await import(/* webpackChunkName: "offload" */ './workerFactory');
    return await workerFactory(worker);
  } catch {
    worker?.terminate();
    return loadInThread();
  }
}

/** A built-in sample by id (`r2`, `kpi`): the samples' data in a chunk of their own. */
export const loadSample = async (id: string): Promise<Sample | undefined> =>
  (await import(/* webpackChunkName: "samples" */ '../domain/sample/samples')).sampleById(id);

const loadZip = async () => (await import(/* webpackChunkName: "zip" */ 'fflate')).zipSync;

/**
 * A .zip of named files (fflate, already the reader's inflater: no second zip library). The .xlsx inside are
 * compressed already, so they are stored, not deflated again: synchronous and quick. (fflate's async zip
 * would start Web Workers from blob: URLs, which the pane's Content-Security-Policy need not allow.)
 */
export async function zipFiles(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
): Promise<Uint8Array> {
  const zipSync = await loadZip();
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { level: 0 }] as const])));
}

/**
 * File mode runs in a browser tab that may go offline (or should never need the network again): every lazy
 * chunk is fetched once, after the first screen is up, so opening, building, zipping and consolidating never
 * load code later. One step at a time (see index.tsx): ExcelJS's worker first (opening a workbook needs it),
 * then reading a 体系, the sample, the zip writer and the template builders.
 */
export const fileModePreloads = (
  loadFactory: () => Promise<unknown>,
): readonly (() => Promise<unknown>)[] => [
  loadFactory,
  () => import(/* webpackChunkName: "offload" */ './offload'),
  () => loadSample('r2'),
  loadZip,
  () => import(/* webpackChunkName: "master-template" */ './tabs/masterTemplate'),
  () => import(/* webpackChunkName: "rollover" */ './tabs/rolloverRun'),
];
