import type { Finding } from '../finding';
import type { ExtractedEntry, WorkbookExtraction } from './types';

/** Validation's finding for the second and later sheets of one key (validation/duplicateEntries.ts). */
const DUPLICATE_CODE = 'entry.duplicate';

/**
 * Give findings about entries (validation's: code, department, seq and field, no cell) the file, sheet and
 * cell they came from, so each points at the exact cell to fix: the field's cell, or the 取組項目 cell when
 * the finding is about the whole entry. A place that already names a file, sheet or cell keeps it.
 * When several extracted entries share a key, the n-th finding with the same code and field goes to the
 * n-th of them (`entry.duplicate`, which names the later copies, to the (n+1)-th).
 */
export function placeFindings(
  findings: readonly Finding[],
  extraction: Pick<WorkbookExtraction, 'entries'>,
): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const { place } = f;
    if (place.code === undefined || place.department === undefined) return f;
    const matches = extraction.entries.filter(
      (e) =>
        e.entry.code === place.code &&
        e.entry.department === place.department &&
        (place.seq === undefined || e.entry.seq === place.seq),
    );
    const key = `${f.code}|${place.code}|${place.department}|${place.seq ?? ''}|${place.field ?? ''}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const hit: ExtractedEntry | undefined =
      matches[Math.min(n + (f.code === DUPLICATE_CODE ? 1 : 0), matches.length - 1)];
    if (!hit) return f;
    const cell = place.field ? hit.source.cells[place.field] : hit.source.itemCell;
    return {
      ...f,
      place: {
        ...place,
        file: place.file ?? hit.source.file,
        sheet: place.sheet ?? hit.source.sheet,
        cell: place.cell ?? cell,
      },
    };
  });
}
