import type { ValidateOptions, ValidationResult } from '../app/validateWorkbook';
import type { SheetSnapshot, WorkbookSnapshot } from '../domain/extract/snapshot';
import { err, ok, type Result } from '../domain/result';
import type { SheetSpec, WorkbookSpec } from '../domain/template/sheetSpec';
import type { CellMark, FileWorkbookFactory, FileWorkbookPort, OpenError, Progress } from '../workbook/port';
import type { WorkbookPlan } from './workbookPlan';
import type { PortMethod, WorkerRequest, WorkerResponse } from './workerProtocol';

type Pending = {
  readonly resolve: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: Progress;
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = DistributiveOmit<WorkerRequest, 'id'>;

/** Talks to one workbook worker: numbered requests, progress routed to the caller, answers resolved. */
class WorkerClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  /** Workbooks the page forgets without closing them are dropped in the worker too (a safety net). */
  readonly released = new FinalizationRegistry<number>((port) => {
    if (!this.failure) void this.send({ op: 'release', port }).catch(() => undefined);
  });

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      if (response.kind === 'progress') {
        waiting.onProgress?.({ done: response.done, total: response.total, label: response.label });
        return;
      }
      this.pending.delete(response.id);
      if (response.kind === 'error') waiting.reject(new Error(response.message));
      else waiting.resolve(response);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(event.message || 'workbook worker failed'));
    };
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  send(request: Request, onProgress?: Progress): Promise<WorkerResponse> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress && { onProgress }) });
      this.worker.postMessage({ ...request, id });
    });
  }

  async value<T>(request: Request, onProgress?: Progress): Promise<T> {
    const response = await this.send(request, onProgress);
    if (response.kind !== 'value') throw new Error(`unexpected worker answer: ${response.kind}`);
    return response.value as T;
  }

  port(id: number): FileWorkbookPort {
    const port = new WorkerPort(this, id);
    this.released.register(port, id, port);
    return port;
  }
}

/**
 * A workbook held by the worker, behind the same WorkbookPort the use cases take. The read-only use cases
 * of the pane (validate, read the 体系) can also run whole in the worker: a large workbook's snapshot then
 * never crosses to the page (see offload.ts).
 */
export class WorkerPort implements FileWorkbookPort {
  constructor(
    private readonly client: WorkerClient,
    private readonly id: number,
  ) {}

  private call<T>(method: PortMethod, args: readonly unknown[], onProgress?: Progress): Promise<T> {
    return this.client.value<T>({ op: 'call', port: this.id, method, args }, onProgress);
  }

  listSheets = (): Promise<readonly { name: string; visibility: SheetSnapshot['visibility'] }[]> =>
    this.call('listSheets', []);
  readSnapshot = (sheets?: readonly string[]): Promise<WorkbookSnapshot> =>
    this.call('readSnapshot', sheets ? [sheets] : []);
  writeSheets = (specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> =>
    this.call('writeSheets', [specs], onProgress);
  deleteSheets = (names: readonly string[]): Promise<void> => this.call('deleteSheets', [names]);
  selectCell = (sheet: string, cell: string): Promise<void> => this.call('selectCell', [sheet, cell]);
  markCells = (marks: readonly CellMark[]): Promise<void> => this.call('markCells', [marks]);
  clearMarks = (): Promise<void> => this.call('clearMarks', []);
  toBuffer = (): Promise<Uint8Array> => this.call('toBuffer', []);
  /** Releases the workbook in the worker now, rather than whenever the page's port is collected. */
  close = async (): Promise<void> => {
    this.client.released.unregister(this);
    await this.client.value({ op: 'release', port: this.id });
  };

  validate = (options: ValidateOptions, onProgress?: Progress): Promise<ValidationResult> =>
    this.client.value({ op: 'validate', port: this.id, options }, onProgress);
  readPlan = (): Promise<WorkbookPlan | undefined> => this.client.value({ op: 'readPlan', port: this.id });
}

/**
 * The ExcelJS factory run in a Web Worker: opening (zip checks, XML parsing), rendering and saving happen
 * off the main thread, so the page keeps painting its progress while a large workbook loads. Resolves
 * once the worker has loaded ExcelJS.
 */
export interface WorkerFactory extends FileWorkbookFactory {
  readSnapshot(
    bytes: Uint8Array,
    file: string,
    sheets?: readonly string[],
  ): Promise<Result<WorkbookSnapshot, OpenError>>;
  /** Validate a file that is only read, whole in the worker: only the findings cross back. */
  validateBytes(
    bytes: Uint8Array,
    options: ValidateOptions,
    onProgress?: Progress,
  ): Promise<Result<ValidationResult, OpenError>>;
}

export async function workerFactory(worker: Worker): Promise<WorkerFactory> {
  const client = new WorkerClient(worker);
  await client.value({ op: 'load' });
  return {
    async create(spec?: WorkbookSpec): Promise<FileWorkbookPort> {
      const response = await client.send(spec ? { op: 'create', spec } : { op: 'create' });
      if (response.kind !== 'port') throw new Error(`unexpected worker answer: ${response.kind}`);
      return client.port(response.port);
    },
    async open(bytes: Uint8Array, file: string): Promise<Result<FileWorkbookPort, OpenError>> {
      const response = await client.send({ op: 'open', bytes, file });
      if (response.kind === 'open-error') return err(response.error);
      if (response.kind !== 'port') throw new Error(`unexpected worker answer: ${response.kind}`);
      return ok(client.port(response.port));
    },
    readSnapshot: (bytes, file, sheets) =>
      client.value(
        sheets ? { op: 'readSnapshot', bytes, file, sheets } : { op: 'readSnapshot', bytes, file },
      ),
    validateBytes: (bytes, options, onProgress) =>
      client.value({ op: 'validateBytes', bytes, options }, onProgress),
  };
}
