import { finding, type Finding } from '../finding';
import { classifySheet } from './classifySheet';
import { numberSeqs, type SheetEntry } from './numberSeqs';
import { readEntrySheet } from './readEntrySheet';
import type { WorkbookSnapshot } from './snapshot';
import type { ExtractOptions, SheetOutcome, WorkbookExtraction } from './types';

const KIND_REASONS = {
  toc: '目次のシートです。',
  form: '様式（取組項目シートの項目の定義）のシートです。',
  plan: '体系の表のシートです。',
} as const;

/**
 * Read every 取組項目 form of a workbook, accounting for every sheet (hidden ones too): entries with their
 * provenance, an outcome per sheet, and findings. Seq numbers are settled across the whole workbook
 * (numberSeqs): metadata's seq when it agrees with the labels, else 1, 2, 3 … per (code, department) in
 * tab order. The 体系 is not taken from the workbook implicitly: pass `plan` (findPlanInWorkbook can find it).
 */
export function extractWorkbook(snapshot: WorkbookSnapshot, options: ExtractOptions): WorkbookExtraction {
  const sheets: SheetOutcome[] = [];
  const read: { readonly sheet: number; readonly entry: SheetEntry }[] = [];
  const sheetFindings: (readonly Finding[])[] = [];

  snapshot.sheets.forEach((sheet, i) => {
    const kind = classifySheet(sheet);
    if (kind) {
      sheets.push({
        sheet: sheet.name,
        visibility: sheet.visibility,
        kind,
        entries: 0,
        reason: KIND_REASONS[kind],
      });
      sheetFindings.push([]);
      return;
    }
    const reading = readEntrySheet(sheet, options);
    const outcome: SheetOutcome = {
      sheet: sheet.name,
      visibility: sheet.visibility,
      kind: reading.kind,
      entries: reading.entries.length,
    };
    sheets.push(reading.reason !== undefined ? { ...outcome, reason: reading.reason } : outcome);
    if (sheet.visibility !== 'visible' && reading.entries.length > 0)
      sheetFindings.push([
        finding(
          'extract.hidden-sheet',
          'info',
          `「${sheet.name}」シートは非表示ですが、取組項目のシートとして読みました。不要なシートなら削除してください。`,
          { file: options.file, sheet: sheet.name },
        ),
        ...reading.findings,
      ]);
    else sheetFindings.push(reading.findings);
    for (const entry of reading.entries) read.push({ sheet: i, entry });
  });

  const numbered = numberSeqs(read.map((r) => r.entry));
  // Each sheet's own findings, then those of its entries (in reading order): entries grouped by sheet once.
  const entryFindings = new Map<number, Finding[]>();
  numbered.forEach((e, j) => {
    const sheet = read[j]?.sheet;
    if (sheet === undefined) return;
    const list = entryFindings.get(sheet);
    if (list) list.push(...e.findings);
    else entryFindings.set(sheet, [...e.findings]);
  });
  const findings = noEntrySheet(sheets, options.file);
  sheetFindings.forEach((own, i) => {
    for (const f of own) findings.push(f);
    for (const f of entryFindings.get(i) ?? []) findings.push(f);
  });
  return { entries: numbered.map((e) => e.extracted), sheets, findings };
}

/**
 * A workbook without a single 取組項目 form (an empty book, a book holding only its 目次, the master sent
 * back by mistake) is an error of the file: it says what the workbook holds instead. A form that could not
 * be read has its own findings.
 */
function noEntrySheet(sheets: readonly SheetOutcome[], file: string): Finding[] {
  if (sheets.some((s) => s.kind === 'entry' || s.kind === 'unreadable')) return [];
  const held =
    sheets.length === 0
      ? 'シートがありません'
      : `シート ${sheets.length} 枚（${sheets.map((s) => `「${s.sheet}」${s.kind === 'toc' ? '目次' : s.kind === 'plan' ? '体系' : s.kind === 'form' ? '様式' : s.reason === '空のシートです。' ? '空' : '様式なし'}`).join('、')}）のどれにも取組項目の様式がありません`;
  return [
    finding(
      'extract.no-entry-sheet',
      'error',
      `「${file}」には取組項目のシートがありません（${held}）。Suishin で作った課のブックに記入して提出してください。`,
      { file },
    ),
  ];
}
