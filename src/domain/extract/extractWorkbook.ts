import { finding, type Finding } from '../finding';
import { classifySheet } from './classifySheet';
import { numberSeqs, type SheetEntry } from './numberSeqs';
import { readEntrySheet } from './readEntrySheet';
import type { WorkbookSnapshot } from './snapshot';
import type { ExtractOptions, SheetOutcome, WorkbookExtraction } from './types';

const KIND_REASONS = { toc: '目次のシートです。', plan: '体系の表のシートです。' } as const;

/**
 * Read every 取組項目 form of a workbook, accounting for every sheet (hidden ones too): entries with their
 * provenance, an outcome per sheet, and findings. Seq numbers are settled across the whole workbook
 * (numberSeqs): metadata's seq when it agrees with the labels, else 1, 2, 3 … per (code, department) in
 * tab order. The 体系 is not taken from the workbook implicitly: pass `plan` (findPlanInWorkbook can find it).
 */
export function extractWorkbook(snapshot: WorkbookSnapshot, options: ExtractOptions): WorkbookExtraction {
  const sheets: SheetOutcome[] = [];
  const read: { readonly sheet: number; readonly entry: SheetEntry }[] = [];
  const sheetFindings: Finding[][] = [];

  snapshot.sheets.forEach((sheet, i) => {
    const base = { sheet: sheet.name, visibility: sheet.visibility };
    const kind = classifySheet(sheet);
    if (kind) {
      sheets.push({ ...base, kind, entries: 0, reason: KIND_REASONS[kind] });
      sheetFindings.push([]);
      return;
    }
    const reading = readEntrySheet(sheet, options);
    sheets.push({
      ...base,
      kind: reading.kind,
      entries: reading.entries.length,
      ...(reading.reason !== undefined && { reason: reading.reason }),
    });
    const hidden =
      sheet.visibility !== 'visible' && reading.entries.length > 0
        ? [
            finding(
              'extract.hidden-sheet',
              'info',
              `「${sheet.name}」シートは非表示ですが、取組項目のシートとして読みました。不要なシートなら削除してください。`,
              { file: options.file, sheet: sheet.name },
            ),
          ]
        : [];
    sheetFindings.push([...hidden, ...reading.findings]);
    for (const entry of reading.entries) read.push({ sheet: i, entry });
  });

  const numbered = numberSeqs(read.map((r) => r.entry));
  const findings = sheetFindings.flatMap((own, i) => [
    ...own,
    ...numbered.filter((_, j) => read[j]?.sheet === i).flatMap((e) => e.findings),
  ]);
  return { entries: numbered.map((e) => e.extracted), sheets, findings };
}
