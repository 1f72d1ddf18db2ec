import { FakeClientObject, PendingResults, sealed, type FakeAction } from './clientObject';
import { settleWrittenFormulas, type FakeWorkbookState } from './document';
import { FakeOfficeError } from './errors';
import { ApplicationProxy, WorkbookProxy } from './workbookProxies';

/** Excel on the web refuses requests and responses over 5 MB, and range reads/writes over 5 million cells. */
export interface FakeLimits {
  requestBytes: number;
  responseBytes: number;
  rangeCells: number;
  /** Reading a range past `rangeCells`: Excel throws `RangeExceedsLimit`, or returns null values. */
  pastCellLimit: 'throw' | 'null';
}
export const EXCEL_ON_THE_WEB_LIMITS: Readonly<FakeLimits> = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  rangeCells: 5_000_000,
  pastCellLimit: 'throw',
};

export interface FakeStats {
  runs: number;
  syncs: number;
  /** UTF-8 bytes of each sync's request (the queued commands and object paths, as JSON). */
  readonly requestBytes: number[];
  readonly responseBytes: number[];
  readonly actions: number[];
  /** Syncs whose batch suspended calculation / screen updating. */
  calcSuspendedSyncs: number;
  screenSuspendedSyncs: number;
}

export const newStats = (): FakeStats => ({
  runs: 0,
  syncs: 0,
  requestBytes: [],
  responseBytes: [],
  actions: [],
  calcSuspendedSyncs: 0,
  screenSuspendedSyncs: 0,
});

const compareVersions = (a: string, b: string): number => {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
};

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * The request body office.js would send: the actions in order, each object path they use sent once (a map
 * by id) and, as office.js does, an `Instantiate` action (ActionType 1) before the first use of each path.
 * Proxies passed as arguments are sent as references to their paths.
 */
export function encodeRequest(actions: readonly FakeAction[]): string {
  const ids = new Map<FakeClientObject, number>();
  const objectPaths: Record<string, unknown> = {};
  const encoded: string[] = [];
  let nextId = 0;
  // A proxy argument is sent as a reference to its object path (checked on the holder: `toJSON` runs first).
  const replacer = function (this: Record<string, unknown>, key: string, v: unknown): unknown {
    const original = this[key];
    return original instanceof FakeClientObject ? { ObjectPathId: pathId(original) } : v;
  };
  const pathId = (object: FakeClientObject): number => {
    const known = ids.get(object);
    if (known !== undefined) return known;
    const parent = object._parent ? pathId(object._parent) : undefined;
    const id = (nextId += 1);
    ids.set(object, id);
    objectPaths[id] = JSON.parse(
      JSON.stringify(
        {
          Id: id,
          ObjectPathType: parent === undefined ? 1 : 3,
          Name: object._pathName,
          ParentObjectPathId: parent,
          ArgumentInfo: { Arguments: object._pathArgs },
        },
        replacer,
      ),
    ) as unknown;
    encoded.push(JSON.stringify({ Id: (nextId += 1), ActionType: 1, Name: '', ObjectPathId: id }));
    return id;
  };
  const kinds = { instantiate: 1, load: 2, call: 3, set: 4 } as const;
  for (const a of actions) {
    const objectPathId = pathId(a.owner);
    if (a.kind === 'instantiate') continue; // already sent for the path
    const action = {
      Id: 0,
      ActionType: kinds[a.kind],
      Name: a.name,
      ObjectPathId: objectPathId,
      ArgumentInfo: { Arguments: a.args },
    };
    const text = JSON.stringify(action, replacer); // may add the paths of proxy arguments first
    encoded.push(text.replace('{"Id":0,', `{"Id":${(nextId += 1)},`));
  }
  return `{"Actions":[${encoded.join(',')}],"ObjectPaths":${JSON.stringify(objectPaths)}}`;
}

/** One Excel: the document, its limits and requirement sets, and what happened to it (stats). */
export class FakeHost {
  excelApi = '1.17';
  cellEditMode = false;
  private failAt: { nth: number; code: string; message: string | undefined } | undefined;

  constructor(
    readonly state: FakeWorkbookState,
    readonly stats: FakeStats,
    readonly limits: FakeLimits,
  ) {}

  supports(version: string): boolean {
    return compareVersions(this.excelApi, version) >= 0;
  }

  failSyncAt(nth: number, code: string, message?: string): void {
    this.failAt = { nth, code, message };
  }

  async sync(context: FakeRequestContext): Promise<void> {
    await Promise.resolve();
    if (context._closed) throw new FakeOfficeError('InvalidRequestContext');
    const actions = context._queue.splice(0);
    const flags = context._flags;
    flags.calc = false;
    flags.screen = false;
    const requestBytes = utf8Length(encodeRequest(actions));
    this.stats.syncs += 1;
    this.stats.requestBytes.push(requestBytes);
    this.stats.actions.push(actions.length);
    if (this.failAt && this.failAt.nth-- === 0) {
      const { code, message } = this.failAt;
      this.failAt = undefined;
      throw new FakeOfficeError(code, message);
    }
    if (this.cellEditMode && !context._options.delayForCellEdit)
      throw new FakeOfficeError('InvalidOperationInCellEditMode');
    if (requestBytes > this.limits.requestBytes) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded');
    const results = new PendingResults();
    for (const action of actions) {
      try {
        if (!this.supports(action.minApi))
          throw new FakeOfficeError('ApiNotFound', `${action.name} needs ExcelApi ${action.minApi}`);
        action.run(results);
      } catch (error) {
        if (!(error instanceof FakeOfficeError)) throw error;
        throw new FakeOfficeError(error.code, error.message, `${action.owner._pathName}.${action.name}`);
      }
    }
    if (flags.calc) this.stats.calcSuspendedSyncs += 1;
    settleWrittenFormulas(this.state, flags.calc);
    if (flags.screen) this.stats.screenSuspendedSyncs += 1;
    const response = utf8Length(JSON.stringify(results));
    this.stats.responseBytes.push(response);
    if (response > this.limits.responseBytes) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded');
    results.commit();
  }
}

export interface FakeRunOptions {
  readonly delayForCellEdit?: boolean;
}

/** `Excel.RequestContext`: the queue of one batch, `workbook` and `application`, and `sync()`. */
export class FakeRequestContext {
  readonly _queue: FakeAction[] = [];
  readonly _flags = { calc: false, screen: false };
  _closed = false;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(
    readonly _host: FakeHost,
    readonly _options: FakeRunOptions,
  ) {
    this.workbook = sealed(new WorkbookProxy(this));
    this.application = this.workbook.application;
  }

  _enqueue(action: FakeAction): void {
    if (this._closed)
      throw new FakeOfficeError(
        'InvalidRequestContext',
        'The batch of this object has ended (Excel.run returned).',
      );
    this._queue.push(action);
  }

  sync<T>(passThroughValue?: T): Promise<T | undefined> {
    return this._host.sync(this).then(() => passThroughValue);
  }
}

/** `Excel.run(batch)` / `Excel.run(options, batch)`: a fresh context; pending commands are synced at the end. */
export async function fakeRun<T>(
  host: FakeHost,
  optionsOrBatch: FakeRunOptions | ((context: FakeRequestContext) => Promise<T>),
  maybeBatch?: (context: FakeRequestContext) => Promise<T>,
): Promise<T> {
  const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch;
  const options = typeof optionsOrBatch === 'function' ? {} : optionsOrBatch;
  if (!batch) throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function');
  host.stats.runs += 1;
  const context = new FakeRequestContext(host, options);
  try {
    const pending: unknown = batch(context);
    if (!(pending instanceof Promise))
      throw new FakeOfficeError(
        'RunMustReturnPromise',
        'The batch function passed to Excel.run must return a promise.',
      );
    const result = (await pending) as T;
    if (context._queue.length > 0) await host.sync(context);
    return result;
  } finally {
    context._closed = true;
  }
}
