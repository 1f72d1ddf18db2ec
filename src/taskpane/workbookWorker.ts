import { readDepartmentFile } from '../app/readDepartmentFile';
import { validateSnapshot, validateWorkbook } from '../app/validateWorkbook';
import { ok } from '../domain/result';
import type { FileWorkbookFactory, FileWorkbookPort, Progress } from '../workbook/port';
import { readWorkbookPlan } from './workbookPlan';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

/**
 * The workbook worker: workbooks are opened, rendered and saved here, off the page's main thread, so a
 * large file never freezes the pane. A new empty workbook (the master the pane consolidates into) is written
 * by the own spec writer, as the CLI's new master; ExcelJS opens existing files and builds department
 * workbooks (fileFactory). It holds the open workbooks; the page drives them by message
 * (workerFactory.ts). ExcelJS itself loads on the first request, in its own chunk. Files that are only read
 * (department files to validate or consolidate) never open in ExcelJS and are not held: readDepartmentFile
 * reads them, and only the snapshot or the findings go back.
 */
interface WorkerScope {
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const ports = new Map<number, FileWorkbookPort>();
let nextPort = 1;
let factory: Promise<FileWorkbookFactory> | undefined;

const load = (): Promise<FileWorkbookFactory> =>
  (factory ??= import(/* webpackChunkName: "exceljs" */ '../workbook/exceljs/fileFactory').then(
    (m) => m.fileFactory,
  ));

const post = (response: WorkerResponse, transfer: Transferable[] = []): void =>
  scope.postMessage(response, transfer);

function keep(port: FileWorkbookPort): number {
  const id = nextPort++;
  ports.set(id, port);
  return id;
}

function held(port: number): FileWorkbookPort {
  const found = ports.get(port);
  if (!found) throw new Error(`workbook ${port} is not open in the worker`);
  return found;
}

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request;
  const progress: Progress = (p) => post({ id, kind: 'progress', ...p });
  switch (request.op) {
    case 'load':
      await load();
      // The pane's file mode loads every chunk before it says it is ready offline: ExcelJS too.
      await (
        await import(/* webpackChunkName: "exceljs" */ '../workbook/exceljs/fileFactory')
      ).preloadExcelJs();
      return post({ id, kind: 'value', value: undefined });
    case 'create':
      return post({ id, kind: 'port', port: keep(await (await load()).create(request.spec)) });
    case 'open': {
      const opened = await (await load()).open(request.bytes, request.file);
      return opened.ok
        ? post({ id, kind: 'port', port: keep(opened.value) })
        : post({ id, kind: 'open-error', error: opened.error });
    }
    case 'release':
      await ports.get(request.port)?.close();
      ports.delete(request.port);
      return post({ id, kind: 'value', value: undefined });
    case 'readSnapshot':
      return post({
        id,
        kind: 'value',
        value: await readDepartmentFile(request.bytes, request.file, request.sheets),
      });
    case 'validateBytes': {
      const read = await readDepartmentFile(request.bytes, request.options.file);
      return post({
        id,
        kind: 'value',
        value: read.ok ? ok(validateSnapshot(read.value, request.options, progress)) : read,
      });
    }
    case 'validate':
      return post({
        id,
        kind: 'value',
        value: await validateWorkbook(held(request.port), request.options, progress),
      });
    case 'readPlan':
      return post({ id, kind: 'value', value: await readWorkbookPlan(held(request.port)) });
    case 'call': {
      const port = held(request.port);
      const method = port[request.method] as (...args: unknown[]) => Promise<unknown>;
      // writeSheets takes a Progress callback as its last argument: it cannot cross, so it is sent as messages.
      const args = request.method === 'writeSheets' ? [request.args[0], progress] : [...request.args];
      const value = await method.apply(port, args);
      if (!(value instanceof Uint8Array)) return post({ id, kind: 'value', value });
      // A copy of its own (ExcelJS's bytes may be a view into a shared pool), handed over without copying again.
      const bytes = new Uint8Array(value);
      return post({ id, kind: 'value', value: bytes }, [bytes.buffer]);
    }
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) =>
    post({ id: request.id, kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
