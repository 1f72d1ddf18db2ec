import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/extract/snapshot';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import type { CellMark, Progress, WorkbookPort } from '../port';

/**
 * Sheet names of the self-test: unlikely in a town's workbook, short enough that `prefix + 'I-1-1-40 総務課'`
 * stays within Excel's 31 characters. Any sheet so named is the self-test's own (a leftover of a run that
 * was interrupted) and may be deleted.
 */
export const SCRATCH_PREFIX = '~推進診断~';

const isScratch = (name: string): boolean => name.startsWith(SCRATCH_PREFIX);
const inner = (name: string): string => `${SCRATCH_PREFIX}${name}`;
const outer = (name: string): string => name.slice(SCRATCH_PREFIX.length);

const scratchSpec = (spec: SheetSpec): SheetSpec => ({
  ...spec,
  name: inner(spec.name),
  cells: spec.cells.map((c) => (c.link ? { ...c, link: { ...c.link, sheet: inner(c.link.sheet) } } : c)),
});

/**
 * A view of a real workbook in which only the self-test's sheets exist, under the names the contract cases
 * use: the cases run on the workbook open in Excel without seeing or touching the user's own sheets.
 */
export class ScratchPort implements WorkbookPort {
  constructor(private readonly port: WorkbookPort) {}

  async listSheets(): Promise<
    readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[]
  > {
    return (await this.port.listSheets())
      .filter((s) => isScratch(s.name))
      .map((s) => ({ name: outer(s.name), visibility: s.visibility }));
  }

  async readSnapshot(sheets?: readonly string[]): Promise<WorkbookSnapshot> {
    const names = sheets
      ? sheets.map(inner)
      : (await this.port.listSheets()).map((s) => s.name).filter(isScratch);
    const snapshot = await this.port.readSnapshot(names);
    return {
      ...snapshot,
      sheets: snapshot.sheets.filter((s) => isScratch(s.name)).map((s) => ({ ...s, name: outer(s.name) })),
    };
  }

  writeSheets(specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> {
    return this.port.writeSheets(specs.map(scratchSpec), onProgress);
  }

  deleteSheets(names: readonly string[]): Promise<void> {
    return this.port.deleteSheets(names.map(inner));
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.port.selectCell(inner(sheet), cell);
  }

  markCells(marks: readonly CellMark[]): Promise<void> {
    return this.port.markCells(marks.map((m) => ({ ...m, sheet: inner(m.sheet) })));
  }

  clearMarks(): Promise<void> {
    return this.port.clearMarks();
  }

  /** The workbook open in Excel is the pane's: the self-test leaves it open. */
  async close(): Promise<void> {}

  /** Remove every sheet of the self-test from the real workbook. */
  async removeAll(): Promise<void> {
    const names = (await this.port.listSheets()).map((s) => s.name).filter(isScratch);
    if (names.length > 0) await this.port.deleteSheets(names);
  }
}
