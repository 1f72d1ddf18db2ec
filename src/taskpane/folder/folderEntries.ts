import { fileNameKind, SKIPPED_LABELS } from '../../app/departmentFileName';

/** A file found in an opened folder: its path from the folder (`提出/税務課/税務課.xlsx`) and the File. */
export interface FolderEntry {
  readonly path: string;
  readonly file: File;
}

/** What an opened folder holds, sorted by the one rule for department files (departmentFileName.ts). */
export interface FolderScan {
  /** The folder's own name: the first part of every path. */
  readonly root: string;
  /** .xlsx / .xlsm in it and its subfolders, in path order. */
  readonly workbooks: readonly FolderEntry[];
  /** Lock and temporary files left out, each with why. */
  readonly skipped: readonly { readonly path: string; readonly kind: 'lock' | 'temp' }[];
  /** Other files (PDFs, memos): left out, counted. */
  readonly others: number;
}

const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export function scanFolder(root: string, entries: readonly FolderEntry[]): FolderScan {
  const workbooks: FolderEntry[] = [];
  const skipped: { path: string; kind: 'lock' | 'temp' }[] = [];
  let others = 0;
  for (const entry of entries) {
    const kind = fileNameKind(nameOf(entry.path));
    if (kind === 'workbook') workbooks.push(entry);
    else if (kind === 'other') others++;
    else skipped.push({ path: entry.path, kind });
  }
  const byPath = (a: { path: string }, b: { path: string }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  return { root, workbooks: workbooks.sort(byPath), skipped: skipped.sort(byPath), others };
}

/** The files of a folder picked with `<input webkitdirectory>`: each carries its path from the folder. */
export function entriesFromInput(files: readonly File[]): { root: string; entries: FolderEntry[] } {
  const entries = files.map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  const first = entries[0]?.path ?? '';
  return { root: first.includes('/') ? first.slice(0, first.indexOf('/')) : '', entries };
}

/** The parts of the File System Access API used here (not in TypeScript's DOM lib without DOM.AsyncIterable). */
export interface DirectoryHandle {
  readonly kind: 'directory';
  readonly name: string;
  values(): AsyncIterable<DirectoryHandle | FileHandle>;
}
interface FileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<File>;
}

/** Every file under a folder picked with showDirectoryPicker, with paths like `<input webkitdirectory>` gives. */
export async function entriesFromHandle(
  handle: DirectoryHandle,
  prefix = handle.name,
): Promise<FolderEntry[]> {
  const out: FolderEntry[] = [];
  for await (const child of handle.values()) {
    const path = `${prefix}/${child.name}`;
    if (child.kind === 'directory') out.push(...(await entriesFromHandle(child, path)));
    // getFile gives the name, size and modified time; the bytes are read only when asked for.
    else out.push({ path, file: await child.getFile() });
  }
  return out;
}

type PickerWindow = { showDirectoryPicker?: (options?: { mode?: 'read' }) => Promise<DirectoryHandle> };

/** showDirectoryPicker where the browser has it (Edge, Chrome); undefined elsewhere (Firefox, Safari). */
export function directoryPicker(): (() => Promise<DirectoryHandle>) | undefined {
  const w = (typeof window === 'undefined' ? {} : window) as PickerWindow;
  const pick = w.showDirectoryPicker;
  return typeof pick === 'function' ? () => pick.call(window, { mode: 'read' }) : undefined;
}

const LISTED = 3;
/** `~$総務課.xlsx（Excel などが…ロックファイル）` …: what was left out of a folder and why, in one sentence. */
export function skippedNote(scan: FolderScan): string | undefined {
  const parts: string[] = [];
  for (const kind of ['lock', 'temp'] as const) {
    const paths = scan.skipped.filter((s) => s.kind === kind).map((s) => nameOf(s.path));
    if (paths.length > 0)
      parts.push(
        `${paths.slice(0, LISTED).join('、')}${paths.length > LISTED ? ` ほか ${paths.length - LISTED} 個` : ''}（${SKIPPED_LABELS[kind]}）`,
      );
  }
  if (scan.others > 0) parts.push(`.xlsx / .xlsm 以外のファイル ${scan.others} 個`);
  return parts.length > 0 ? `読まなかったファイル: ${parts.join('、')}。` : undefined;
}
