import { entryKeyString, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding } from './context';

/** One sheet per code + department + seq: a second one is an error (add a sheet as seq 2 instead). */
export function checkDuplicateEntries(entries: readonly Entry[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const entry of entries) {
    const key = entryKeyString(entry);
    if (seen.has(key))
      out.push(
        entryFinding(
          'entry.duplicate',
          'error',
          `${entry.department}の取組項目 ${entry.code}（${entry.seq}枚目）のシートが2枚あります。同じ取組の2枚目なら番号（seq）を変えてください。不要なシートは削除してください。`,
          entry,
        ),
      );
    seen.add(key);
  }
  return out;
}
