import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { OperationState } from '../hooks/useOperation';

const useStyles = makeStyles({
  detail: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    overflowWrap: 'anywhere',
  },
  /** A result of several lines (publishing with errors: one per finding) keeps its lines. */
  lines: { whiteSpace: 'pre-line' },
  /** An item code (II-1-2-1) is not broken at its hyphens, where a browser may break a line. */
  code: { whiteSpace: 'nowrap' },
});

/** Item codes (I-2-1-3, 1-2-3, Ⅱ-1-2): letters or digits, then hyphen-joined digits. */
const ITEM_CODE = /([A-Za-z0-9Ⅰ-Ⅻ]+(?:-[0-9]+)+)/;

/** The text with each item code in a span that does not break. */
export function UnbrokenCodes({ text }: { text: string }) {
  const s = useStyles();
  return (
    <>
      {text.split(ITEM_CODE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className={s.code}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Progress bar while a task runs; afterwards its result or its error, in Japanese. */
export function OperationStatus({ state }: { state: OperationState }) {
  const s = useStyles();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'running': {
      const p = state.progress;
      const value = p && p.total > 0 ? p.done / p.total : undefined;
      return (
        <Field validationMessage={p?.label ?? '処理中…'} validationState="none" validationMessageIcon={null}>
          <ProgressBar value={value} thickness="large" aria-label={p?.label ?? '処理中'} />
        </Field>
      );
    }
    case 'done':
      // Not a live region itself: inserted with its text, screen readers would skip it. The same words are
      // announced in the pane's live region (LiveRegion, by useOperation).
      return (
        <MessageBar intent={state.intent} layout="multiline">
          <MessageBarBody className={s.lines}>
            <UnbrokenCodes text={state.message} />
          </MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>エラー</MessageBarTitle>
            {state.message}
            {state.detail && <Text className={s.detail}>{state.detail}</Text>}
          </MessageBarBody>
        </MessageBar>
      );
  }
}
