import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/extract/snapshot';
import { ok, type Result } from '../../domain/result';
import type { SheetSpec, WorkbookSpec } from '../../domain/template/sheetSpec';
import type { CellMark, FileWorkbookFactory, FileWorkbookPort, OpenError, Progress } from '../port';
import { PackageWorkbookPort } from '../xlsx/packageWorkbookPort';
import { compressionStreamCodec } from '../xlsx/compressionStreamCodec';
import { SpecWorkbookPort } from '../xlsx/specWorkbookPort';
import type { ZipCodec } from '../xlsx/zipWriter';

/**
 * ExcelJS, loaded only when a file needs it — marks on an opened file's own sheets, or a package the own
 * writer does not rewrite — so the pane's worker reads, builds and consolidates without it (in the pane a chunk
 * of its own, fetched on that first use).
 */
const excelJs = async (): Promise<FileWorkbookFactory> =>
  (await import(/* webpackChunkName: "exceljs-fallback" */ './excelJsFactory')).excelJsFactory;

/**
 * A file opened by the pane: updated by the own writer in its package (PackageWorkbookPort, as the CLI
 * updates a master), until cells are marked — marks on the sheets the file already held need a workbook
 * model, so the workbook as it stands is then opened with ExcelJS, which takes over.
 */
class OpenedFile implements FileWorkbookPort {
  private excel: FileWorkbookPort | undefined;

  constructor(
    private readonly pkg: PackageWorkbookPort,
    private readonly file: string,
  ) {}

  private get port(): FileWorkbookPort {
    return this.excel ?? this.pkg;
  }

  listSheets = (): Promise<readonly { name: string; visibility: SheetSnapshot['visibility'] }[]> =>
    this.port.listSheets();
  readSnapshot = (sheets?: readonly string[]): Promise<WorkbookSnapshot> => this.port.readSnapshot(sheets);
  writeSheets = (specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> =>
    this.port.writeSheets(specs, onProgress);
  deleteSheets = (names: readonly string[]): Promise<void> => this.port.deleteSheets(names);
  /** The cell last chosen: a package keeps its own sheets byte for byte, so ExcelJS must choose it again. */
  private selected: { readonly sheet: string; readonly cell: string } | undefined;

  selectCell = (sheet: string, cell: string): Promise<void> => {
    this.selected = { sheet, cell };
    return this.port.selectCell(sheet, cell);
  };
  clearMarks = (): Promise<void> => this.port.clearMarks();
  toBuffer = (): Promise<Uint8Array> => this.port.toBuffer();

  async markCells(marks: readonly CellMark[]): Promise<void> {
    if (!this.excel && marks.length > 0) {
      const opened = await (await excelJs()).open(await this.pkg.toBuffer(), this.file);
      if (!opened.ok) throw new Error(opened.error.message);
      this.excel = opened.value;
      await this.pkg.close();
      if (this.selected) await this.excel.selectCell(this.selected.sheet, this.selected.cell);
    }
    await this.port.markCells(marks);
  }

  async close(): Promise<void> {
    await this.pkg.close();
    await this.excel?.close();
  }
}

/**
 * The own writer as a factory (issue 14: one file writer for everything written outside Excel): every new
 * workbook — a department workbook or the master template built from a spec, or the empty one the pane
 * consolidates into, writes a 体系 into or runs its self-test in — is held as specs and written by the spec
 * writer (SpecWorkbookPort); an opened file is updated in its package (PackageWorkbookPort, as the CLI's
 * existing master), with ExcelJS taking over only to mark cells, or for a package that port does not
 * rewrite. `codec` compresses the parts (the CLI passes Node's zlib; the pane the browser's own DEFLATE).
 */
export function ownWriterFactory(codec?: ZipCodec): FileWorkbookFactory {
  return {
    create: (spec?: WorkbookSpec): Promise<FileWorkbookPort> => SpecWorkbookPort.create(spec, codec),
    async open(bytes: Uint8Array, file: string): Promise<Result<FileWorkbookPort, OpenError>> {
      const opened = await PackageWorkbookPort.open(bytes, file, { ...(codec && { codec }) });
      if (!opened.ok) return opened;
      return opened.value ? ok(new OpenedFile(opened.value, file)) : (await excelJs()).open(bytes, file);
    },
  };
}

/**
 * The pane's factory for files (file mode, in its worker): what the CLI writes, with the same writer; the parts
 * compressed by the platform's native DEFLATE (CompressionStream) where it has one, else by fflate's.
 */
export const fileFactory: FileWorkbookFactory = ownWriterFactory(compressionStreamCodec());

/**
 * Fetch ExcelJS's chunk ahead of its first use: file mode promises no request once its page is ready (a PC
 * may go offline, or the folder the page came from may be gone), and marking cells needs it later.
 */
export const preloadExcelJs = async (): Promise<void> => {
  await excelJs();
};
