import { useCallback } from 'react';
import { XLSX_MIME, type Host } from '../host';
import { isMacroEnabled } from '../../workbook/xlsx/workbookType';
import { masterFileName } from '../tabs/masterFileName';
import { useOperation, type OperationState } from './useOperation';

export interface FileCommands {
  readonly state: OperationState;
  /** Open a picked file as the workbook (whatever was not downloaded is lost: ask first, useOpenGuard). */
  readonly onOpen: (file: File) => void;
  readonly onSave: () => void;
  /** Download the open workbook, then open the file. */
  readonly onSaveThenOpen: (file: File) => void;
}

/**
 * The header's file commands in file mode: open a workbook from a picked file, and download the open one
 * under the master's file name for `fiscalYear`. One operation state for all.
 */
export function useFileCommands(host: Host, fiscalYear: number): FileCommands {
  const fileOp = useOperation();
  const open = useCallback(
    async (file: File): Promise<string> => {
      const [input] = await host.readFiles([file]);
      if (!input || !host.open) return '';
      const opened = await host.open(input);
      // The refused file opened nothing: the header, 検証 and 集約 still work on the workbook open before.
      if (!opened.ok) {
        const kept = host.getSnapshot().name;
        throw new Error(
          kept === undefined
            ? opened.error.message
            : `${opened.error.message}開いているブックは「${kept}」のままです。`,
        );
      }
      return `「${input.file}」を開きました。`;
    },
    [host],
  );
  /** Downloads the workbook; its file name. */
  const save = useCallback(async (): Promise<string> => {
    const bytes = await host.saveCurrent?.();
    if (!bytes) throw new Error('保存するブックがありません。先にブックを開いてください。');
    const name = masterFileName(host.getSnapshot().name, fiscalYear, isMacroEnabled(bytes));
    host.download?.(name, bytes, XLSX_MIME);
    return name;
  }, [host, fiscalYear]);
  const onOpen = useCallback(
    (file: File) => void fileOp.run(() => open(file), `「${file.name}」を開いています`),
    [open, fileOp],
  );
  const onSave = useCallback(
    () => void fileOp.run(async () => `「${await save()}」をダウンロードしました。`),
    [save, fileOp],
  );
  const onSaveThenOpen = useCallback(
    (file: File) =>
      void fileOp.run(async () => {
        const saved = await save();
        return `「${saved}」をダウンロードしました。${await open(file)}`;
      }, `「${file.name}」を開いています`),
    [save, open, fileOp],
  );
  return { state: fileOp.state, onOpen, onSave, onSaveThenOpen };
}
