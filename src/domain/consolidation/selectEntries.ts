import { FIELD_KEYS } from '../entry/formDefinition';
import { entryKeyString, type Entry } from '../entry/types';
import { finding, type Finding } from '../finding';
import type { LogRecord, ReceivedEntry, SourceFile } from './types';

export interface Candidate {
  readonly file: string;
  readonly modified: number;
  readonly received: ReceivedEntry;
}

export interface Selection {
  /** One entry per code + department + seq: the newest file's. In input-file order, then sheet order. */
  readonly winners: readonly Candidate[];
  readonly log: readonly LogRecord[];
  readonly findings: readonly Finding[];
}

export const isBlankEntry = (e: Entry): boolean => FIELD_KEYS.every((k) => e.fields[k].trim() === '');

/** The whole text of an entry, labelled, for the log (nothing a department wrote is lost). */
export const entryText = (e: Entry): string =>
  FIELD_KEYS.filter((k) => e.fields[k].trim() !== '')
    .map((k) => `[${k}] ${e.fields[k]}`)
    .join('\n');

/** Newest last; ties broken by file name, so the result never depends on the order files were given. */
export const sortSources = <T extends { file: string; modified: number }>(sources: readonly T[]): T[] =>
  [...sources].sort((a, b) => a.modified - b.modified || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

const keyLabel = (e: Entry): string => `${e.code} ${e.department}（${e.seq}枚目）`;

/**
 * Decide which sheet stands for each entry: the same entry from two files → the newer file wins and the
 * older is logged as replaced; the same entry twice within one file → a conflict (error), the first
 * sheet is used and the second kept in the log. Blank sheets (nothing written) are logged, not used.
 */
export function selectEntries(sources: readonly SourceFile[]): Selection {
  const log: LogRecord[] = [];
  const findings: Finding[] = [];
  const chosen = new Map<string, Candidate>();
  for (const source of sortSources(sources)) {
    if (source.kind !== 'read') continue;
    const inFile = new Map<string, ReceivedEntry>();
    for (const received of source.entries) {
      const { entry } = received;
      const key = entryKeyString(entry);
      const base = { file: source.file, sheet: received.sheet, code: entry.code, department: entry.department, seq: entry.seq };
      if (isBlankEntry(entry)) {
        log.push({ ...base, outcome: 'empty', detail: 'どの欄も記入されていません。' });
        continue;
      }
      const first = inFile.get(key);
      if (first) {
        const message = `${keyLabel(entry)}のシートが同じファイルに2枚あります（「${first.sheet}」と「${received.sheet}」）。「${first.sheet}」を採用しました。不要なシートを削除して提出し直してください。`;
        findings.push(finding('consolidate.duplicate-in-file', 'error', message, { file: source.file, sheet: received.sheet, code: entry.code, department: entry.department, seq: entry.seq }));
        log.push({ ...base, outcome: 'duplicate', detail: message, keptText: entryText(entry) });
        continue;
      }
      inFile.set(key, received);
      const previous = chosen.get(key);
      if (previous) {
        log.push({
          file: previous.file,
          sheet: previous.received.sheet,
          outcome: 'replaced',
          code: entry.code,
          department: entry.department,
          seq: entry.seq,
          detail: `${keyLabel(entry)}は新しいファイル「${source.file}」（シート「${received.sheet}」）で差し替えました。古いファイル: 「${previous.file}」。`,
          keptText: entryText(previous.received.entry),
        });
      }
      chosen.set(key, { file: source.file, modified: source.modified, received });
    }
  }
  return { winners: [...chosen.values()], log, findings };
}
