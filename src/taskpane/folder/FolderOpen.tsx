import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { FolderOpenRegular } from '@fluentui/react-icons/svg/folder-open';
import { useCallback, useId, useRef } from 'react';
import { OperationStatus } from '../components/OperationStatus';
import type { OperationState } from '../hooks/useOperation';
import type { OpenedFolder } from './useFolder';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  input: { display: 'none' },
});

export interface FolderOpenProps {
  readonly folder: OpenedFolder | undefined;
  readonly state: OperationState;
  readonly disabled: boolean;
  /** A folder picked with `<input webkitdirectory>`: its files. */
  readonly onFolderFiles: (files: File[]) => void;
  /** The browser's folder dialog (showDirectoryPicker), where it has one. */
  readonly onOpenWithPicker?: (() => void) | undefined;
  /** 再読み込み without a dialog (the folder's handle is kept); otherwise the user picks the folder again. */
  readonly onReloadFromHandle?: (() => void) | undefined;
}

/**
 * 「フォルダーを開く」: every .xlsx / .xlsm in a folder and its subfolders (a shared drive, a SharePoint library
 * synced by OneDrive), and 「再読み込み」, which reads only the files that changed since.
 */
export function FolderOpen(props: FolderOpenProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const hintId = useId();
  const setInput = useCallback((el: HTMLInputElement | null) => {
    input.current = el;
    // Not a React prop: set on the element (Chromium, Edge, Firefox and Safari all take it).
    if (el) el.webkitdirectory = true;
  }, []);
  const pickAgain = () => input.current?.click();
  const open = props.onOpenWithPicker ?? pickAgain;
  const reload = props.onReloadFromHandle ?? (props.onOpenWithPicker ? props.onOpenWithPicker : pickAgain);
  const running = props.state.phase === 'running';
  return (
    <section className={s.root} aria-label="フォルダーから集約">
      <div className={s.row}>
        <Button
          icon={<FolderOpenRegular />}
          disabledFocusable={props.disabled || running}
          aria-describedby={hintId}
          onClick={open}
        >
          フォルダーを開く
        </Button>
        {props.folder && (
          <Button
            icon={<ArrowClockwiseRegular />}
            disabledFocusable={props.disabled || running}
            aria-label={`再読み込み（フォルダー「${props.folder.root}」の変わったファイルだけを読み直す）`}
            onClick={reload}
          >
            再読み込み
          </Button>
        )}
      </div>
      <p className={s.hint} id={hintId}>
        {props.folder
          ? props.onReloadFromHandle
            ? `フォルダー「${props.folder.root}」（読み込むファイル ${props.folder.workbooks} 個）。再読み込みは、前回から変わったファイルだけを読み直します。`
            : `フォルダー「${props.folder.root}」（読み込むファイル ${props.folder.workbooks} 個）。再読み込みでは同じフォルダーをもう一度選んでください。前回から変わったファイルだけを読み直します。`
          : 'サブフォルダーを含むすべての .xlsx / .xlsm を読み込みます。PDF・Word・.xls・.ods で届いたものは受付不可として名前を示し、ロックファイルと一時ファイルは読みません。'}
      </p>
      <input
        ref={setInput}
        className={s.input}
        type="file"
        aria-label="各課のファイルが届くフォルダー"
        tabIndex={-1}
        onChange={(e) => {
          const files = e.currentTarget.files ? Array.from(e.currentTarget.files) : [];
          if (files.length > 0) props.onFolderFiles(files);
          e.currentTarget.value = '';
        }}
      />
      <OperationStatus state={props.state} />
    </section>
  );
}
