import type { SourceInput } from '../../app/consolidate';
import { OUTCOME_LABELS, type Consolidation, type Outcome } from '../../domain/consolidation/types';
import { countBySeverity } from '../../domain/finding';
import type { PickedInput } from '../files';

export type FileStatus = 'waiting' | 'reading' | 'read' | 'done' | 'check' | 'error';
export const FILE_STATUS_LABELS: Readonly<Record<FileStatus, string>> = {
  waiting: '待機',
  reading: '読込中',
  read: '読込済み',
  done: '集約済み',
  check: '要確認',
  error: 'エラー',
};

/** What came of one file in the last consolidation. */
export interface FileOutcome {
  /** Sheets taken into 全体計画. */
  readonly taken: number;
  /** Sheets read but not taken, by outcome, in the words of the 集約ログ. */
  readonly others: readonly { readonly outcome: Outcome; readonly label: string; readonly count: number }[];
  /** Findings made on this file (reading and checking its sheets). */
  readonly errors: number;
  readonly warnings: number;
  /**
   * Of its blank sheets, those the department had to fill (its own items, not a 全課 item it may add to):
   * their items are 未提出 in 全体計画. Absent when none.
   */
  readonly blankRequired?: number;
}

/** What a file's row needs of a consolidation: its log, its findings and (for required blank sheets) the rows. */
export type FileResults = Pick<Consolidation, 'log' | 'findings'> & Partial<Pick<Consolidation, 'rows'>>;

export interface PickedFile {
  /** The pick's own id (never the name: two files may share one). */
  readonly id: string;
  readonly picked: PickedInput;
  /**
   * What the consolidation, its log and report.json call this file: its path, numbered when another picked
   * file has the same one, so every file's outcome and findings stay its own.
   */
  readonly label: string;
  readonly status: FileStatus;
  /** Japanese: why a file was rejected. */
  readonly note?: string;
  readonly outcome?: FileOutcome;
}

export type FilesAction =
  | { type: 'add'; inputs: readonly PickedInput[] }
  /**
   * An opened folder read again (or for the first time): `read` are its files read now (new or changed since
   * they were listed), `kept` the ids of listed files found unchanged; a listed file of the folder in neither
   * is gone from it and leaves the list. Files picked from elsewhere stay.
   */
  | { type: 'sync'; root: string; read: readonly PickedInput[]; kept: readonly string[] }
  | { type: 'remove'; id: string }
  | { type: 'clear' }
  | { type: 'reading'; id: string }
  | { type: 'finished'; consolidation: FileResults }
  | { type: 'failed' };

/** The input the consolidation reads: the file's bytes under its label. */
export const sourceInput = (f: PickedFile): SourceInput => ({
  file: f.label,
  modified: f.picked.modified,
  bytes: f.picked.bytes,
});

/** Outcomes that took the sheet into 全体計画. */
const TAKEN = new Set<Outcome>(['consolidated', 'merged', 'flagged', 'compiled-kept']);
/** Outcomes not worth a word on the file's row (the sheets of the form itself). */
const QUIET = new Set<Outcome>(['toc', 'plan', 'form', 'rejected']);
/** Outcomes that leave a file's content out of 全体計画 though it was read: the file needs a look. */
const NEEDS_CHECK = new Set<string>(['wrong-year', 'unreadable', 'duplicate']);

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The same file picked again: same name, time and bytes. */
const samePick = (a: PickedInput, b: PickedInput): boolean =>
  a.path === b.path && a.modified === b.modified && sameBytes(a.bytes, b.bytes);

/** `総務課.xlsx` → `総務課（2）.xlsx` (then （3）…) until no other picked file is called that. */
export function uniqueLabel(path: string, taken: ReadonlySet<string>): string {
  if (!taken.has(path)) return path;
  const dot = path.lastIndexOf('.');
  const [stem, ext] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  for (let n = 2; ; n++) {
    const label = `${stem}（${n}）${ext}`;
    if (!taken.has(label)) return label;
  }
}

/** One file's part of a consolidation: its log records and its findings, found by its label. */
export function fileOutcome(label: string, c: FileResults): FileOutcome {
  const records = c.log.filter((r) => r.file === label && r.sheet !== '');
  const counts = new Map<Outcome, number>();
  for (const r of records)
    if (!TAKEN.has(r.outcome) && !QUIET.has(r.outcome))
      counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const bySeverity = countBySeverity(c.findings.filter((f) => f.place.file === label));
  const blankRequired = (c.rows ?? []).filter(
    (r) => r.status === 'missing' && r.blankSheet?.file === label,
  ).length;
  return {
    taken: records.filter((r) => TAKEN.has(r.outcome)).length,
    others: [...counts].map(([outcome, count]) => ({ outcome, label: OUTCOME_LABELS[outcome], count })),
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    ...(blankRequired > 0 && { blankRequired }),
  };
}

function finished(f: PickedFile, c: FileResults): PickedFile {
  const rejected = c.log.find((r) => r.file === f.label && r.outcome === 'rejected' && r.sheet === '');
  const outcome = fileOutcome(f.label, c);
  if (rejected)
    return { id: f.id, picked: f.picked, label: f.label, status: 'error', note: rejected.detail, outcome };
  // Nothing taken (every sheet blank), a sheet it had to fill left blank, findings, or sheets left out: the
  // file is not simply 集約済み.
  const check =
    outcome.taken === 0 ||
    (outcome.blankRequired ?? 0) > 0 ||
    outcome.errors > 0 ||
    outcome.warnings > 0 ||
    outcome.others.some((o) => NEEDS_CHECK.has(o.outcome));
  return { id: f.id, picked: f.picked, label: f.label, status: check ? 'check' : 'done', outcome };
}

const waiting = (f: PickedFile): PickedFile => ({
  id: f.id,
  picked: f.picked,
  label: f.label,
  status: 'waiting',
});

/** Whether a picked file came from the opened folder `root` (its path starts with the folder's name). */
export const inFolder = (f: PickedFile, root: string): boolean => f.picked.path.startsWith(`${root}/`);

function synced(
  files: readonly PickedFile[],
  root: string,
  read: readonly PickedInput[],
  kept: readonly string[],
): readonly PickedFile[] {
  const fresh = new Map(read.map((r) => [r.path, r]));
  const keep = new Set(kept);
  let changed = false;
  const next: PickedFile[] = [];
  for (const f of files) {
    const again = inFolder(f, root) ? fresh.get(f.picked.path) : undefined;
    if (again) {
      // Read again: the same row (and 集約ログ name), the new bytes.
      fresh.delete(f.picked.path);
      next.push({ id: again.id, picked: again, label: f.label, status: 'waiting' });
      changed = true;
    } else if (!inFolder(f, root) || keep.has(f.id)) next.push(f);
    else changed = true;
  }
  const labels = new Set(next.map((f) => f.label));
  for (const picked of fresh.values()) {
    const label = uniqueLabel(picked.path, labels);
    labels.add(label);
    next.push({ id: picked.id, picked, label, status: 'waiting' });
    changed = true;
  }
  // Anything new: every file waits for the next consolidation, as after `add`.
  return changed ? next.map(waiting) : files;
}

export function filesReducer(files: readonly PickedFile[], action: FilesAction): readonly PickedFile[] {
  switch (action.type) {
    case 'add': {
      const labels = new Set(files.map((f) => f.label));
      const fresh: PickedFile[] = [];
      for (const picked of action.inputs) {
        // The same file picked twice (or dropped again) is listed once; another file of its name is not.
        if ([...files, ...fresh].some((f) => samePick(f.picked, picked))) continue;
        const label = uniqueLabel(picked.path, labels);
        labels.add(label);
        fresh.push({ id: picked.id, picked, label, status: 'waiting' });
      }
      return [...files.map(waiting), ...fresh];
    }
    case 'sync':
      return synced(files, action.root, action.read, action.kept);
    case 'remove':
      return files.filter((f) => f.id !== action.id);
    case 'clear':
      return [];
    case 'reading': {
      const at = files.findIndex((f) => f.id === action.id);
      return files.map((f, i) => ({ ...f, status: i < at ? 'read' : i === at ? 'reading' : f.status }));
    }
    case 'finished':
      return files.map((f) => finished(f, action.consolidation));
    case 'failed':
      return files.map((f) => (f.status === 'reading' || f.status === 'read' ? waiting(f) : f));
  }
}
