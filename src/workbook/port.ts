import type { SheetSnapshot, WorkbookSnapshot } from '../domain/extract/snapshot';
import type { Severity } from '../domain/finding';
import type { Result } from '../domain/result';
import type { SheetSpec, WorkbookSpec } from '../domain/template/sheetSpec';

/** Progress of a long operation: `done` of `total` steps, with a Japanese label for the UI or stderr. */
export type Progress = (p: { readonly done: number; readonly total: number; readonly label: string }) => void;

export interface CellMark {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
}

/**
 * One open workbook, in domain terms. Implemented over ExcelJS (files, Node and browser) and over
 * Office.js (the workbook open in Excel). One contract test suite runs against both.
 */
export interface WorkbookPort {
  /** Sheet names with visibility, in tab order. */
  listSheets(): Promise<
    readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[]
  >;
  /** Snapshots of the named sheets (all when omitted), in tab order. */
  readSnapshot(sheets?: readonly string[]): Promise<WorkbookSnapshot>;
  /**
   * Render the specs: a sheet whose name exists is replaced (deleted and written again at the same
   * position), others are appended in the given order.
   */
  writeSheets(specs: readonly SheetSpec[], onProgress?: Progress): Promise<void>;
  deleteSheets(names: readonly string[]): Promise<void>;
  /** Make the cell the active selection (Excel) — a no-op where there is no UI. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Highlight cells that have findings; `clearMarks` restores their previous fill. */
  markCells(marks: readonly CellMark[]): Promise<void>;
  clearMarks(): Promise<void>;
  /**
   * Done with this workbook: a file's workbook is freed (ExcelJS), a worker's is released in the worker; a
   * no-op for the workbook open in Excel. Call it once nothing more is read or written through the port.
   */
  close(): Promise<void>;
}

/** A port whose whole workbook can be created from a spec and saved as .xlsx bytes (the ExcelJS side). */
export interface FileWorkbookPort extends WorkbookPort {
  toBuffer(): Promise<Uint8Array>;
}

/** Why a file could not be opened as a workbook; the message is Japanese and names the file. */
export interface OpenError {
  readonly code:
    | 'file.empty'
    | 'file.xls'
    | 'file.encrypted'
    | 'file.not-xlsx'
    | 'file.other-format'
    | 'file.corrupt'
    | 'file.too-large';
  readonly file: string;
  readonly message: string;
}

export interface FileWorkbookFactory {
  /** A new workbook, with the spec's sheets and properties when given. */
  create(spec?: WorkbookSpec): Promise<FileWorkbookPort>;
  /** Open .xlsx / .xlsm bytes; macros are never run (the own writer keeps them in the package; ExcelJS drops them). */
  open(bytes: Uint8Array, file: string): Promise<Result<FileWorkbookPort, OpenError>>;
  /**
   * A file that is only read, read where this factory works (the pane's worker) with the one bounded reader
   * (readDepartmentFile): the snapshot of the named sheets (all when omitted), nothing kept open. Absent: read
   * in this thread.
   */
  readSnapshot?(
    bytes: Uint8Array,
    file: string,
    sheets?: readonly string[],
  ): Promise<Result<WorkbookSnapshot, OpenError>>;
}
