import { readDepartmentFile } from '../app/readDepartmentFile';
import { validateSnapshot, type ValidateOptions, type ValidationResult } from '../app/validateWorkbook';
import type { SheetSnapshot, WorkbookSnapshot } from '../domain/extract/snapshot';
import { err, ok, type Result } from '../domain/result';
import type { SheetSpec } from '../domain/template/sheetSpec';
import type { CellMark, FileWorkbookFactory, FileWorkbookPort, OpenError, Progress } from '../workbook/port';
import { readXlsxSheetList } from '../workbook/xlsx/readXlsxSnapshot';

type SheetList = readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[];

/** A factory that can also validate bytes where it works (the pane's worker: only findings cross back). */
type ValidatingFactory = FileWorkbookFactory & {
  validateBytes?: (
    bytes: Uint8Array,
    options: ValidateOptions,
    onProgress?: Progress,
  ) => Promise<Result<ValidationResult, OpenError>>;
};

/**
 * A file opened in file mode. Until something is written into it, it stays bytes: its sheets are read with
 * the one reader, and 検証 reads it in the worker without opening it (validateBytes). The workbook is opened
 * (in the worker, by the own writer's package port; ExcelJS only for a package that port declines) only for
 * a write — marking cells, building or consolidating into it — and closed again when the marks are cleared
 * and nothing else was written, or when the port is closed.
 */
export class FilePort implements FileWorkbookPort {
  private opened: FileWorkbookPort | undefined;
  private opening: Promise<FileWorkbookPort> | undefined;
  /** Written into (sheets added, replaced or deleted): the open workbook is the file now. */
  private edited = false;
  private pendingSelection: { sheet: string; cell: string } | undefined;

  private constructor(
    private bytes: Uint8Array,
    private readonly file: string,
    private readonly sheets: SheetList,
    private readonly loadFactory: () => Promise<ValidatingFactory>,
  ) {}

  /** The file's sheet list checked (kind, read limits, workbook.xml); nothing else is read yet. */
  static open(
    bytes: Uint8Array,
    file: string,
    loadFactory: () => Promise<ValidatingFactory>,
  ): Result<FilePort, OpenError> {
    const sheets = readXlsxSheetList(bytes, file);
    return sheets.ok ? ok(new FilePort(bytes, file, sheets.value, loadFactory)) : err(sheets.error);
  }

  /** True while the workbook is open for a write. */
  get isOpen(): boolean {
    return this.opened !== undefined;
  }

  private async workbook(): Promise<FileWorkbookPort> {
    if (this.opened) return this.opened;
    this.opening ??= (async () => {
      const opened = await (await this.loadFactory()).open(this.bytes, this.file);
      if (!opened.ok) throw new Error(opened.error.message);
      if (this.pendingSelection)
        await opened.value.selectCell(this.pendingSelection.sheet, this.pendingSelection.cell);
      this.opened = opened.value;
      return opened.value;
    })().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  async listSheets(): Promise<SheetList> {
    return this.opened ? this.opened.listSheets() : this.sheets;
  }

  async readSnapshot(sheets?: readonly string[]): Promise<WorkbookSnapshot> {
    if (this.opened) return this.opened.readSnapshot(sheets);
    // Where the factory works (the worker: the page never parses the file), with the one reader.
    const factory = await this.loadFactory();
    const read = factory.readSnapshot
      ? await factory.readSnapshot(this.bytes, this.file, sheets)
      : await readDepartmentFile(this.bytes, this.file, sheets);
    if (!read.ok) throw new Error(read.error.message);
    return read.value;
  }

  /** 検証 of the file: read where the factory works, with the one reader, unless it is open for a write. */
  async validate(
    options: ValidateOptions,
    onProgress?: Progress,
  ): Promise<Result<ValidationResult, OpenError>> {
    if (this.opened) return ok(validateSnapshot(await this.opened.readSnapshot(), options, onProgress));
    const factory = await this.loadFactory();
    if (factory.validateBytes) return factory.validateBytes(this.bytes, options, onProgress);
    const read = await readDepartmentFile(this.bytes, this.file);
    return read.ok ? ok(validateSnapshot(read.value, options, onProgress)) : read;
  }

  async writeSheets(specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> {
    this.edited = true;
    await (await this.workbook()).writeSheets(specs, onProgress);
  }

  async deleteSheets(names: readonly string[]): Promise<void> {
    this.edited = true;
    await (await this.workbook()).deleteSheets(names);
  }

  /** The saved file's active cell: set now if the workbook is open, else when it opens or is saved. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.pendingSelection = { sheet, cell };
    if (this.opened) await this.opened.selectCell(sheet, cell);
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    await (await this.workbook()).markCells(marks);
  }

  /** Restores the fills; a workbook opened only to mark cells is closed again (the bytes are the file). */
  async clearMarks(): Promise<void> {
    if (!this.opened) return;
    await this.opened.clearMarks();
    if (this.edited) return;
    const opened = this.opened;
    this.opened = undefined;
    await opened.close();
  }

  async toBuffer(): Promise<Uint8Array> {
    if (this.opened || this.pendingSelection) return (await this.workbook()).toBuffer();
    return this.bytes;
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    this.bytes = new Uint8Array(0);
    await opened?.close();
  }
}
