import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/extract/snapshot';
import { err, ok, type Result } from '../../domain/result';
import { openError, refusalOf } from '../openError';
import type { OpenError } from '../port';
import {
  breachCode,
  describeBreach,
  READ_LIMITS,
  readPackage,
  type PackagePlan,
  type ReadLimits,
} from '../readLimits';
import { buildSheetSnapshot } from './buildSheetSnapshot';
import type { CellContext } from './cellValue';
import { parseSharedStrings } from './parseSharedStrings';
import { parseStyles } from './parseStyles';
import {
  parseRelationships,
  parseWorkbookXml,
  resolveSheets,
  type SheetPart,
  type WorkbookXml,
} from './parseWorkbook';
import { parseWorksheet, type RawWorksheet } from './parseWorksheet';
import { corrupt, preparePart } from './xmlScan';

export interface ReadXlsxSnapshotOptions {
  /** Only these sheets (names compared case-insensitively, as WorkbookPort.readSnapshot); all when omitted. */
  readonly sheets?: readonly string[];
  /** The read limits (READ_LIMITS, for department files, when omitted). */
  readonly limits?: ReadLimits;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

const decoder = new TextDecoder();

/** The parts of a package read (UTF-8 XML), by part name. */
type Parts = ReadonlyMap<string, Uint8Array>;

const parsed = <T>(parts: Parts, part: string, parse: (xml: string) => T): T | undefined => {
  const data = parts.get(part);
  return data === undefined ? undefined : parse(preparePart(decoder.decode(data), part));
};

/** The `r` of the cells under an external hyperlink, checked against the sheet's relationships as ExcelJS does. */
function hyperlinkCells(hyperlinks: RawWorksheet['hyperlinks'], sheet: SheetPart, parts: Parts): Set<string> {
  const cells = new Set<string>();
  if (hyperlinks.length === 0) return cells;
  const rels =
    (sheet.relsPart !== undefined && parsed(parts, sheet.relsPart, parseRelationships)) ||
    new Map<string, string | undefined>();
  for (const { ref, rId } of hyperlinks) {
    if (!rels.has(rId)) corrupt(`${sheet.part}: hyperlink ${rId} has no relationship`);
    if (rels.get(rId) && ref !== undefined) cells.add(ref);
  }
  return cells;
}

/** The sheets a package lists (name, visibility, part, tab order), from workbook.xml and its relationships. */
function listSheets(names: readonly string[], parts: Parts): { workbook: WorkbookXml; all: SheetPart[] } {
  const workbook = parsed(parts, WORKBOOK, parseWorkbookXml) ?? { sheets: [], date1904: false };
  const rels = parsed(parts, WORKBOOK_RELS, parseRelationships) ?? new Map<string, string | undefined>();
  const all = resolveSheets(workbook, rels, names);
  if (all.length === 0) corrupt('no worksheet');
  return { workbook, all };
}

/** The package read under `limits` (readPackage), or why it is refused. */
/**
 * The package's bytes read once under `limits` (readPackage: the limits checked, every part inflated once, the
 * parts `plan` asks for kept), with the refusals every opener gives: what sniffBytes says is not an .xlsx, a
 * breach of the limits, `file.corrupt` for a zip this cannot read. PackageWorkbookPort opens with it too.
 */
export function readPackageUnder(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits | undefined,
  plan: PackagePlan,
): Result<{ readonly names: readonly string[]; readonly parts: Parts }, OpenError> {
  const refused = refusalOf(bytes, file);
  if (refused) return err(refused);
  const read = readPackage(bytes, limits, plan);
  if (read.kind === 'breach')
    return err(openError(breachCode(read.breach), file, describeBreach(read.breach, limits)));
  return read.kind === 'read' ? ok(read) : err(openError('file.corrupt', file));
}

type SheetList = readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[];

/**
 * The sheets of an .xlsx (name and visibility, in tab order) without reading any of them: the zip's
 * directory is checked against `limits` (no part is inflated but workbook.xml and its relationships).
 */
export function readXlsxSheetList(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = READ_LIMITS,
): Result<SheetList, OpenError> {
  const read = readPackageUnder(bytes, file, limits, { first: [WORKBOOK, WORKBOOK_RELS], scan: false });
  return read.ok ? sheetListOf(read.value.names, read.value.parts, file) : read;
}

/**
 * The sheet list readXlsxSheetList answers, from a package already read by readPackage with workbook.xml
 * and its relationships among the parts kept (`names` and `parts` of its answer): nothing inflated again.
 */
export function sheetListOf(
  names: readonly string[],
  parts: Parts,
  file: string,
): Result<SheetList, OpenError> {
  try {
    return ok(listSheets(names, parts).all.map(({ name, visibility }) => ({ name, visibility })));
  } catch {
    return err(openError('file.corrupt', file));
  }
}

type Listing = ReturnType<typeof listSheets>;

/** The sheets `wanted` names (compared case-insensitively), in tab order; all when undefined. */
function chooseSheets(all: readonly SheetPart[], wanted: readonly string[] | undefined): SheetPart[] {
  const names = wanted && new Set(wanted.map((s) => s.toLowerCase()));
  return all.filter((s) => !names || names.has(s.name.toLowerCase()));
}

/** The parts a snapshot of `chosen` reads: the shared strings, the styles, the sheets and their relationships. */
const partsRead = (chosen: readonly SheetPart[]): string[] => [
  SHARED_STRINGS,
  STYLES,
  ...chosen.flatMap((s) => (s.relsPart === undefined ? [s.part] : [s.part, s.relsPart])),
];

/** The sheets, read; throws (CorruptPart) on what ExcelJS would fail to load. */
function readSheets(
  { workbook, all }: Listing,
  parts: Parts,
  wanted: readonly string[] | undefined,
): SheetSnapshot[] {
  const context = {
    sharedStrings: parsed(parts, SHARED_STRINGS, parseSharedStrings),
    styles: parsed(parts, STYLES, parseStyles),
    date1904: workbook.date1904,
  };
  return chooseSheets(all, wanted).map((sheet) => {
    const raw = parsed(parts, sheet.part, parseWorksheet) ?? corrupt(`${sheet.part} is missing`);
    const sheetContext: CellContext = {
      ...context,
      hyperlinks: hyperlinkCells(raw.hyperlinks, sheet, parts),
    };
    return buildSheetSnapshot(sheet.name, sheet.visibility, raw, sheetContext);
  });
}

/**
 * A workbook's snapshot straight from its .xlsx bytes, without loading it into ExcelJS: for consolidation,
 * which only reads. The same snapshot as `(await excelJsFactory.open(bytes, file)).readSnapshot(sheets)`,
 * ExcelJS's quirks included (which number formats are dates, a formula's cached 0 read as empty…), and the
 * same refusals, code and message: sniffBytes and checkPackage's limits first, then `file.corrupt` for what
 * ExcelJS would fail to load. One pass over the zip (readPackage): workbook.xml and its relationships are
 * read first to choose the sheets, then every part is inflated once, checked, and kept only if it is read. They differ only on malformed files: rows, or a row's first cell, without `r` (ExcelJS
 * refuses the file, this reads them in order); phonetic runs in an inline string (ExcelJS loses the cell);
 * damage in parts a snapshot does not read (drawings, comments, other sheets when `sheets` is given), which
 * only ExcelJS notices.
 */
export async function readXlsxSnapshot(
  bytes: Uint8Array,
  file: string,
  options: ReadXlsxSnapshotOptions = {},
): Promise<Result<WorkbookSnapshot, OpenError>> {
  // The sheet list, from workbook.xml and its relationships read first, chooses the other parts kept. A
  // package without one keeps none and is corrupt, once the limits have passed.
  let listing: Listing | undefined;
  const read = readPackageUnder(bytes, file, options.limits, {
    first: [WORKBOOK, WORKBOOK_RELS],
    want: (names, first) => {
      try {
        listing = listSheets(names, first);
      } catch {
        return [];
      }
      return partsRead(chooseSheets(listing.all, options.sheets));
    },
  });
  if (!read.ok) return read;
  if (!listing) return err(openError('file.corrupt', file));
  try {
    return ok({ file, sheets: readSheets(listing, read.value.parts, options.sheets) });
  } catch {
    // As excelJsFactory.open: bad bytes never throw, whatever part of the reader gives up on them.
    return err(openError('file.corrupt', file));
  }
}
