import type { WorkbookPort } from '../workbook/port';

/** What a call through the port did to the workbook's content. */
export type WorkbookChange = 'write' | 'mark' | 'clear-marks';

const CHANGES: Readonly<Record<string, WorkbookChange>> = {
  writeSheets: 'write',
  deleteSheets: 'write',
  markCells: 'mark',
  clearMarks: 'clear-marks',
};

/**
 * The port, reporting each call that changes the workbook's content before it runs (a failed write may
 * have changed part of it). Every other member — reads, selectCell, close, a FilePort's validate — passes
 * through untouched, and the port stays an instance of its class (offload.ts picks the worker path by it).
 */
export function trackChanges<P extends WorkbookPort>(port: P, onChange: (change: WorkbookChange) => void): P {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      const change = typeof key === 'string' ? CHANGES[key] : undefined;
      if (change === undefined || typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        onChange(change);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * Whether the workbook differs from what the user last downloaded (or opened). Marks alone are undone by
 * clearing them: a workbook only marked and cleared again is the file as it was.
 */
export class UnsavedChanges {
  /** Sheets written or deleted since the last download. */
  private wrote = false;
  /** Marks applied or cleared since the last download. */
  private marksChanged = false;
  /** Marks on the sheets now, and in the last download. */
  private marked = false;
  private markedWhenSaved = false;
  /** Counts changes, so a download that raced a write does not count that write as saved. */
  private changes = 0;

  get unsaved(): boolean {
    return this.wrote || (this.marksChanged && (this.marked || this.markedWhenSaved));
  }

  record(change: WorkbookChange): void {
    this.changes++;
    if (change === 'write') this.wrote = true;
    else {
      this.marksChanged = true;
      this.marked = change === 'mark';
    }
  }

  /** A mark of the state now; pass it to `saved` once the bytes taken at this point are downloaded. */
  checkpoint(): number {
    return this.changes;
  }

  /** The bytes taken at `checkpoint` were downloaded: unsaved only if something changed since. */
  saved(checkpoint: number): void {
    if (checkpoint !== this.changes) return;
    this.wrote = false;
    this.marksChanged = false;
    this.markedWhenSaved = this.marked;
  }
}
