import { diffEntries, formatFieldChanges } from '../compare/entryDiff';
import type { FieldKey, FormDefinition } from '../entry/formDefinition';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { fieldText, entryKeyString, type Entry } from '../entry/types';
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
  /** About sheets or files not used as they came (年度違い, a duplicate in one file, same-time copies). */
  readonly findings: readonly Finding[];
  /** About a winner's own fields (a resubmission that left blank what was written): with its row's findings. */
  readonly entryFindings: readonly Finding[];
}

/** The finding on a sheet of another year than the run's (年度違い). */
export const WRONG_YEAR_CODE = 'consolidate.wrong-year';

/** The form's fields in order, then any key the entry holds that the form lacks (nothing is left out). */
const entryKeys = (e: Entry, form: FormDefinition): FieldKey[] => {
  const keys = form.fields.map((f) => f.key);
  return [...keys, ...Object.keys(e.fields).filter((k) => !keys.includes(k))];
};

/** Nothing written: every field of the form, and every other key the entry holds, is blank. */
export const isBlankEntry = (e: Entry, form: FormDefinition): boolean =>
  entryKeys(e, form).every((k) => fieldText(e.fields, k).trim() === '');

/** The whole text of an entry, labelled, for the log (nothing a department wrote is lost). */
export const entryText = (e: Entry, form: FormDefinition): string =>
  entryKeys(e, form)
    .filter((k) => fieldText(e.fields, k).trim() !== '')
    .map((k) => `[${k}] ${fieldText(e.fields, k)}`)
    .join('\n');

/** A record's retired fields (an older 様式 version's), when the sheet had any. */
export const retiredOf = (received: ReceivedEntry): Pick<LogRecord, 'retired'> =>
  received.retired && received.retired.length > 0 ? { retired: received.retired } : {};

/** Newest last; ties broken by file name, so the result never depends on the order files were given. */
export const sortSources = <T extends { file: string; modified: number }>(sources: readonly T[]): T[] =>
  [...sources].sort((a, b) => a.modified - b.modified || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

const keyLabel = (e: Entry): string => `${e.code} ${e.department}（${e.seq}枚目）`;

/** Two files saved within the same second (a mail's attachments saved at once) are not ordered by their times. */
const SAME_TIME_MS = 1000;

export const SAME_TIME_CODE = 'consolidate.same-time';
export const REPLACED_EMPTIED_CODE = 'consolidate.replaced-emptied';

/**
 * Once per set of same-time copies: which of them is newest is a guess by file name. Named with the file
 * finally taken (three copies used to get two warnings, the first naming a file replaced in turn).
 */
function sameTimeFinding(files: readonly string[], taken: string, entry: Entry): Finding {
  const named = files.map((f) => `「${f}」`);
  return finding(
    SAME_TIME_CODE,
    'warning',
    files.length === 2
      ? `${named.join('と')}に同じシート（${keyLabel(entry)} ほか）があり、更新日時が同じため、どちらが新しいか分かりません。ファイル名の順で「${taken}」を採用しました。違うときは、使わない方のファイルを外して集約し直してください。`
      : `${named.join('')}に同じシート（${keyLabel(entry)} ほか）があり、更新日時が同じため、どれが新しいか分かりません。ファイル名の順で「${taken}」を採用しました。違うときは、使わないファイルを外して集約し直してください。`,
    { file: taken },
  );
}

/** A resubmission that leaves blank what an older file had written: said, not taken silently. */
function emptiedFinding(
  emptied: readonly { readonly key: FieldKey; readonly label: string; readonly file: string }[],
  newer: { readonly file: string; readonly received: ReceivedEntry },
  tie: boolean,
): Finding {
  const { entry, sheet, cells } = newer.received;
  const first = emptied[0]!;
  const cell = cells[first.key];
  const fields = emptied.map((c) => `「${c.label}」`).join('');
  // Files of the same second are not newer and older: the one taken and the other one.
  const [taken, other] = tie
    ? ['採用したファイル', 'もう一方のファイル']
    : ['新しいファイル', '古いファイル'];
  return finding(
    REPLACED_EMPTIED_CODE,
    'warning',
    `${taken}「${newer.file}」で${fields}が空欄になりました（${other}「${first.file}」には記入があります。集約ログに残しています）。空欄のまま集約しました。${other}の記入が正しいときは、${taken}に書き写して集約し直してください。`,
    {
      file: newer.file,
      sheet,
      ...(cell !== undefined && { cell }),
      code: entry.code,
      department: entry.department,
      seq: entry.seq,
      field: first.key,
    },
  );
}

/**
 * Decide which sheet stands for each entry: the same entry from two files → the newer file wins and the
 * older is logged as replaced; the same entry twice within one file → a conflict (error), the first
 * sheet is used and the second kept in the log. A sheet of another year than the run's is 年度違い: an
 * error, its text kept in the log, never a candidate (so a newer wrong-year file cannot replace anything).
 * Blank sheets (nothing written) are logged, not used.
 */
export function selectEntries(
  sources: readonly SourceFile[],
  fiscalYear: number,
  form: FormDefinition,
): Selection {
  const log: LogRecord[] = [];
  const findings: Finding[] = [];
  const chosen = new Map<string, Candidate>();
  const tied = new Set<string>();
  /** Same-time pairs by entry, in reading order: one warning per file finally taken (below). */
  const ties: { readonly key: string; readonly files: readonly string[]; readonly entry: Entry }[] = [];
  const entryFindings: Finding[] = [];
  /** Each 'replaced' record (its index in the log) and the file that replaced it, by entry. */
  const replacedBy: { readonly at: number; readonly key: string; readonly file: string }[] = [];
  /** Per entry, each field some file has written, with the last file that wrote it. */
  const written = new Map<string, Map<FieldKey, string>>();
  for (const source of sortSources(sources)) {
    if (source.kind !== 'read') continue;
    const inFile = new Map<string, ReceivedEntry>();
    for (const received of source.entries) {
      const { entry } = received;
      const key = entryKeyString(entry);
      const base = {
        file: source.file,
        sheet: received.sheet,
        code: entry.code,
        department: entry.department,
        seq: entry.seq,
        ...retiredOf(received),
      };
      if (!received.yearAssumed && entry.fiscalYear !== fiscalYear) {
        const message = `「${received.sheet}」は${formatFiscalYear(entry.fiscalYear)}のシートです。${formatFiscalYear(fiscalYear)}の集約には使わず、内容は集約ログに残しました。${formatFiscalYear(fiscalYear)}のシートで提出し直してください。`;
        findings.push(
          finding(WRONG_YEAR_CODE, 'error', message, {
            file: source.file,
            sheet: received.sheet,
            ...(received.yearCell !== undefined && { cell: received.yearCell }),
            code: entry.code,
            department: entry.department,
            seq: entry.seq,
          }),
        );
        log.push({
          ...base,
          outcome: 'wrong-year',
          detail: message,
          ...(!isBlankEntry(entry, form) && { keptText: entryText(entry, form) }),
        });
        continue;
      }
      if (isBlankEntry(entry, form)) {
        log.push({ ...base, outcome: 'empty', detail: 'どの欄も記入されていません。' });
        continue;
      }
      const first = inFile.get(key);
      if (first) {
        const message = `${keyLabel(entry)}のシートが同じファイルに2枚あります（「${first.sheet}」と「${received.sheet}」）。「${first.sheet}」を採用しました。不要なシートを削除して提出し直してください。`;
        findings.push(
          finding('consolidate.duplicate-in-file', 'error', message, {
            file: source.file,
            sheet: received.sheet,
            code: entry.code,
            department: entry.department,
            seq: entry.seq,
          }),
        );
        log.push({ ...base, outcome: 'duplicate', detail: message, keptText: entryText(entry, form) });
        continue;
      }
      inFile.set(key, received);
      const previous = chosen.get(key);
      if (previous) {
        const changes = diffEntries(previous.received.entry.fields, entry.fields, form);
        const pair = `${previous.file}\n${source.file}`;
        // Saved in the same second: which is newer is not known, and no message may say it is.
        const tie = Math.abs(source.modified - previous.modified) < SAME_TIME_MS;
        if (tie && !tied.has(pair)) {
          tied.add(pair);
          ties.push({ key, files: [previous.file, source.file], entry });
        }
        // Blank now, written in this or any earlier file: the last file that wrote it is named.
        const emptied = form.fields.flatMap((def) => {
          const file = written.get(key)?.get(def.key);
          return file !== undefined && fieldText(entry.fields, def.key).trim() === ''
            ? [{ key: def.key, label: def.label, file }]
            : [];
        });
        if (emptied.length > 0)
          entryFindings.push(emptiedFinding(emptied, { file: source.file, received }, tie));
        replacedBy.push({ at: log.length, key, file: source.file });
        log.push({
          file: previous.file,
          sheet: previous.received.sheet,
          outcome: 'replaced',
          code: entry.code,
          department: entry.department,
          seq: entry.seq,
          detail: tie
            ? `${keyLabel(entry)}は「${source.file}」（シート「${received.sheet}」）で差し替えました（更新日時が同じため、ファイル名の順で採用）。もう一方のファイル: 「${previous.file}」。${formatFieldChanges(changes)}`
            : `${keyLabel(entry)}は新しいファイル「${source.file}」（シート「${received.sheet}」）で差し替えました。古いファイル: 「${previous.file}」。${formatFieldChanges(changes)}`,
          changes,
          keptText: entryText(previous.received.entry, form),
          ...retiredOf(previous.received),
        });
      }
      // A sheet that carries no year is taken to be of the run's year.
      const current =
        received.yearAssumed && entry.fiscalYear !== fiscalYear
          ? { ...received, entry: { ...entry, fiscalYear } }
          : received;
      chosen.set(key, { file: source.file, modified: source.modified, received: current });
      const fields = written.get(key) ?? new Map<FieldKey, string>();
      for (const def of form.fields)
        if (def.kind !== 'computed' && fieldText(entry.fields, def.key).trim() !== '')
          fields.set(def.key, source.file);
      written.set(key, fields);
    }
  }
  // Three copies or more: the file that replaced this one was replaced in turn. Each record names the file
  // finally taken too, the one 全体計画's 提出ファイル shows.
  for (const r of replacedBy) {
    const taken = chosen.get(r.key)?.file;
    const record = log[r.at];
    if (record && taken !== undefined && taken !== r.file)
      log[r.at] = {
        ...record,
        detail: `${record.detail}${record.detail.endsWith('。') ? '' : '。'}その「${r.file}」も「${taken}」で差し替え、「${taken}」を採用しました。`,
      };
  }
  // Same-time copies, grouped by the file finally taken; a tie that a later file settled is not a guess.
  const byTaken = new Map<string, { files: Set<string>; entry: Entry }>();
  for (const t of ties) {
    const taken = chosen.get(t.key)?.file;
    if (taken === undefined) continue;
    const group = byTaken.get(taken) ?? { files: new Set<string>(), entry: t.entry };
    for (const f of t.files) group.files.add(f);
    byTaken.set(taken, group);
  }
  for (const [taken, group] of byTaken)
    if (group.files.has(taken)) findings.push(sameTimeFinding([...group.files], taken, group.entry));
  // A later file may replace the sheet that left a field blank: only the winner's warnings stand.
  const standing = entryFindings.filter(
    (f) =>
      chosen.get(entryKeyString({ code: f.place.code!, department: f.place.department!, seq: f.place.seq! }))
        ?.file === f.place.file,
  );
  return { winners: [...chosen.values()], log, findings, entryFindings: standing };
}
