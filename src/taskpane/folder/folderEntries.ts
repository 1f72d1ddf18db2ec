import { fileNameKind, type SkippedFile } from '../../app/departmentFileName';

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
  /** Lock, temporary and other files (PDFs, memos) left out, each with why (skippedNote says them). */
  readonly skipped: readonly SkippedFile[];
}

const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export function scanFolder(root: string, entries: readonly FolderEntry[]): FolderScan {
  const workbooks: FolderEntry[] = [];
  const skipped: SkippedFile[] = [];
  for (const entry of entries) {
    const kind = fileNameKind(nameOf(entry.path));
    if (kind === 'workbook') workbooks.push(entry);
    else skipped.push({ path: entry.path, kind });
  }
  const byPath = (a: { path: string }, b: { path: string }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  return { root, workbooks: workbooks.sort(byPath), skipped: skipped.sort(byPath) };
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
