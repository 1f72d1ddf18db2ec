import { extractWorkbook } from '../domain/extract/extractWorkbook';
import type { Finding } from '../domain/finding';
import { planItems } from '../domain/plan/planItems';
import type { Plan } from '../domain/plan/types';
import { addEntrySheet as addEntrySheetSpec } from '../domain/template/addEntrySheet';
import { buildTocSheet, tocRowFor } from '../domain/template/buildTocSheet';
import { TOC_SHEET_NAME } from '../domain/template/sheetName';
import type { WorkbookPort } from '../workbook/port';

export type AddSheetResult =
  | { readonly ok: true; readonly sheet: string; readonly seq: number }
  | { readonly ok: false; readonly finding: Finding };

/**
 * "Add a sheet for the same item" (the seed's 町民生活課 files three sheets for one item): an empty sheet
 * with the next seq, and the department's 目次 rebuilt so its links and 記入状況 cover the new sheet.
 */
export async function addEntrySheet(
  port: WorkbookPort,
  input: {
    readonly plan: Plan;
    readonly code: string;
    readonly department: string;
    readonly fiscalYear: number;
    readonly file: string;
  },
): Promise<AddSheetResult> {
  const snapshot = await port.readSnapshot();
  const extraction = extractWorkbook(snapshot, {
    file: input.file,
    plan: input.plan,
    fiscalYear: input.fiscalYear,
  });
  const mine = extraction.entries.filter((e) => e.entry.department === input.department);
  const added = addEntrySheetSpec({
    plan: input.plan,
    code: input.code,
    department: input.department,
    fiscalYear: input.fiscalYear,
    existingSeqs: mine.filter((e) => e.entry.code === input.code).map((e) => e.entry.seq),
    existingSheetNames: snapshot.sheets.map((s) => s.name),
  });
  if (!added.ok) return { ok: false, finding: added.error };

  const items = new Map(planItems(input.plan).map((p) => [p.code, p]));
  const rows = [
    ...mine.flatMap((e) => {
      const item = items.get(e.entry.code);
      return item
        ? [
            {
              index: item.index,
              seq: e.entry.seq,
              row: tocRowFor(item, e.entry.seq, e.source.sheet, e.entry.department),
            },
          ]
        : [];
    }),
    { index: items.get(input.code)!.index, seq: added.value.seq, row: added.value.tocRow },
  ]
    .sort((a, b) => a.index - b.index || a.seq - b.seq)
    .map((r) => r.row);
  const hasToc = snapshot.sheets.some((s) => s.name === TOC_SHEET_NAME);
  await port.writeSheets([
    added.value.sheet,
    ...(hasToc ? [buildTocSheet({ department: input.department, fiscalYear: input.fiscalYear, rows })] : []),
  ]);
  return { ok: true, sheet: added.value.sheet.name, seq: added.value.seq };
}
