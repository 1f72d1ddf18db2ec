import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { Host } from '../host';

/** Shown instead of the panel when its chunk cannot be fetched (offline): the pane itself keeps working. */
function NotLoaded() {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        自己診断を読み込めませんでした。ネットワークを確認して、作業ウィンドウを開き直してください。
      </MessageBarBody>
    </MessageBar>
  );
}

const SelfTestPanel = lazy(() =>
  import(/* webpackChunkName: "selftest" */ './SelfTestPanel').catch(() => ({ default: NotLoaded })),
);

const useStyles = makeStyles({
  root: {
    margin: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/**
 * 自己診断 at the foot of the 体系 tab (in Excel): a button; what it runs loads only when pressed, so the
 * first screen stays as small as it was.
 */
export function SelfTestEntry({ host }: { host: Host }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <section className={s.root} aria-label="自己診断">
      {open ? (
        <Suspense fallback={<Spinner size="tiny" label="自己診断を読み込んでいます…" />}>
          <SelfTestPanel host={host} onClose={() => setOpen(false)} />
        </Suspense>
      ) : (
        <>
          <Button appearance="secondary" onClick={() => setOpen(true)}>
            自己診断
          </Button>
          <Caption1>
            この Excel で推進が正しく動くかを確かめます。作業用のシートを一時的に作り、終わると削除します。
          </Caption1>
        </>
      )}
    </section>
  );
}
