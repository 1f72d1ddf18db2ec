import { ok, type Result } from '../../domain/result';
import type { WorkbookSpec } from '../../domain/template/sheetSpec';
import type { FileWorkbookFactory, FileWorkbookPort, OpenError } from '../port';
import { PackageWorkbookPort } from '../xlsx/packageWorkbookPort';
import { compressionStreamCodec } from '../xlsx/compressionStreamCodec';
import { SpecWorkbookPort } from '../xlsx/specWorkbookPort';
import type { ZipCodec } from '../xlsx/zipWriter';

/**
 * ExcelJS, loaded only for a package the own writer does not rewrite (PackageWorkbookPort.open declines it),
 * so the pane's worker reads, builds, consolidates and marks without it (in the pane a chunk of its own,
 * fetched on that first use).
 */
const excelJs = async (): Promise<FileWorkbookFactory> =>
  (await import(/* webpackChunkName: "exceljs-fallback" */ './excelJsFactory')).excelJsFactory;

/**
 * The own writer as a factory (issue 14: one file writer for everything written outside Excel): every new
 * workbook — a department workbook or the master template built from a spec, or the empty one the pane
 * consolidates into, writes a 体系 into or runs its self-test in — is held as specs and written by the spec
 * writer (SpecWorkbookPort); an opened file is updated in its package (PackageWorkbookPort, as the CLI's
 * existing master: marks and the active cell included, on its own sheets too), with ExcelJS only for a package
 * that port does not rewrite. `codec` compresses the parts (the CLI passes Node's zlib; the pane the browser's own DEFLATE).
 */
export function ownWriterFactory(codec?: ZipCodec): FileWorkbookFactory {
  return {
    create: (spec?: WorkbookSpec): Promise<FileWorkbookPort> => SpecWorkbookPort.create(spec, codec),
    async open(bytes: Uint8Array, file: string): Promise<Result<FileWorkbookPort, OpenError>> {
      const opened = await PackageWorkbookPort.open(bytes, file, { ...(codec && { codec }) });
      if (!opened.ok) return opened;
      return opened.value ? ok(opened.value) : (await excelJs()).open(bytes, file);
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
 * may go offline, or the folder the page came from may be gone), and a file the package port declines needs
 * it later.
 */
export const preloadExcelJs = async (): Promise<void> => {
  await excelJs();
};
