import { finding, type Finding } from '../finding';
import type { ExtractedEntry } from './types';

/** An entry as read from one sheet, before seq numbers are settled across the workbook. */
export interface SheetEntry {
  readonly extracted: ExtractedEntry;
  /** `meta`: the seq came from agreeing metadata and is kept; `order`: numbered by numberSeqs. */
  readonly seqFrom: 'meta' | 'order';
  /** Findings about this entry; their place carries its code, department and seq. */
  readonly findings: readonly Finding[];
}

/**
 * Settle seq numbers. An entry identified by metadata keeps the metadata's seq. Every other entry (a
 * hand-typed sheet, or one whose metadata disagrees with its labels) takes the lowest seq 1, 2, 3 … not
 * already held by another entry of the same (code, department), in the order given (workbook order: sheets
 * in tab order, forms top to bottom) — so 町民生活課's three sheets for one item read as 1, 2, 3.
 */
export function numberSeqs(entries: readonly SheetEntry[]): SheetEntry[] {
  const taken = new Map<string, Set<number>>();
  const copies = copiedSheets(entries);
  for (const e of copies) if (e.seqFrom === 'meta') takenFor(taken, e).add(e.extracted.entry.seq);
  return copies.map((e) => {
    if (e.seqFrom === 'meta') return e;
    const set = takenFor(taken, e);
    let seq = 1;
    while (set.has(seq)) seq++;
    set.add(seq);
    return withSeq(e, seq);
  });
}

export const COPIED_SHEET_CODE = 'extract.copied-sheet';

/**
 * A sheet copied in Excel or LibreOffice (「II-2-5-1 保健福祉課 (2)」, 「…_2」) carries its original's metadata,
 * seq included: the natural way to start a second sheet for one item, as the seed's 町民生活課 files three.
 * The later sheet in tab order is numbered like a hand-typed one (the next free seq), with a warning that
 * names both sheets — a copy kept by mistake is deleted, a second 取組 stays. (It used to be refused as the
 * same seq twice, with advice to change a number only the hidden metadata holds.)
 */
function copiedSheets(entries: readonly SheetEntry[]): SheetEntry[] {
  const first = new Map<string, string>();
  return entries.map((e) => {
    if (e.seqFrom !== 'meta') return e;
    const { code, department, seq } = e.extracted.entry;
    const key = `${code}|${department}|${seq}`;
    const original = first.get(key);
    if (original === undefined) {
      first.set(key, e.extracted.source.sheet);
      return e;
    }
    const sheet = e.extracted.source.sheet;
    return {
      ...e,
      seqFrom: 'order',
      findings: [
        ...e.findings,
        finding(
          COPIED_SHEET_CODE,
          'warning',
          `シート「${sheet}」はシート「${original}」のコピーのため、同じ取組項目（${code} ${department}）のもう1枚のシートとして読みました。別の取組として書いたのなら、このままで構いません。書き直したものなら元のシート「${original}」を、不要なコピーならこのシート「${sheet}」を削除してください。`,
          {
            file: e.extracted.source.file,
            sheet,
            ...(e.extracted.source.itemCell !== undefined && { cell: e.extracted.source.itemCell }),
            code,
            department,
            seq,
          },
        ),
      ],
    };
  });
}

/** The seqs held in the entry's (code, department). */
function takenFor(taken: Map<string, Set<number>>, e: SheetEntry): Set<number> {
  const key = `${e.extracted.entry.code}|${e.extracted.entry.department}`;
  let set = taken.get(key);
  if (!set) {
    set = new Set<number>();
    taken.set(key, set);
  }
  return set;
}

function withSeq(e: SheetEntry, seq: number): SheetEntry {
  if (e.extracted.entry.seq === seq && e.findings.every((f) => f.place.seq === seq)) return e;
  return {
    ...e,
    extracted: { ...e.extracted, entry: { ...e.extracted.entry, seq } },
    findings: e.findings.map((f) => ({ ...f, place: { ...f.place, seq } })),
  };
}
