import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  // Three buttons of Japanese text: each on one line, the row wrapping rather than the words.
  actions: { flexWrap: 'wrap', justifyContent: 'flex-end' },
  button: { whiteSpace: 'nowrap', flexShrink: 0 },
  // Fluent's surface takes the whole width below 480 px (max-width 100vw): in a task pane that narrow it
  // touched both edges. A margin of 12 px each side (of the page, not of 100vw, which counts the scroll
  // bar) keeps it a dialog.
  surface: { '@media screen and (max-width: 480px)': { maxWidth: 'calc(100% - 24px)' } },
});

/**
 * Asked before another workbook replaces one with changes not downloaded (file mode). The first button —
 * focused when the question opens, so Enter keeps the work — downloads first; Escape cancels.
 */
export function UnsavedChangesDialog(props: {
  /** The file about to be opened; the dialog is open while there is one. */
  file: File | undefined;
  /** The workbook open now. */
  current: string | undefined;
  onDownloadFirst: () => void;
  onOpenAnyway: () => void;
  onCancel: () => void;
}) {
  const s = useStyles();
  const { file, current } = props;
  return (
    <Dialog
      open={file !== undefined}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) props.onCancel();
      }}
    >
      <DialogSurface className={s.surface}>
        <DialogBody>
          <DialogTitle>ダウンロードしていない変更があります</DialogTitle>
          <DialogContent>
            {`${current ? `「${current}」` : '作業中のブック'}には、まだダウンロードしていない変更があります。${
              file ? `「${file.name}」を` : ''
            }開くと、その変更は失われます。`}
          </DialogContent>
          <DialogActions className={s.actions}>
            <Button className={s.button} appearance="primary" onClick={props.onDownloadFirst}>
              ダウンロードしてから開く
            </Button>
            <Button className={s.button} onClick={props.onOpenAnyway}>
              ダウンロードせずに開く
            </Button>
            <Button className={s.button} onClick={props.onCancel}>
              キャンセル
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
