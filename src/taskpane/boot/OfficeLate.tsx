import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '640px',
    margin: '0 auto',
  },
  /** The title on a line of its own, above the reason (Fluent sets it inline, run into the text). */
  title: { display: 'block', marginBottom: tokens.spacingVerticalXS },
});

/** One string each: JSX would put a space between lines of Japanese text. */
export const OFFICE_LATE_TITLE = 'Office の部品（office.js）が届いていません';
export const OFFICE_LATE_WHY =
  'Excel とつなぐための office.js を Microsoft のサーバーから読み込んでいますが、応答がありません。LGWAN など外部のサーバーにつながらないパソコンではよく起こります。このまま待つこともできますし、ファイル モードで .xlsx ファイルを開いて同じ作業ができます（ファイルはこのパソコンの外に送られません）。';

/**
 * Shown when office.js has not arrived after a few seconds (Microsoft's CDN unreachable or holding the request
 * open): the pane keeps waiting for Office, and offers the file mode with a sentence on why.
 */
export function OfficeLate({ onFileMode }: { onFileMode: () => void }) {
  const s = useStyles();
  return (
    <main className={s.root}>
      <Spinner size="small" label="Office の応答を待っています…" labelPosition="after" />
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle className={s.title}>{OFFICE_LATE_TITLE}</MessageBarTitle>
          {OFFICE_LATE_WHY}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onFileMode}>
            ファイル モードで使う
          </Button>
        </MessageBarActions>
      </MessageBar>
    </main>
  );
}
