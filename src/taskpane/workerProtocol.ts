import type { ValidateOptions } from '../app/validateWorkbook';
import type { WorkbookSpec } from '../domain/template/sheetSpec';
import type { FileWorkbookPort, OpenError } from '../workbook/port';

/** The port methods the worker runs on a workbook it holds (everything but the bookkeeping). */
export type PortMethod = Exclude<keyof FileWorkbookPort, 'close'>;

/** Main thread → workbook worker. Every request has an id; the answer carries the same id. */
export type WorkerRequest =
  | { readonly id: number; readonly op: 'load' }
  | { readonly id: number; readonly op: 'create'; readonly spec?: WorkbookSpec }
  | { readonly id: number; readonly op: 'open'; readonly bytes: Uint8Array; readonly file: string }
  | {
      readonly id: number;
      readonly op: 'call';
      readonly port: number;
      readonly method: PortMethod;
      readonly args: readonly unknown[];
    }
  /** The held workbook is closed and forgotten. */
  | { readonly id: number; readonly op: 'release'; readonly port: number }
  /**
   * A file that is only read (readDepartmentFile): its snapshot, or with `validate` its findings, come back;
   * nothing stays in the worker. Answered with a Result (an unreadable file is an OpenError, not a failure).
   */
  | {
      readonly id: number;
      readonly op: 'readSnapshot';
      readonly bytes: Uint8Array;
      readonly file: string;
      readonly sheets?: readonly string[];
    }
  | {
      readonly id: number;
      readonly op: 'validateBytes';
      readonly bytes: Uint8Array;
      readonly options: ValidateOptions;
    }
  /** Whole read-only use cases on a held workbook: only their (small) results cross back. */
  | {
      readonly id: number;
      readonly op: 'validate';
      readonly port: number;
      readonly options: ValidateOptions;
    }
  | { readonly id: number; readonly op: 'readPlan'; readonly port: number };

/** Workbook worker → main thread: progress while a request runs, then exactly one answer. */
export type WorkerResponse =
  | {
      readonly id: number;
      readonly kind: 'progress';
      readonly done: number;
      readonly total: number;
      readonly label: string;
    }
  | { readonly id: number; readonly kind: 'value'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'port'; readonly port: number }
  | { readonly id: number; readonly kind: 'open-error'; readonly error: OpenError }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
