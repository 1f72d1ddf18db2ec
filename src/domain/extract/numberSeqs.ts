import type { Finding } from '../finding';
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
  for (const e of entries) if (e.seqFrom === 'meta') takenFor(taken, e).add(e.extracted.entry.seq);
  return entries.map((e) => {
    if (e.seqFrom === 'meta') return e;
    const set = takenFor(taken, e);
    let seq = 1;
    while (set.has(seq)) seq++;
    set.add(seq);
    return withSeq(e, seq);
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
