import type { SourceInput } from '../app/consolidate';
import { err, ok, type Result } from '../domain/result';
import type { FileWorkbookFactory, FileWorkbookPort, OpenError, WorkbookPort } from '../workbook/port';
import { browserDownload, readPickedFiles, type PickedInput } from './files';
import { HostState, type Host, type HostSnapshot } from './host';
import { loadExcelJsFactory, onceUntilFailure } from './lazy';
import { trackChanges, UnsavedChanges } from './unsavedChanges';

export interface FileHostOptions {
  readonly loadFactory?: () => Promise<FileWorkbookFactory>;
  readonly download?: (fileName: string, data: Uint8Array | string, mime: string) => void;
  /** Start with a workbook already open (tests, or a file handed over by the page). */
  readonly initial?: { readonly port: FileWorkbookPort; readonly name: string };
}

/**
 * File mode: no Excel; the user opens a .xlsx, the pane works on it in memory and downloads results. The
 * factory (the worker's fileFactory) writes a new workbook with the own spec writer and updates an opened
 * file in its package, as the CLI writes and updates a master; ExcelJS marks cells and builds department
 * workbooks.
 *
 * The browser holds the only copy of the workbook, so every port this host hands out reports its writes
 * here: the snapshot's `unsaved` is true from a change (sheets written, cells marked) until the workbook is
 * downloaded (`saveCurrent`) or another one is opened.
 */
export class FileHost implements Host {
  readonly mode = 'file' as const;
  private readonly state: HostState;
  private current: FileWorkbookPort | undefined;
  private changes = new UnsavedChanges();
  readonly download: (fileName: string, data: Uint8Array | string, mime: string) => void;

  constructor(options: FileHostOptions = {}) {
    this.loadFactory = onceUntilFailure(options.loadFactory ?? loadExcelJsFactory);
    this.download = options.download ?? browserDownload;
    this.current = options.initial && this.tracked(options.initial.port);
    this.state = new HostState({ port: this.current, name: options.initial?.name });
  }

  /** The port, its changes counted towards `unsaved` (a fresh count: it is the workbook as opened). */
  private tracked(port: FileWorkbookPort): FileWorkbookPort {
    const changes = new UnsavedChanges();
    this.changes = changes;
    return trackChanges(port, (change) => {
      changes.record(change);
      // A port replaced since (another file opened) no longer speaks for the current workbook.
      if (this.changes === changes) this.state.setUnsaved(changes.unsaved);
    });
  }

  getSnapshot = (): HostSnapshot => this.state.get();
  subscribe = (listener: () => void): (() => void) => this.state.subscribe(listener);
  touch = (): void => this.state.touch();

  /** The file factory (its worker), loaded on first use (a failed load is tried again next time). */
  readonly loadFactory: () => Promise<FileWorkbookFactory>;

  readFiles = (files: readonly File[]): Promise<PickedInput[]> => readPickedFiles(files);

  /** The file becomes the current workbook (a FilePort: opened in ExcelJS only once written into). */
  open = async (file: SourceInput): Promise<Result<void, OpenError>> => {
    // The reader and the use cases come with the pane's read-only code, in its own chunk (offload.ts).
    const { FilePort } = await import(/* webpackChunkName: "offload" */ './filePort');
    const opened = FilePort.open(file.bytes, file.file, this.loadFactory);
    if (!opened.ok) return err(opened.error);
    const previous = this.current;
    this.current = this.tracked(opened.value);
    this.state.set({ port: this.current, name: file.file, unsaved: false });
    await previous?.close();
    return ok(undefined);
  };

  ensureWorkbook = async (name: string): Promise<WorkbookPort> => {
    if (this.current) return this.current;
    const created = this.tracked(await (await this.loadFactory()).create());
    this.current = created;
    this.state.set({ port: created, name, unsaved: false });
    return created;
  };

  /** The workbook's bytes, taken to be downloaded: from here it counts as saved (until the next change). */
  saveCurrent = async (): Promise<Uint8Array | undefined> => {
    const current = this.current;
    if (!current) return undefined;
    const changes = this.changes;
    const checkpoint = changes.checkpoint();
    const bytes = await current.toBuffer();
    changes.saved(checkpoint);
    if (this.changes === changes) this.state.setUnsaved(changes.unsaved);
    return bytes;
  };
}
