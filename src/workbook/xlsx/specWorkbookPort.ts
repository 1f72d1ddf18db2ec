import { cellAddress, parseCellAddress } from '../../domain/cellAddress';
import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/extract/snapshot';
import type { SheetSpec, WorkbookSpec } from '../../domain/template/sheetSpec';
import { CellMarks } from '../markFills';
import type { CellMark, FileWorkbookPort, Progress } from '../port';
import { checkSheetName } from '../sheetRules';
import { readXlsxSnapshot } from './readXlsxSnapshot';
import { writeXlsx } from './writeXlsx';
import type { ZipCodec } from './zipWriter';

/**
 * A new workbook held as SheetSpecs and written straight to .xlsx (writeXlsx): no workbook model, so a
 * master view of thousands of report sheets costs the specs and nothing more. It creates workbooks only;
 * an existing file is updated in its package by PackageWorkbookPort, which keeps whatever else it holds.
 *
 * What it reads back is what the saved file holds: readSnapshot writes the requested sheets and reads them
 * with readXlsxSnapshot, the reader used for department files.
 */
export class SpecWorkbookPort implements FileWorkbookPort {
  private sheets: SheetSpec[] = [];
  private readonly marks = new CellMarks();
  private active: { sheet: string; cell?: string } | undefined;

  constructor(
    private readonly properties: WorkbookSpec['properties'],
    private readonly codec?: ZipCodec,
    private readonly file = 'workbook.xlsx',
  ) {}

  /** A new workbook: the spec's sheets, or none yet (the sheets come with writeSheets). */
  static async create(spec?: WorkbookSpec, codec?: ZipCodec): Promise<SpecWorkbookPort> {
    const port = new SpecWorkbookPort(spec?.properties ?? { title: '' }, codec);
    if (spec) await port.writeSheets(spec.sheets);
    return port;
  }

  /** Tab positions by lower-case name (Excel compares sheet names without case); rebuilt after a delete. */
  private positions = new Map<string, number>();

  private indexOf(name: string): number {
    return this.positions.get(name.toLowerCase()) ?? -1;
  }

  async listSheets(): Promise<
    readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[]
  > {
    return this.sheets.map((s) => ({ name: s.name, visibility: s.visibility ?? 'visible' }));
  }

  async readSnapshot(sheets?: readonly string[]): Promise<WorkbookSnapshot> {
    const wanted = sheets && new Set(sheets.map((s) => s.toLowerCase()));
    const chosen = this.sheets.filter((s) => !wanted || wanted.has(s.name.toLowerCase()));
    if (chosen.length === 0) return { file: this.file, sheets: [] };
    // Written visible (a workbook needs one visible sheet, and hidden ones may be all that is asked for),
    // then given their own visibility back.
    const bytes = await writeXlsx(
      { sheets: chosen.map((s) => ({ ...s, visibility: 'visible' as const })), properties: this.properties },
      { ...(this.codec && { codec: this.codec }) },
    );
    const read = await readXlsxSnapshot(bytes, this.file, { sheets: chosen.map((s) => s.name) });
    if (!read.ok) throw new Error(`a workbook Suishin wrote could not be read back: ${read.error.message}`);
    return {
      ...read.value,
      sheets: read.value.sheets.map((sheet, i) => ({
        ...sheet,
        visibility: chosen[i]?.visibility ?? 'visible',
      })),
    };
  }

  async writeSheets(specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> {
    for (const [i, spec] of specs.entries()) {
      checkSheetName(spec.name);
      const at = this.indexOf(spec.name);
      this.marks.forget(spec.name);
      if (at >= 0) {
        this.marks.forget(this.sheets[at]!.name);
        this.sheets[at] = spec;
      } else {
        this.positions.set(spec.name.toLowerCase(), this.sheets.length);
        this.sheets.push(spec);
      }
      onProgress?.({ done: i + 1, total: specs.length, label: `シート「${spec.name}」を書き込みました` });
    }
  }

  async deleteSheets(names: readonly string[]): Promise<void> {
    const gone = new Set(names.map((n) => n.toLowerCase()));
    this.sheets = this.sheets.filter((s) => !gone.has(s.name.toLowerCase()));
    this.positions = new Map(this.sheets.map((s, i) => [s.name.toLowerCase(), i]));
    for (const name of gone) this.marks.forget(name);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const at = this.indexOf(sheet);
    const address = parseCellAddress(cell);
    if (at < 0 || !address) return;
    this.active = { sheet: this.sheets[at]!.name, cell: cellAddress(address.row, address.column) };
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    for (const { sheet, cell, severity } of marks) {
      const at = this.indexOf(sheet);
      const address = parseCellAddress(cell);
      if (at < 0 || !address) continue;
      this.marks.add(this.sheets[at]!, address, severity);
    }
  }

  async clearMarks(): Promise<void> {
    this.marks.clear();
  }

  /** Drops the specs and marks held in memory. */
  async close(): Promise<void> {
    this.sheets = [];
    this.marks.clear();
    this.positions.clear();
  }

  async toBuffer(): Promise<Uint8Array> {
    const overlays = new Map(
      this.sheets
        .filter((s) => this.marks.has(s.name))
        .map((s) => [s.name.toLowerCase(), this.marks.fills(s.name)]),
    );
    return writeXlsx(
      { sheets: this.sheets, properties: this.properties },
      { ...(this.codec && { codec: this.codec }), overlays, ...(this.active && { active: this.active }) },
    );
  }
}
