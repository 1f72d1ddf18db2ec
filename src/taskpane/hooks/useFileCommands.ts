import { useCallback } from 'react';
import { XLSX_MIME, type Host } from '../host';
import { isMacroEnabled } from '../../workbook/xlsx/workbookType';
import { masterFileName } from '../tabs/masterFileName';
import { useOperation, type OperationState } from './useOperation';

/**
 * The header's file commands in file mode: open a workbook from a picked file, and download the open one
 * under the master's file name for `fiscalYear`. One operation state for both.
 */
export function useFileCommands(
  host: Host,
  fiscalYear: number,
): { readonly state: OperationState; readonly onOpen: (file: File) => void; readonly onSave: () => void } {
  const fileOp = useOperation();
  const open = host.open;
  const onOpen = useCallback(
    (file: File) =>
      void fileOp.run(async () => {
        const [input] = await host.readFiles([file]);
        if (!input || !open) return '';
        const opened = await open(input);
        if (!opened.ok) throw new Error(opened.error.message);
        return `「${input.file}」を開きました。`;
      }, `「${file.name}」を開いています`),
    [host, open, fileOp],
  );
  const onSave = useCallback(
    () =>
      void fileOp.run(async () => {
        const bytes = await host.saveCurrent?.();
        if (!bytes) throw new Error('保存するブックがありません。先にブックを開いてください。');
        const name = masterFileName(host.getSnapshot().name, fiscalYear, isMacroEnabled(bytes));
        host.download?.(name, bytes, XLSX_MIME);
        return `「${name}」をダウンロードしました。`;
      }),
    [host, fileOp, fiscalYear],
  );
  return { state: fileOp.state, onOpen, onSave };
}
