import { parsePlanGrid, type Grid, type ParsedPlan } from '../plan/parsePlanGrid';
import { normalizeKey } from '../text/normalizeKey';
import { sheetGrid } from './sheetGrid';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';

/** The sheet's values as a Grid for parsePlanGrid, cells covered by a merge blank (as printed). */
export function snapshotGrid(sheet: SheetSnapshot): Grid {
  const grid = sheetGrid(sheet);
  return sheet.values.map((row, r) =>
    row.map((_, c) => {
      const v = grid.value(r, c);
      return typeof v === 'boolean' ? String(v) : v;
    }),
  );
}

const HEADER_ROWS = 20;

/** Does the sheet hold a 体系 table: a header row with 基本項目, 推進項目, 取組項目 and 実践課…? */
export function isPlanSheet(sheet: SheetSnapshot): boolean {
  return isPlanHeaderInKeys(
    sheet.values
      .slice(0, HEADER_ROWS)
      .map((row) => row.map((v) => normalizeKey(v === null ? '' : String(v)))),
  );
}

/**
 * isPlanSheet over the keys of the sheet's first rows, made once by a caller that looks for other headers
 * there too (classifySheet: headerKeys, whose trimming the keys do not see).
 */
export function isPlanHeaderInKeys(rows: readonly (readonly string[])[]): boolean {
  const [basic, promotion, item, department] = PLAN_HEADER_KEYS;
  return rows
    .slice(0, HEADER_ROWS)
    .some(
      (keys) =>
        keys.includes(basic) &&
        keys.includes(promotion) &&
        keys.includes(item) &&
        keys.some((k) => k.startsWith(department)),
    );
}

/** The keys a 体系 header row holds (the last one, 実践課, may be followed by more). */
export const PLAN_HEADER_KEYS = ['基本項目', '推進項目', '取組項目', '実践課'] as const;

/** Parse a 体系 sheet with parsePlanGrid (findings name the file and sheet); undefined when it is not one. */
export function readPlanSheet(
  sheet: SheetSnapshot,
  options: { readonly file?: string } = {},
): ParsedPlan | undefined {
  if (!isPlanSheet(sheet)) return undefined;
  return parsePlanGrid(snapshotGrid(sheet), {
    ...(options.file !== undefined && { file: options.file }),
    sheet: sheet.name,
  });
}

/** The workbook's 体系: the sheet named 体系 when it holds the table, else the first sheet that does. */
export function findPlanInWorkbook(
  workbook: WorkbookSnapshot,
): { readonly sheet: string; readonly parsed: ParsedPlan } | undefined {
  const candidates = workbook.sheets.filter(isPlanSheet);
  const sheet =
    candidates.find((s) => normalizeKey(s.name) === '体系') ??
    candidates.find((s) => normalizeKey(s.name).includes('体系')) ??
    candidates[0];
  const parsed = sheet && readPlanSheet(sheet, workbook.file !== undefined ? { file: workbook.file } : {});
  return sheet && parsed ? { sheet: sheet.name, parsed } : undefined;
}
