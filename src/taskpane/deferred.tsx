import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Component, Suspense, use, useState, type ComponentType, type ReactNode } from 'react';

/** A component whose code is in a chunk of its own, plus a way to fetch that chunk before it is needed. */
export interface Deferred<P extends object> {
  (props: P): ReactNode;
  /** Fetch and evaluate the chunk; resolves once the component renders without waiting. */
  preload(): Promise<unknown>;
}

/**
 * The first screen needs only the shell (header, tabs, the 体系 tab's open button); everything else is a
 * `deferred` component: loaded when first shown, or earlier by `preload` once the pane is idle. A component
 * already loaded renders at once (no spinner frame). A chunk that failed to load (offline in Excel) shows a
 * retry button instead of taking the whole pane down.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  label = '読み込んでいます…',
): Deferred<P> {
  let loaded: ComponentType<P> | undefined;
  let attempt: Promise<ComponentType<P>> | undefined;
  let failed = false;
  /** The current attempt; a new one only when none was made or the last one failed. */
  const preload = (): Promise<ComponentType<P>> => {
    if (!attempt || failed) {
      failed = false;
      attempt = load().then(
        (component) => (loaded = component),
        (error: unknown) => {
          failed = true;
          throw error;
        },
      );
    }
    return attempt;
  };

  function Loader(props: P) {
    // A failed attempt stays failed while rendering (the boundary shows 再試行); only a retry starts anew.
    const Loaded = use(attempt ?? preload());
    return <Loaded {...props} />;
  }

  function DeferredComponent(props: P) {
    // Chosen once per mount: switching from <Loader> to the component later would remount it and lose its state.
    const [Ready] = useState(() => loaded);
    if (Ready) return <Ready {...props} />;
    return (
      <ChunkBoundary onRetry={() => void preload().catch(() => undefined)}>
        <Suspense fallback={<Spinner size="small" label={label} style={{ margin: 16 }} />}>
          <Loader {...props} />
        </Suspense>
      </ChunkBoundary>
    );
  }
  return Object.assign(DeferredComponent, { preload });
}

/** Catches a chunk that could not be loaded; 再試行 starts a new attempt and renders the children again. */
class ChunkBoundary extends Component<{ children: ReactNode; onRetry: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" layout="multiline" style={{ margin: 16 }}>
        <MessageBarBody>
          この画面のプログラムを読み込めませんでした。ネットワークを確認して、もう一度お試しください。
        </MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            onClick={() => {
              this.props.onRetry();
              this.setState({ failed: false });
            }}
          >
            再試行
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
