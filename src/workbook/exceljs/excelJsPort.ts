import type { Workbook, Worksheet } from 'exceljs';
import { parseCellAddress, cellAddress } from '../../domain/cellAddress';
import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/extract/snapshot';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import type { CellMark, FileWorkbookPort, Progress } from '../port';
import { activateSheet, viewsOf } from './activeTab';
import { CellMarks } from './cellMarks';
import { escapeForSave } from './escapeForSave';
import { internals } from './internals';
import { readSheetSnapshot, visibilityOf } from './readSheetSnapshot';
import { checkSheetName, renderSheet } from './renderSheet';
import { utf8ZipWriter } from './utf8ZipWriter';
import { withAutoHeightRows } from './autoHeightRows';

/** Let the browser paint progress between sheets (a macrotask; microtasks would not). */
const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A workbook file (an `ExcelJS.Workbook`) behind the WorkbookPort: Node and browser alike. */
export class ExcelJsPort implements FileWorkbookPort {
  private readonly marks = new CellMarks();

  /** The open workbook; undefined once closed. */
  private open: Workbook | undefined;

  private get workbook(): Workbook {
    if (!this.open) throw new Error(`workbook ${this.file ?? ''} is closed`);
    return this.open;
  }

  constructor(
    workbook: Workbook,
    /** The file name the workbook was opened from, reported in snapshots. */
    private readonly file?: string,
  ) {
    this.open = workbook;
  }

  /** Excel sheet names are case-insensitive. */
  private find(name: string): Worksheet | undefined {
    const key = name.toLowerCase();
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === key);
  }

  async listSheets(): Promise<
    readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[]
  > {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, visibility: visibilityOf(ws) }));
  }

  async readSnapshot(sheets?: readonly string[]): Promise<WorkbookSnapshot> {
    const wanted = sheets && new Set(sheets.map((s) => s.toLowerCase()));
    const chosen = this.workbook.worksheets.filter((ws) => !wanted || wanted.has(ws.name.toLowerCase()));
    return { ...(this.file !== undefined ? { file: this.file } : {}), sheets: chosen.map(readSheetSnapshot) };
  }

  /**
   * ExcelJS cannot move a sheet; tab order is each worksheet's `orderNo`. A replaced sheet is removed and
   * added again under the same name, then given the old sheet's `orderNo`, so it keeps its tab position.
   */
  async writeSheets(specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> {
    for (const [i, spec] of specs.entries()) {
      checkSheetName(spec.name);
      const existing = this.find(spec.name);
      const orderNo = existing && internals(existing).orderNo;
      if (existing) this.workbook.removeWorksheet(existing.id);
      const ws = this.workbook.addWorksheet(spec.name);
      if (orderNo !== undefined) internals(ws).orderNo = orderNo;
      await renderSheet(ws, spec);
      onProgress?.({ done: i + 1, total: specs.length, label: `シート「${spec.name}」を書き込みました` });
      if (i + 1 < specs.length) await yieldToUi();
    }
  }

  async deleteSheets(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const ws = this.find(name);
      if (ws) this.workbook.removeWorksheet(ws.id);
    }
  }

  /** The file opens on this sheet (when visible) with this cell selected. Unknown sheets and bad addresses are ignored. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    const ws = this.find(sheet);
    const at = parseCellAddress(cell);
    if (!ws || !at) return;
    const address = cellAddress(at.row, at.column);
    const [first, ...rest] = viewsOf(ws);
    ws.views = [{ state: 'normal', ...first, activeCell: address }, ...rest];
    activateSheet(this.workbook, ws);
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    for (const { sheet, cell, severity } of marks) {
      const ws = this.find(sheet);
      const at = parseCellAddress(cell);
      if (ws && at) this.marks.mark(ws, cellAddress(at.row, at.column), severity);
    }
  }

  async clearMarks(): Promise<void> {
    this.marks.clear(this.workbook.worksheets);
  }

  /** Drops the workbook (its sheets, cells and styles) for the garbage collector; the port is unusable after. */
  async close(): Promise<void> {
    this.open = undefined;
  }

  async toBuffer(): Promise<Uint8Array> {
    await utf8ZipWriter();
    activateSheet(this.workbook);
    const restore = escapeForSave(this.workbook);
    // A Node Buffer (or the browser bundle's Buffer polyfill): a Uint8Array view; ExcelJS types it as ArrayBuffer.
    let buffer: ArrayBuffer | Uint8Array;
    try {
      buffer = (await withAutoHeightRows(this.workbook, () =>
        this.workbook.xlsx.writeBuffer(),
      )) as unknown as ArrayBuffer | Uint8Array;
    } finally {
      restore();
    }
    return buffer instanceof Uint8Array
      ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      : new Uint8Array(buffer);
  }
}
