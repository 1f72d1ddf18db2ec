import { cellAddress, parseCellAddress } from '../../domain/cellAddress';
import { cellText, type SheetSnapshot, type WorkbookSnapshot } from '../../domain/extract/snapshot';
import { err, ok, type Result } from '../../domain/result';
import type { CellRange, SheetSpec } from '../../domain/template/sheetSpec';
import { CellMarks, MARK_FILLS } from '../markFills';
import { openError } from '../openError';
import type { CellMark, FileWorkbookPort, OpenError, Progress } from '../port';
import { READ_LIMITS, type ReadLimits } from '../readLimits';
import { checkSheetName } from '../sheetRules';
import { parseRelationships } from './parseWorkbook';
import { keptSheetMerges, keptSheetSelected, rewriteKeptSheet } from './keptSheetXml';
import { readPackageUnder, readXlsxSnapshot, sheetListOf } from './readXlsxSnapshot';
import { contentTypes, printDefinedNames, rewriteWorkbookXml, sheetTagStarts } from './packageWorkbookXml';
import { readColumns } from './parseWorksheet';
import { sheetXml } from './sheetXml';
import { cellXfsOf, SharedStrings, Styles, styleBaseOf } from './xlsxTables';
import { NS_PKG_REL, NS_R, xmlText } from './xmlParts';
import { allTags, excelJsXmlDecode, findTag } from './xmlScan';
import { writeXlsx } from './writeXlsx';
import { workbookKind } from './workbookType';
import { ZipWriter, type ZipCodec } from './zipWriter';
import { joinChunks, partName, readDirectory, readEntry, type ZipEntry } from '../zipPackage';

/**
 * An existing workbook updated by the own spec writer (issue 14: one writer, and rewriting a master keeps
 * what 総務課 added). The package stays as it was, part for part: the sheets Suishin does not write (総務課's
 * own sheets, their relationships, drawings, the theme, shared strings) are copied byte for byte. Only what
 * Suishin writes changes: a sheet it writes replaces the old sheet's part in the same tab position (its
 * column widths 総務課 changed are carried over), new sheets are added after, and Suishin's styles are
 * appended to the old styles.xml, so every style index the kept sheets use stays valid. workbook.xml keeps
 * everything but its sheet list, its print names and the tab the file opens on; calcChain.xml, which names
 * cells of sheets that are gone, is dropped (Excel rebuilds it).
 *
 * Marks and the active cell work on every sheet: a sheet Suishin writes is written with them; a kept sheet
 * with marks or the active cell has its XML changed only there (keptSheetXml: a marked cell's format is a
 * copy of its own with the mark's fill, appended to styles.xml), and goes out byte for byte again once the
 * marks are cleared. A macro-enabled workbook or a template stays one: vbaProject.bin, its relationship and
 * the content types are parts like any other, kept as they are.
 */

/** Texts (non-empty) to their place, -1 for a text found more than once. */
function uniqueTexts(keys: readonly (readonly [string, number])[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const [k, at] of keys) if (k !== '') seen.set(k, seen.has(k) ? -1 : at);
  return seen;
}

/** Rows a header row is looked for in, from the top. */
const HEADER_SEARCH_ROWS = 10;

/**
 * A table's column headers: the first of the top rows (texts by column) with text in two columns or more,
 * each header's column when it is one of a kind.
 */
function headerColumns(top: readonly (readonly string[] | undefined)[]): Map<string, number> | undefined {
  const row = top.slice(0, HEADER_SEARCH_ROWS).find((r) => (r ?? []).filter((t) => t !== '').length >= 2);
  return row && uniqueTexts(row.map((t, c) => [t, c] as const));
}

interface KeptSheet {
  readonly kind: 'kept';
  readonly name: string;
  readonly visibility: SheetSnapshot['visibility'];
  /** The `<sheet …/>` element as the old workbook.xml wrote it (kept as it is). */
  readonly tag: string;
  readonly rId: string;
  readonly sheetId: number;
  /** Its position in the old workbook.xml (what its defined names' localSheetId count). */
  readonly oldIndex: number;
  /** The worksheet part; undefined for a sheet that is not a worksheet (a chart sheet). */
  readonly part: string | undefined;
}

interface WrittenSpec {
  readonly kind: 'spec';
  readonly spec: SheetSpec;
  /** The sheet it replaced: its sheetId and defined names' position are taken over. */
  readonly replaced?: KeptSheet;
  /** Fills 総務課 laid on the replaced sheet, carried to this one: A1 address → `#RRGGBB`. */
  readonly carried?: ReadonlyMap<string, string>;
  /** The replaced sheet's code name (`<sheetPr codeName>`): its module in a macro-enabled workbook's VBA project. */
  readonly codeName?: string;
}

type Entry = KeptSheet | WrittenSpec;

const decoder = new TextDecoder();
/** The parts open() reads to understand the package. */
const AT_OPEN = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  '[Content_Types].xml',
]);
const entryName = (e: Entry): string => (e.kind === 'kept' ? e.name : e.spec.name);
const CT = 'application/vnd.openxmlformats-officedocument';
/** A cell format for an index the styles part does not hold (the default one). */
const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

/** A relationship's target as a part name (no leading `/`), relative to the part `from` lives in. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationship types whose target belongs to one sheet alone: dropped with the sheet. */
const SHEET_OWNED = /\/(table|comments|vmlDrawing|drawing|printerSettings|threadedComment)$/;

export class PackageWorkbookPort implements FileWorkbookPort {
  private entries: Entry[];
  /** Parts no longer written (sheets replaced or deleted, with what only they used). */
  private readonly dropped = new Set<string>();
  private readonly marks = new CellMarks();
  /** The merged areas of kept sheets marked so far, by part. */
  private readonly keptMerges = new Map<string, CellRange[]>();
  private active: { sheet: string; cell?: string } | undefined;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    /** The parts inflated so far, by part name. */
    private readonly parts: Map<string, Uint8Array>,
    /** Every part of the package, by part name. */
    private readonly names: ReadonlySet<string>,
    /** Every part by part name, in zip order. */
    private readonly order: readonly string[],
    entries: Entry[],
    private readonly limits: ReadLimits | undefined,
    private readonly codec: ZipCodec | undefined,
  ) {
    this.entries = entries;
  }

  /**
   * The package read under `limits` (sizes, zip bomb, DTD refused: checkPackage). A workbook, a macro-enabled
   * workbook (.xlsm) and a template (.xltx, .xltm) are all updated in place. Undefined for what this port
   * cannot rewrite, and the caller then opens it with ExcelJS: a package without a styles part (there is no
   * styles.xml to append Suishin's styles to), one whose workbook.xml, styles.xml or sheet list is written
   * with a namespace prefix (`<x:workbook>`: the text edits here look for unprefixed elements), a workbook
   * part of another content type (an add-in, .xlam) or without one, and a sheet whose relationship is
   * missing.
   */
  static async open(
    bytes: Uint8Array,
    file: string,
    options: { readonly limits?: ReadLimits; readonly codec?: ZipCodec } = {},
  ): Promise<Result<PackageWorkbookPort | undefined, OpenError>> {
    // Every part checked against the limits in one pass (sizes, zip bomb, DTD refused), only the parts
    // needed to understand the package kept; the others are inflated when they are read or kept (a master's
    // report sheets, replaced by every run, are never inflated again).
    const read = readPackageUnder(bytes, file, options.limits, { first: [...AT_OPEN] });
    if (!read.ok) return read;
    // The sheet list as the reader (and ExcelJS) would take it: a package without one is refused alike.
    const list = sheetListOf(read.value.names, read.value.parts, file);
    if (!list.ok) return list;
    if (list.value.length === 0) return err(openError('file.corrupt', file));
    const order = read.value.names;
    const parts = new Map(read.value.parts);
    const names = new Set(order);
    const text = (name: string) => {
      const data = parts.get(name);
      return data && decoder.decode(data);
    };
    const workbook = text('xl/workbook.xml');
    const rels = text('xl/_rels/workbook.xml.rels');
    if (
      !workbook ||
      !rels ||
      !parts.has('xl/styles.xml') ||
      !parts.has('[Content_Types].xml') ||
      !/<workbook[\s>]/.test(workbook) ||
      !/<sheets[\s>]/.test(workbook) ||
      !/<styleSheet[\s>]/.test(text('xl/styles.xml')!) ||
      // A workbook, a macro-enabled one or a template (their parts are kept as they are: vbaProject.bin stays).
      workbookKind(text('[Content_Types].xml')!) === undefined
    )
      return ok(undefined);
    const targets = parseRelationships(rels);
    const sheetsStart = findTag(workbook, 'sheets');
    if (!sheetsStart) return ok(undefined);
    const entries: Entry[] = [];
    const end = workbook.indexOf('</sheets>', sheetsStart.tag.end);
    for (const [oldIndex, lt] of sheetTagStarts(workbook, sheetsStart.tag.end, end).entries()) {
      const { tag } = findTag(workbook, 'sheet', lt)!;
      const rId = tag.attributes['r:id'];
      const target = rId === undefined ? undefined : targets.get(rId);
      if (rId === undefined || target === undefined) return ok(undefined);
      const part = resolveTarget('xl/workbook.xml', target);
      const state = tag.attributes.state;
      entries.push({
        kind: 'kept',
        name: excelJsXmlDecode(tag.attributes.name ?? ''),
        visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        tag: workbook.slice(lt, tag.end + 1),
        rId,
        sheetId: Number(tag.attributes.sheetId),
        oldIndex,
        part: /^xl\/worksheets\/[^/]+\.xml$/.test(part) && names.has(part) ? part : undefined,
      });
    }
    return ok(
      new PackageWorkbookPort(bytes, file, parts, names, order, entries, options.limits, options.codec),
    );
  }

  private indexOf(name: string): number {
    const key = name.toLowerCase();
    return this.entries.findIndex((e) => entryName(e).toLowerCase() === key);
  }

  /** The package's directory by part name (the last entry of a name, as the reader keeps), read on first use. */
  private directory: Map<string, ZipEntry> | undefined;

  /**
   * Inflate the parts named that are not inflated yet. open() has checked every part against the limits, so
   * each is held to its declared size only; a part that cannot be read makes the save fail.
   */
  private inflate(wanted: readonly string[]): void {
    const missing = wanted.filter((p) => this.names.has(p) && !this.parts.has(p));
    if (missing.length === 0) return;
    if (!this.directory) {
      const read = readDirectory(this.bytes, (this.limits ?? READ_LIMITS).maxZipEntries);
      if (!Array.isArray(read)) throw new Error(`${this.file}: the package can no longer be read`);
      this.directory = new Map(read.map((e) => [partName(e.name), e]));
    }
    for (const part of missing) {
      const entry = this.directory.get(part);
      const chunks: Uint8Array[] = [];
      const end = entry && readEntry(this.bytes, entry, (chunk) => (chunks.push(chunk), true));
      if (end !== 'done') throw new Error(`${this.file}: the part ${part} cannot be read`);
      this.parts.set(part, joinChunks(chunks));
    }
  }

  private text(part: string): string | undefined {
    if (this.dropped.has(part)) return undefined;
    this.inflate([part]);
    const data = this.parts.get(part);
    return data && decoder.decode(data);
  }

  async listSheets(): Promise<
    readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[]
  > {
    return this.entries
      .filter((e) => e.kind === 'spec' || e.part !== undefined)
      .map((e) =>
        e.kind === 'kept'
          ? { name: e.name, visibility: e.visibility }
          : { name: e.spec.name, visibility: e.spec.visibility ?? 'visible' },
      );
  }

  /**
   * The last kept sheet read alone, as parsed from the opened file (its bytes never change): a consolidation
   * reads the old 全体計画 for its 備考, then again for its widths and fills as it writes it anew. One sheet
   * only, dropped once that sheet is written, so a whole workbook read is never held.
   */
  private lastKept: SheetSnapshot | undefined;

  /** Kept sheets as parsed from the opened file. */
  private async keptValues(names: readonly string[]): Promise<readonly SheetSnapshot[]> {
    const [only] = names;
    if (names.length === 1 && this.lastKept?.name.toLowerCase() === only?.toLowerCase())
      return [this.lastKept!];
    const old = await readXlsxSnapshot(this.bytes, this.file, {
      sheets: names,
      ...(this.limits && { limits: this.limits }),
    });
    if (!old.ok) throw new Error(old.error.message);
    if (names.length === 1) this.lastKept = old.value.sheets[0];
    return old.value.sheets;
  }

  /** Kept sheets read from the old bytes, written ones as they will be saved (see SpecWorkbookPort). */
  async readSnapshot(sheets?: readonly string[]): Promise<WorkbookSnapshot> {
    const wanted = sheets && new Set(sheets.map((s) => s.toLowerCase()));
    const chosen = this.entries.filter(
      (e) =>
        (e.kind === 'spec' || e.part !== undefined) && (!wanted || wanted.has(entryName(e).toLowerCase())),
    );
    const kept = chosen.filter((e): e is KeptSheet => e.kind === 'kept').map((e) => e.name);
    const specs = chosen.filter((e): e is WrittenSpec => e.kind === 'spec').map((e) => e.spec);
    const read: SheetSnapshot[] = [];
    if (kept.length > 0) read.push(...(await this.keptValues(kept)));
    if (specs.length > 0) {
      const bytes = await writeXlsx(
        { sheets: specs.map((s) => ({ ...s, visibility: 'visible' as const })), properties: { title: '' } },
        { ...(this.codec && { codec: this.codec }) },
      );
      const written = await readXlsxSnapshot(bytes, this.file, { sheets: specs.map((s) => s.name) });
      if (!written.ok)
        throw new Error(`a workbook Suishin wrote could not be read back: ${written.error.message}`);
      read.push(
        ...written.value.sheets.map((sheet, i) => ({
          ...sheet,
          visibility: specs[i]?.visibility ?? 'visible',
        })),
      );
    }
    const byName = new Map(read.map((s) => [s.name.toLowerCase(), s]));
    return {
      file: this.file,
      sheets: chosen.flatMap((e) => byName.get(entryName(e).toLowerCase()) ?? []),
    };
  }

  /** A kept sheet's part and what only it used are not written any more. */
  private drop(sheet: KeptSheet): void {
    if (!sheet.part) return;
    this.dropped.add(sheet.part);
    const rels = relsOf(sheet.part);
    const relsXml = this.text(rels);
    if (relsXml === undefined) return;
    this.dropped.add(rels);
    for (const r of allTags(relsXml, 'Relationship')) {
      const { Type: type, Target: target, TargetMode: mode } = r.attributes;
      if (mode === 'External' || !type || !target || !SHEET_OWNED.test(type)) continue;
      const owned = resolveTarget(sheet.part, target);
      this.dropped.add(owned);
      this.dropped.add(relsOf(owned));
    }
  }

  /** Column widths 総務課 set on the old sheet (customWidth), by 0-based column. */
  private oldWidths(sheet: KeptSheet): Map<number, number> {
    const widths = new Map<number, number>();
    const xml = sheet.part && this.text(sheet.part);
    if (!xml) return widths;
    for (const col of readColumns(xml, '', findTag(xml, 'sheetData')?.lt ?? xml.length)) {
      if (!col.customWidth || col.width === undefined || !(col.width > 0)) continue;
      for (let c = col.left; c <= col.right; c++) widths.set(c, col.width);
    }
    return widths;
  }

  /**
   * 総務課's column widths for the sheet written again, by the new sheet's column: a width goes with its
   * column's header (in each sheet the first of its first ten rows with text in two columns or more), so a 様式 with
   * a field added or moved does not leave 評価 as narrow as 番号 was; a column whose header is new, or is not
   * one of a kind, gets the spec's width. A sheet without such a row keeps its widths by position.
   */
  private async carriedWidths(
    sheet: KeptSheet,
    spec: SheetSpec,
    oldValues: () => Promise<SheetSnapshot | undefined>,
  ): Promise<Map<number, number>> {
    const widths = this.oldWidths(sheet);
    const specTop: string[][] = [];
    for (const c of spec.cells)
      if (c.row < HEADER_SEARCH_ROWS) (specTop[c.row] ??= [])[c.column] = cellText(c.value ?? null).trim();
    const newColumns = headerColumns(Array.from(specTop, (r) => Array.from(r ?? [], (t) => t ?? '')));
    if (widths.size === 0 || !newColumns) return widths;
    // The old sheet's header row may sit elsewhere (the template's 全体計画 has one title row, the view two).
    const old = (await oldValues())?.values ?? [];
    const oldColumns = headerColumns(
      old.slice(0, HEADER_SEARCH_ROWS).map((r) => r.map((v) => cellText(v).trim())),
    );
    if (!oldColumns) return widths;
    const carried = new Map<number, number>();
    for (const [header, column] of newColumns) {
      const from = oldColumns.get(header);
      const width = from !== undefined && from >= 0 && column >= 0 ? widths.get(from) : undefined;
      if (width !== undefined) carried.set(column, width);
    }
    return carried;
  }

  /** The solid fill colour (`#RRGGBB`) of each cell format of the old styles.xml, where it has one. */
  private xfFills: (string | undefined)[] | undefined;

  private oldXfFills(): (string | undefined)[] {
    if (this.xfFills) return this.xfFills;
    const xml = this.text('xl/styles.xml') ?? '';
    const section = (tag: string) => {
      const open = findTag(xml, tag);
      if (!open || open.tag.selfClosing) return '';
      return xml.slice(open.tag.end + 1, xml.indexOf(`</${tag}>`, open.tag.end));
    };
    // Only fills given as RGB are carried (a theme colour would need the theme's palette).
    const fills = section('fills')
      .split(/<\/fill>|<fill\s*\/>/)
      .map((fill) => {
        if (!/patternType="solid"/.test(fill)) return undefined;
        const rgb = /<fgColor\b[^>]*\srgb="([0-9A-Fa-f]{8}|[0-9A-Fa-f]{6})"/.exec(fill)?.[1];
        return rgb && `#${rgb.slice(-6).toUpperCase()}`;
      });
    this.xfFills = allTags(section('cellXfs'), 'xf').map((xf) => fills[Number(xf.attributes.fillId ?? 0)]);
    return this.xfFills;
  }

  /**
   * Fills 総務課 laid on a sheet Suishin writes again (a row highlighted in 全体計画), carried to the new
   * sheet: rows are matched by the text of their column A (an entry's code) where that text is unique in
   * both; a fill is carried when it is a solid RGB colour Suishin's own styles for the sheet never use (so
   * a fill Suishin gave the cell last time, for a state that has changed since, is not taken for 総務課's).
   */
  private async carriedFills(
    sheet: KeptSheet,
    spec: SheetSpec,
    oldValues: () => Promise<SheetSnapshot | undefined>,
  ): Promise<Map<string, string>> {
    const carried = new Map<string, string>();
    const xml = sheet.part && this.text(sheet.part);
    if (!xml) return carried;
    const xfFills = this.oldXfFills();
    const own = new Set(
      [...Object.values(spec.styles).map((s) => s.fill), ...Object.values(MARK_FILLS)]
        .filter((f): f is string => f !== undefined)
        .map((f) => f.toUpperCase()),
    );
    const filled = allTags(xml, 'c').filter((c) => {
      const fill = xfFills[Number(c.attributes.s ?? 0)];
      return fill !== undefined && !own.has(fill);
    });
    if (filled.length === 0) return carried;
    const oldSheet = await oldValues();
    if (!oldSheet) return carried;
    const oldRows = uniqueTexts(oldSheet.values.map((row, r) => [cellText(row[0]).trim(), r] as const));
    const newRows = uniqueTexts(
      spec.cells.filter((c) => c.column === 0).map((c) => [cellText(c.value ?? null).trim(), c.row] as const),
    );
    const moved = new Map<number, number>();
    for (const [key, r] of oldRows) {
      const to = newRows.get(key);
      if (r >= 0 && to !== undefined && to >= 0) moved.set(r, to);
    }
    for (const c of filled) {
      const at = parseCellAddress(c.attributes.r ?? '');
      const to = at && moved.get(at.row);
      if (!at || to === undefined) continue;
      carried.set(cellAddress(to, at.column), xfFills[Number(c.attributes.s ?? 0)]!);
    }
    return carried;
  }

  async writeSheets(specs: readonly SheetSpec[], onProgress?: Progress): Promise<void> {
    for (const [i, spec] of specs.entries()) {
      checkSheetName(spec.name);
      const at = this.indexOf(spec.name);
      this.marks.forget(spec.name);
      const before = at >= 0 ? this.entries[at]! : undefined;
      if (before?.kind === 'kept') {
        // 総務課's column widths and fills on this sheet survive its being written again.
        const oldValues = () =>
          this.keptValues([before.name]).then(
            ([sheet]) => sheet,
            () => undefined,
          );
        const widths = await this.carriedWidths(before, spec, oldValues);
        const columnWidths = [...spec.columnWidths];
        for (const [c, w] of widths) if (c < Math.max(columnWidths.length, 64)) columnWidths[c] = w;
        const carried = await this.carriedFills(before, spec, oldValues);
        this.lastKept = undefined;
        const codeName =
          before.part && findTag(this.text(before.part) ?? '', 'sheetPr')?.tag.attributes.codeName;
        this.drop(before);
        this.entries[at] = {
          kind: 'spec',
          spec:
            widths.size > 0 ? { ...spec, columnWidths: Array.from(columnWidths, (w) => w ?? 8.43) } : spec,
          replaced: before,
          ...(carried.size > 0 && { carried }),
          ...(codeName && { codeName }),
        };
      } else if (before) {
        this.marks.forget(entryName(before));
        this.entries[at] = {
          kind: 'spec',
          spec,
          ...(before.replaced && { replaced: before.replaced }),
          ...(before.carried && { carried: before.carried }),
          ...(before.codeName && { codeName: before.codeName }),
        };
      } else this.entries.push({ kind: 'spec', spec });
      onProgress?.({ done: i + 1, total: specs.length, label: `シート「${spec.name}」を書き込みました` });
    }
  }

  async deleteSheets(names: readonly string[]): Promise<void> {
    const gone = new Set(names.map((n) => n.toLowerCase()));
    for (const e of this.entries) {
      if (!gone.has(entryName(e).toLowerCase())) continue;
      if (e.kind === 'kept') this.drop(e);
      else if (e.replaced) this.drop(e.replaced);
    }
    this.entries = this.entries.filter((e) => !gone.has(entryName(e).toLowerCase()));
    for (const name of gone) this.marks.forget(name);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const at = this.indexOf(sheet);
    const address = parseCellAddress(cell);
    if (at < 0 || !address) return;
    this.active = { sheet: entryName(this.entries[at]!), cell: cellAddress(address.row, address.column) };
  }

  async markCells(marks: readonly CellMark[]): Promise<void> {
    for (const { sheet, cell, severity } of marks) {
      const at = this.indexOf(sheet);
      const address = parseCellAddress(cell);
      if (at < 0 || !address) continue;
      const entry = this.entries[at]!;
      if (entry.kind === 'spec') this.marks.add(entry.spec, address, severity);
      // A chart sheet has no cells to mark.
      else if (entry.part)
        this.marks.add({ name: entry.name, merges: this.mergesOf(entry.part) }, address, severity);
    }
  }

  private mergesOf(part: string): CellRange[] {
    let merges = this.keptMerges.get(part);
    if (!merges) this.keptMerges.set(part, (merges = keptSheetMerges(this.text(part) ?? '')));
    return merges;
  }

  /**
   * A kept sheet's XML when it changes: its marks, the active cell, or whether the file opens on it (only the
   * sheet it opens on now, the one it opened on before and, when that moved, sheets saved grouped with it can
   * differ there). Undefined: kept byte for byte.
   */
  private keptSheetOut(
    sheet: KeptSheet,
    view: { readonly selected: boolean; readonly wasSelected: boolean; readonly activeCell?: string },
    markedXf: (oldXf: number, fill: string) => number,
  ): string | undefined {
    const fills = this.marks.fills(sheet.name);
    const { selected, activeCell } = view;
    if (!sheet.part) return undefined;
    if (fills.size === 0 && activeCell === undefined && selected === view.wasSelected) return undefined;
    const xml = this.text(sheet.part)!;
    const out = rewriteKeptSheet(xml, { fills, markedXf, selected, ...(activeCell && { activeCell }) });
    return out === xml ? undefined : out;
  }

  async clearMarks(): Promise<void> {
    this.marks.clear();
  }

  async close(): Promise<void> {
    this.entries = [];
    this.parts.clear();
    this.marks.clear();
    this.keptMerges.clear();
    this.lastKept = undefined;
  }

  async toBuffer(): Promise<Uint8Array> {
    const stylesXml = this.text('xl/styles.xml')!;
    const styles = new Styles(styleBaseOf(stylesXml));
    const sstXml = this.text('xl/sharedStrings.xml');
    const strings = new SharedStrings(sstXml ? (sstXml.match(/<si[\s>/]/g) ?? []).length : 0);
    const names = new Set(this.names);
    const fresh = (make: (n: number) => string): string => {
      for (let n = 1; ; n++) if (!names.has(make(n))) return (names.add(make(n)), make(n));
    };
    const rels = this.text('xl/_rels/workbook.xml.rels')!;
    const relTags = allTags(rels, 'Relationship');
    let nextRel = Math.max(
      0,
      ...relTags.map((r) => Number(/^rId(\d+)$/.exec(r.attributes.Id ?? '')?.[1] ?? 0)),
    );
    let nextSheetId = Math.max(
      0,
      ...this.entries.map((e) => (e.kind === 'kept' ? e.sheetId : (e.replaced?.sheetId ?? 0))),
    );
    let nextTable = this.maxTableId();

    const visible = (e: Entry) =>
      e.kind === 'kept'
        ? e.part !== undefined && e.visibility === 'visible'
        : (e.spec.visibility ?? 'visible') === 'visible';
    const oldActive = this.oldActiveName();
    const activeName = this.active?.sheet ?? oldActive;
    let active = this.entries.findIndex((e) => entryName(e) === activeName && visible(e));
    if (active < 0) active = this.entries.findIndex(visible);
    if (active < 0) throw new Error('a workbook needs at least one visible sheet');
    // The cell chosen, on the sheet it was chosen on (not on the one the file falls back to).
    const activeCell = entryName(this.entries[active]!) === this.active?.sheet ? this.active.cell : undefined;
    // Opening on another sheet, every other sheet saved selected is deselected: sheets the department had
    // grouped would open grouped with this one, and typing in the chosen cell would write into all of them.
    const moved = entryName(this.entries[active]!) !== oldActive;

    const zip = new ZipWriter(this.codec);
    const added: { part: string; type: string }[] = [];
    const sheetTags: string[] = [];
    const newRels: string[] = [];
    const printNames: string[] = [];
    const keptOut = new Map<string, string>();
    const oldXfs = cellXfsOf(stylesXml);
    const markedXf = (oldXf: number, fill: string) => styles.xfWithFill(oldXfs[oldXf] ?? DEFAULT_XF, fill);
    for (const [index, entry] of this.entries.entries()) {
      if (entry.kind === 'kept') {
        sheetTags.push(entry.tag);
        const xml = this.keptSheetOut(
          entry,
          {
            selected: index === active,
            wasSelected:
              entry.name === oldActive ||
              (moved && entry.part !== undefined && keptSheetSelected(this.text(entry.part) ?? '')),
            ...(index === active && activeCell !== undefined && { activeCell }),
          },
          markedXf,
        );
        if (xml !== undefined) keptOut.set(entry.part!, xml);
        continue;
      }
      // 総務課's fills carried over, with the marks of findings laid over them.
      const overlay = this.marks.fills(entry.spec.name, entry.carried);
      const { xml, tables, written } = sheetXml(entry.spec, {
        styles,
        strings,
        selected: index === active,
        ...(index === active && activeCell !== undefined && { activeCell }),
        ...(overlay.size > 0 && { overlay }),
        ...(entry.codeName && { codeName: entry.codeName }),
        nextTableId: () => ++nextTable,
      });
      const part = fresh((n) => `xl/worksheets/sheet${n}.xml`);
      await zip.add(part, xml);
      added.push({ part, type: `${CT}.spreadsheetml.worksheet+xml` });
      if (tables.length > 0) {
        const tableParts: string[] = [];
        for (const t of tables) {
          const tablePart = fresh((n) => `xl/tables/table${n}.xml`);
          await zip.add(tablePart, t.xml);
          added.push({ part: tablePart, type: `${CT}.spreadsheetml.table+xml` });
          tableParts.push(tablePart);
        }
        await zip.add(
          relsOf(part),
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${tableParts
            .map(
              (t, i) =>
                `<Relationship Id="rId${i + 1}" Type="${NS_R}/table" Target="../tables/${t.slice('xl/tables/'.length)}"/>`,
            )
            .join('')}</Relationships>`,
        );
      }
      const rId = `rId${++nextRel}`;
      newRels.push(
        `<Relationship Id="${rId}" Type="${NS_R}/worksheet" Target="${part.slice('xl/'.length)}"/>`,
      );
      const sheetId = entry.replaced?.sheetId ?? ++nextSheetId;
      sheetTags.push(
        `<sheet xmlns:r="${NS_R}" name="${xmlText(written.name)}" sheetId="${sheetId}"${written.state !== 'visible' ? ` state="${written.state}"` : ''} r:id="${rId}"/>`,
      );
      printNames.push(...printDefinedNames(written, index));
    }

    // Text that needs shared strings (see SharedStrings), in a package that had none: a table of its own.
    if (sstXml === undefined && strings.size > 0) {
      await zip.add('xl/sharedStrings.xml', strings.xml());
      added.push({ part: 'xl/sharedStrings.xml', type: `${CT}.spreadsheetml.sharedStrings+xml` });
      newRels.push(
        `<Relationship Id="rId${++nextRel}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>`,
      );
    }
    this.dropped.add('xl/calcChain.xml');
    const droppedRel = (r: { attributes: Readonly<Record<string, string>> }) => {
      const target = r.attributes.Target;
      if (r.attributes.TargetMode === 'External' || target === undefined) return false;
      const part = resolveTarget('xl/workbook.xml', target);
      if (this.dropped.has(part)) return true;
      // A worksheet no kept sheet names any more (replaced or deleted).
      return (
        r.attributes.Type === `${NS_R}/worksheet` &&
        !this.entries.some((e) => e.kind === 'kept' && e.rId === r.attributes.Id)
      );
    };
    for (const r of relTags)
      if (droppedRel(r)) this.dropped.add(resolveTarget('xl/workbook.xml', r.attributes.Target!));
    const relsOut = rels.replace(/<Relationship\b[^>]*?\/>/g, (tag) => {
      const parsed = allTags(tag, 'Relationship')[0];
      return parsed && droppedRel(parsed) ? '' : tag;
    });
    const withNewRels = relsOut.replace('</Relationships>', `${newRels.join('')}</Relationships>`);

    const workbookXml = rewriteWorkbookXml(this.text('xl/workbook.xml')!, {
      sheetTags,
      entries: this.entries,
      printNames,
      active,
    });

    // Every part of the old package in its order, but the ones rewritten here or no longer used.
    const rewritten = new Map<string, string>([
      ...keptOut,
      ['xl/workbook.xml', workbookXml],
      ['xl/_rels/workbook.xml.rels', withNewRels],
      ['xl/styles.xml', styles.appendTo(stylesXml)],
      ['[Content_Types].xml', contentTypes(this.text('[Content_Types].xml')!, this.dropped, added)],
    ]);
    if (sstXml !== undefined) rewritten.set('xl/sharedStrings.xml', strings.appendTo(sstXml));
    const app = this.text('docProps/app.xml');
    // Its list of sheet titles would be stale: dropped (Excel writes it again on save).
    if (app !== undefined)
      rewritten.set(
        'docProps/app.xml',
        app
          .replace(/<HeadingPairs>[\s\S]*?<\/HeadingPairs>/, '')
          .replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, ''),
      );
    this.inflate(this.order.filter((part) => !this.dropped.has(part) && !rewritten.has(part)));
    for (const part of this.order) {
      if (this.dropped.has(part)) continue;
      await zip.add(part, rewritten.get(part) ?? this.parts.get(part)!);
    }
    return zip.finish();
  }

  /** The highest table id of the tables kept (table ids are unique in a workbook). */
  private maxTableId(): number {
    let max = 0;
    for (const part of this.names) {
      if (!/^xl\/tables\/[^/]+\.xml$/.test(part) || this.dropped.has(part)) continue;
      const table = findTag(this.text(part) ?? '', 'table');
      max = Math.max(max, Number(table?.tag.attributes.id ?? 0) || 0);
    }
    return max;
  }

  /** The sheet the old file opened on (workbookView activeTab). */
  private oldActiveName(): string | undefined {
    const view = findTag(this.text('xl/workbook.xml') ?? '', 'workbookView');
    const tab = Number(view?.tag.attributes.activeTab ?? 0);
    const old = this.entries.find((e) => (e.kind === 'kept' ? e.oldIndex : e.replaced?.oldIndex) === tab);
    return old && entryName(old);
  }
}
