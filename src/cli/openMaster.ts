import { stat } from 'node:fs/promises';
import { REPORT_SHEET_PREFIX, VIEW_SHEET_NAMES } from '../domain/consolidation/buildMasterView';
import type { SheetSnapshot, WorkbookSnapshot } from '../domain/extract/snapshot';
import type { Plan } from '../domain/plan/types';
import { buildMasterTemplate } from '../domain/template/buildMasterTemplate';
import type { CellValue, SheetSpec } from '../domain/template/sheetSpec';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import { specToSnapshot } from '../domain/template/specToSnapshot';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import type { FileWorkbookPort } from '../workbook/port';
import { MASTER_READ_LIMITS } from '../workbook/readLimits';
import { readXlsxSheetList, readXlsxSnapshot } from '../workbook/xlsx/readXlsxSnapshot';
import { SpecWorkbookPort } from '../workbook/xlsx/specWorkbookPort';
import type { InputPath } from './expandInputs';
import { nodeZipCodec } from './nodeZipCodec';
import { readInputFile } from './readInputFile';

export interface MasterRequest {
  readonly plan: Plan;
  readonly out: InputPath;
  readonly fiscalYear: number;
  readonly title: string;
}

export type OpenedMaster =
  | {
      readonly ok: true;
      readonly port: FileWorkbookPort;
      readonly created: boolean;
      /** How the master is written: straight from specs, or through ExcelJS keeping the file's other content. */
      readonly writer: 'specs' | 'exceljs';
      /** The 全体計画 of the master being rewritten from specs (its 備考 are carried over). */
      readonly previousMaster?: SheetSnapshot;
    }
  | { readonly ok: false; readonly message: string };

/** Trailing empty cells and rows removed, so two grids compare by what they show. */
function trimmed(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const rows = values.map((row) => {
    const out = [...row];
    while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

const sameValues = (a: SheetSnapshot, b: SheetSnapshot): boolean =>
  JSON.stringify(trimmed(a.values)) === JSON.stringify(trimmed(b.values));

/**
 * Can the existing master be rewritten from specs without losing anything but cell formatting? Only when it
 * holds nothing but what Suishin writes into a master: the view sheets (replaced by every run anyway), report
 * sheets, and template sheets whose values are exactly what the template would write now (the same 体系, year
 * and title). Anything else — a sheet 総務課 added, an edited 体系 — keeps the ExcelJS path, which leaves the
 * rest of the file as it is.
 */
function rewritable(
  sheets: readonly { readonly name: string; readonly visibility: SheetSnapshot['visibility'] }[],
  read: WorkbookSnapshot,
  template: readonly SheetSpec[],
): boolean {
  const templateByName = new Map(template.map((s) => [s.name, s]));
  const views = new Set<string>(VIEW_SHEET_NAMES);
  return sheets.every((sheet) => {
    if (views.has(sheet.name) || sheet.name.startsWith(REPORT_SHEET_PREFIX))
      return sheet.visibility === 'visible';
    const spec = templateByName.get(sheet.name);
    const existing = read.sheets.find((s) => s.name === sheet.name);
    return (
      spec !== undefined &&
      existing !== undefined &&
      (spec.visibility ?? 'visible') === sheet.visibility &&
      sameValues(specToSnapshot(spec), existing)
    );
  });
}

/**
 * When the master can be rewritten from specs: its 全体計画, to carry the 備考 over. A large master (one report
 * sheet per entry) is past a department file's read limits, so it is read under MASTER_READ_LIMITS, and only
 * its sheet list, its template sheets and 全体計画 are read.
 */
async function rewriteFrom(
  bytes: Uint8Array,
  file: string,
  template: readonly SheetSpec[],
): Promise<{ previousMaster?: SheetSnapshot } | undefined> {
  const list = readXlsxSheetList(bytes, file, MASTER_READ_LIMITS);
  if (!list.ok) return undefined;
  const wanted = [...template.map((s) => s.name), MASTER_SHEET_NAME];
  const read = await readXlsxSnapshot(bytes, file, { sheets: wanted, limits: MASTER_READ_LIMITS });
  if (!read.ok || !rewritable(list.value, read.value, template)) return undefined;
  const previousMaster = read.value.sheets.find((s) => s.name === MASTER_SHEET_NAME);
  return previousMaster ? { previousMaster } : {};
}

/**
 * The master workbook to consolidate into. A new master is written straight from specs (fast, and flat in
 * memory however many report sheets it holds); an existing one is rewritten the same way when it holds only
 * what Suishin wrote (see rewritable), else opened with ExcelJS so that the rest of the file is kept.
 */
export async function openMaster(request: MasterRequest): Promise<OpenedMaster> {
  const template = buildMasterTemplate({
    plan: request.plan,
    fiscalYear: request.fiscalYear,
    title: request.title,
  });
  const exists = await stat(request.out.path).then(
    () => true,
    () => false,
  );
  if (!exists)
    return {
      ok: true,
      port: await SpecWorkbookPort.create(template, nodeZipCodec),
      created: true,
      writer: 'specs',
    };

  const read = await readInputFile(request.out.path, request.out.display);
  if (!read.ok) return { ok: false, message: `集約先を開けません: ${read.error}` };
  const rewrite = await rewriteFrom(read.value.bytes, request.out.display, template.sheets);
  if (rewrite) {
    const port = await SpecWorkbookPort.create(template, nodeZipCodec);
    return { ok: true, port, created: false, writer: 'specs', ...rewrite };
  }
  const opened = await excelJsFactory.open(read.value.bytes, request.out.display);
  return opened.ok
    ? { ok: true, port: opened.value, created: false, writer: 'exceljs' }
    : { ok: false, message: `集約先を開けません: ${opened.error.message}` };
}
