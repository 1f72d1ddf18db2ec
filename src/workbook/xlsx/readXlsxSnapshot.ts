import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/extract/snapshot';
import { err, ok, type Result } from '../../domain/result';
import { openError } from '../openError';
import { sniffBytes, type ByteKind } from '../sniffBytes';
import type { OpenError } from '../port';
import {
  breachCode,
  checkPackage,
  checkReadLimits,
  describeBreach,
  READ_LIMITS,
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
import { unzipText } from './unzipText';
import { corrupt, preparePart } from './xmlScan';

export interface ReadXlsxSnapshotOptions {
  /** Only these sheets (names compared case-insensitively, as WorkbookPort.readSnapshot); all when omitted. */
  readonly sheets?: readonly string[];
  /** The read limits (READ_LIMITS, for department files, when omitted). */
  readonly limits?: ReadLimits;
}

/** What excelJsFactory.open answers for bytes that are not an .xlsx package (sniffBytes). */
const REFUSED: Readonly<Record<Exclude<ByteKind, 'xlsx'>, OpenError['code']>> = {
  empty: 'file.empty',
  encrypted: 'file.encrypted',
  xls: 'file.xls',
  'not-xlsx': 'file.not-xlsx',
  'zip-without-workbook': 'file.corrupt',
};

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const META_PARTS = new Set([WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS, STYLES]);

const parsed = <T>(
  parts: ReadonlyMap<string, string>,
  part: string,
  parse: (xml: string) => T,
): T | undefined => {
  const xml = parts.get(part);
  return xml === undefined ? undefined : parse(preparePart(xml, part));
};

/** The `r` of the cells under an external hyperlink, checked against the sheet's relationships as ExcelJS does. */
function hyperlinkCells(
  hyperlinks: RawWorksheet['hyperlinks'],
  sheet: SheetPart,
  parts: ReadonlyMap<string, string>,
): Set<string> {
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
function listSheets(meta: ReturnType<typeof unzipText>): { workbook: WorkbookXml; all: SheetPart[] } {
  const workbook = parsed(meta.parts, WORKBOOK, parseWorkbookXml) ?? { sheets: [], date1904: false };
  const rels = parsed(meta.parts, WORKBOOK_RELS, parseRelationships) ?? new Map<string, string | undefined>();
  const all = resolveSheets(workbook, rels, meta.names);
  if (all.length === 0) corrupt('no worksheet');
  return { workbook, all };
}

/**
 * The sheets of an .xlsx (name and visibility, in tab order) without reading any of them: the zip's
 * directory is checked against `limits` (no part is inflated but workbook.xml and its relationships).
 */
export function readXlsxSheetList(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = READ_LIMITS,
): Result<readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[], OpenError> {
  const kind = sniffBytes(bytes);
  if (kind !== 'xlsx') return err(openError(REFUSED[kind], file));
  const breach = checkReadLimits(bytes, limits);
  if (breach) return err(openError(breachCode(breach), file, describeBreach(breach, limits)));
  try {
    const meta = unzipText(bytes, (name) => name === WORKBOOK || name === WORKBOOK_RELS);
    return ok(listSheets(meta).all.map(({ name, visibility }) => ({ name, visibility })));
  } catch {
    return err(openError('file.corrupt', file));
  }
}

/** The package's sheets, read; throws (CorruptPart, or fflate's error) on what ExcelJS would fail to load. */
function readPackage(bytes: Uint8Array, wanted: readonly string[] | undefined): SheetSnapshot[] {
  const meta = unzipText(bytes, (name) => META_PARTS.has(name));
  const { workbook, all } = listSheets(meta);
  const names = wanted && new Set(wanted.map((s) => s.toLowerCase()));
  const chosen = names ? all.filter((s) => names.has(s.name.toLowerCase())) : all;

  const context = {
    sharedStrings: parsed(meta.parts, SHARED_STRINGS, parseSharedStrings),
    styles: parsed(meta.parts, STYLES, parseStyles),
    date1904: workbook.date1904,
  };
  const partNames = new Set(
    chosen.flatMap((s) => (s.relsPart === undefined ? [s.part] : [s.part, s.relsPart])),
  );
  const { parts } = unzipText(bytes, (name) => partNames.has(name));
  return chosen.map((sheet) => {
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
 * same refusals, code and message: sniffBytes and checkPackage first, then `file.corrupt` for what ExcelJS
 * would fail to load. They differ only on malformed files: rows, or a row's first cell, without `r` (ExcelJS
 * refuses the file, this reads them in order); phonetic runs in an inline string (ExcelJS loses the cell);
 * damage in parts a snapshot does not read (drawings, comments, other sheets when `sheets` is given), which
 * only ExcelJS notices.
 */
export async function readXlsxSnapshot(
  bytes: Uint8Array,
  file: string,
  options: ReadXlsxSnapshotOptions = {},
): Promise<Result<WorkbookSnapshot, OpenError>> {
  const kind = sniffBytes(bytes);
  if (kind !== 'xlsx') return err(openError(REFUSED[kind], file));
  const breach = await checkPackage(bytes, options.limits);
  if (breach) return err(openError(breachCode(breach), file, describeBreach(breach, options.limits)));
  try {
    return ok({ file, sheets: readPackage(bytes, options.sheets) });
  } catch {
    // As excelJsFactory.open: bad bytes never throw, whatever part of the reader gives up on them.
    return err(openError('file.corrupt', file));
  }
}
