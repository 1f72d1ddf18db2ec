import { useCallback, useRef, useState, type Dispatch } from 'react';
import { skippedNote } from '../../app/departmentFileName';
import type { Host } from '../host';
import { useOperation } from '../hooks/useOperation';
import { inFolder, type FilesAction, type PickedFile } from '../tabs/pickedFiles';
import {
  directoryPicker,
  entriesFromHandle,
  entriesFromInput,
  scanFolder,
  type DirectoryHandle,
  type FolderEntry,
} from './folderEntries';

/** The folder last opened: its name, and its handle where the browser keeps one (showDirectoryPicker). */
export interface OpenedFolder {
  readonly root: string;
  readonly handle?: DirectoryHandle;
  /** .xlsx / .xlsm found in it the last time it was read. */
  readonly workbooks: number;
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/**
 * 「フォルダーを開く」 and 「再読み込み」 for the 集約 tab: every .xlsx / .xlsm in a folder and its subfolders
 * joins the picked files. The listed files are the record of what was read (path, size, modified time): reading
 * the folder again reads only files that are new or whose size or modified time changed. With
 * showDirectoryPicker the folder is listed again from its handle; with `<input webkitdirectory>` the user picks
 * it again, and files that did not change are still not read.
 */
export function useFolder(host: Host, files: readonly PickedFile[], dispatch: Dispatch<FilesAction>) {
  const [folder, setFolder] = useState<OpenedFolder | undefined>(undefined);
  const op = useOperation();
  // The latest list, for a read that starts from a stale render (the picker's promise resolves later).
  const current = useRef(files);
  current.current = files;

  const sync = useCallback(
    (root: string, entries: readonly FolderEntry[], handle?: DirectoryHandle) =>
      void op.run(async () => {
        const scan = scanFolder(root, entries);
        const again = folder?.root === root;
        const listed = new Map(
          current.current.filter((f) => inFolder(f, root)).map((f) => [f.picked.path, f]),
        );
        const kept: string[] = [];
        const changed: FolderEntry[] = [];
        for (const entry of scan.workbooks) {
          const known = listed.get(entry.path);
          if (
            known &&
            known.picked.size === entry.file.size &&
            known.picked.modified === entry.file.lastModified
          )
            kept.push(known.id);
          else changed.push(entry);
        }
        const inputs = await host.readFiles(changed.map((e) => e.file));
        // The path from the folder (a file from a handle has no webkitRelativePath of its own).
        const read = inputs.map((input, i) => ({ ...input, path: changed[i]!.path }));
        const gone = listed.size - kept.length - changed.filter((e) => listed.has(e.path)).length;
        dispatch({ type: 'sync', root, read, kept });
        setFolder({ root, ...(handle && { handle }), workbooks: scan.workbooks.length });
        const note = skippedNote(scan.skipped);
        const summary = again
          ? changed.length === 0 && gone === 0
            ? `フォルダー「${root}」のファイルは前回から変わっていません（${kept.length} 個）。`
            : `フォルダー「${root}」を読み直しました: 新しいか変わっていた ${changed.length} 個を読み込み、変わっていない ${kept.length} 個はそのままにしました${gone > 0 ? `。フォルダーからなくなった ${gone} 個をリストから外しました` : ''}。`
          : `フォルダー「${root}」から ${scan.workbooks.length} 個のファイルを読み込みました（サブフォルダーを含む）。`;
        if (scan.workbooks.length === 0)
          return {
            intent: 'warning',
            message: `フォルダー「${root}」に .xlsx / .xlsm がありません。${note ?? ''}`,
          };
        return note ? { intent: 'info', message: `${summary}${note}` } : summary;
      }, 'フォルダーを読み込んでいます'),
    [folder, host, op, dispatch],
  );

  /** Folder picked with `<input webkitdirectory>` (or dropped): its files. */
  const onFolderFiles = useCallback(
    (picked: File[]) => {
      const { root, entries } = entriesFromInput(picked);
      if (root) sync(root, entries);
    },
    [sync],
  );

  const pickDirectory = directoryPicker();
  /** showDirectoryPicker, where there is one; cancelling the dialog is not an error. */
  const openWithPicker = pickDirectory
    ? () =>
        void pickDirectory().then(
          async (handle) => sync(handle.name, await entriesFromHandle(handle), handle),
          (error: unknown) => {
            if (!isAbort(error)) void op.run(() => Promise.reject(error));
          },
        )
    : undefined;
  /** 再読み込み from the kept handle (no dialog); undefined when the user must pick the folder again. */
  const reloadFromHandle = folder?.handle
    ? () => {
        const handle = folder.handle!;
        void entriesFromHandle(handle).then(
          (entries) => sync(handle.name, entries, handle),
          (error: unknown) => void op.run(() => Promise.reject(error)),
        );
      }
    : undefined;

  return { folder, state: op.state, onFolderFiles, openWithPicker, reloadFromHandle };
}
