import type { SourceInput } from '../app/consolidate';
import type { PickedInput } from './files';
import type { Result } from '../domain/result';
import type { FileWorkbookFactory, OpenError, WorkbookPort } from '../workbook/port';

/** Where the pane runs: inside Excel (the open workbook) or in a browser tab on .xlsx files. */
export type HostMode = 'excel' | 'file';

export interface HostSnapshot {
  /** The workbook the tabs work on: the one open in Excel, or the file opened in file mode (none yet). */
  readonly port: WorkbookPort | undefined;
  /** Shown in the header: the workbook's or the file's name. */
  readonly name: string | undefined;
  /** Bumped whenever the workbook is replaced or the pane wrote to it, so views read it again. */
  readonly revision: number;
  /**
   * File mode: the workbook has changes that were not downloaded (the browser holds the only copy), so
   * closing the tab or opening another file would lose them. Always false in Excel, which saves its own.
   */
  readonly unsaved: boolean;
}

/**
 * What the UI needs from its surroundings, the same in Excel and in file mode. Optional members are
 * capabilities: the UI shows a button only when its host can do it.
 */
export interface Host {
  readonly mode: HostMode;
  getSnapshot(): HostSnapshot;
  subscribe(listener: () => void): () => void;
  /** Tell views the workbook changed (after the pane wrote to it). */
  touch(): void;
  /** The ExcelJS factory, loaded on first use (its own lazy chunk). */
  loadFactory(): Promise<FileWorkbookFactory>;
  /** The bytes of picked or dropped files, with their names, sizes, last-modified times and ids of their own. */
  readFiles(files: readonly File[]): Promise<PickedInput[]>;
  /** The current workbook; in file mode with nothing open, a new empty one named `name`. */
  ensureWorkbook(name: string): Promise<WorkbookPort>;
  /** File mode: make a picked .xlsx the current workbook. */
  readonly open?: (file: SourceInput) => Promise<Result<void, OpenError>>;
  /** File mode: the current workbook as .xlsx bytes, to be downloaded (it counts as saved from then on). */
  readonly saveCurrent?: () => Promise<Uint8Array | undefined>;
  /** File mode: hand bytes to the browser as a download. */
  readonly download?: (fileName: string, data: Uint8Array | string, mime: string) => void;
  /** Excel (ExcelApi 1.8): open .xlsx bytes as a new workbook window. */
  readonly createWorkbook?: (bytes: Uint8Array) => Promise<void>;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Listener bookkeeping shared by both hosts. */
export class HostState {
  private snapshot: HostSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Pick<HostSnapshot, 'port' | 'name'>) {
    this.snapshot = { ...initial, revision: 0, unsaved: false };
  }

  get = (): HostSnapshot => this.snapshot;

  /** A new workbook (or the same one written to): views read it again. `unsaved` is kept unless given. */
  set(next: Pick<HostSnapshot, 'port' | 'name'> & { readonly unsaved?: boolean }): void {
    this.snapshot = {
      ...next,
      revision: this.snapshot.revision + 1,
      unsaved: next.unsaved ?? this.snapshot.unsaved,
    };
    this.notify();
  }

  touch(): void {
    this.set({ port: this.snapshot.port, name: this.snapshot.name });
  }

  /** Only the unsaved flag: the revision stays, so views do not read the workbook again (marks). */
  setUnsaved(unsaved: boolean): void {
    if (this.snapshot.unsaved === unsaved) return;
    this.snapshot = { ...this.snapshot, unsaved };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
