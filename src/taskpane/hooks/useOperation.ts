import { useCallback, useReducer, useRef } from 'react';
import type { Progress } from '../../workbook/port';
import { useAnnounce } from '../components/LiveRegion';
import { errorMessage } from '../errors';

export interface ProgressInfo {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export type OutcomeIntent = 'success' | 'warning' | 'info';
/** What a finished task says: a message, and whether it is good news (default) or needs attention. */
export interface Outcome {
  readonly message: string;
  readonly intent: OutcomeIntent;
}

/** One long operation of a tab: idle → running (with progress) → done (a message) or failed. */
export type OperationState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress?: ProgressInfo }
  | { readonly phase: 'done'; readonly message: string; readonly intent: OutcomeIntent }
  | { readonly phase: 'failed'; readonly message: string; readonly detail?: string };

export type OperationAction =
  | { readonly type: 'start'; readonly label?: string }
  | { readonly type: 'progress'; readonly progress: ProgressInfo }
  | { readonly type: 'succeed'; readonly message: string; readonly intent?: OutcomeIntent }
  | { readonly type: 'fail'; readonly message: string; readonly detail?: string }
  | { readonly type: 'reset' };

export function operationReducer(state: OperationState, action: OperationAction): OperationState {
  switch (action.type) {
    case 'start':
      return {
        phase: 'running',
        ...(action.label !== undefined && { progress: { done: 0, total: 0, label: action.label } }),
      };
    case 'progress':
      return state.phase === 'running' ? { phase: 'running', progress: action.progress } : state;
    case 'succeed':
      return { phase: 'done', message: action.message, intent: action.intent ?? 'success' };
    case 'fail':
      return {
        phase: 'failed',
        message: action.message,
        ...(action.detail !== undefined && { detail: action.detail }),
      };
    case 'reset':
      return { phase: 'idle' };
  }
}

/**
 * Run one task at a time with progress: the task gets a Progress callback and returns the Japanese
 * message to show when it succeeds (or an Outcome, when the result needs attention). A thrown error becomes the failed state's message.
 */
export function useOperation(): {
  readonly state: OperationState;
  readonly run: (
    task: (onProgress: Progress) => Promise<string | Outcome>,
    startLabel?: string,
  ) => Promise<boolean>;
  readonly reset: () => void;
} {
  const [state, dispatch] = useReducer(operationReducer, { phase: 'idle' });
  const running = useRef(false);
  // Screen readers hear the start and the result in the pane's live region (LiveRegion); not each step of
  // the progress. A failure is shown with role="alert", which they read as it appears.
  const announce = useAnnounce();
  const run = useCallback(
    async (task: (onProgress: Progress) => Promise<string | Outcome>, startLabel?: string) => {
      if (running.current) return false;
      running.current = true;
      dispatch({ type: 'start', ...(startLabel !== undefined && { label: startLabel }) });
      announce(startLabel ?? '処理中…');
      try {
        const outcome = await task((p) =>
          dispatch({ type: 'progress', progress: { done: p.done, total: p.total, label: p.label } }),
        );
        const done = typeof outcome === 'string' ? { message: outcome } : outcome;
        dispatch({ type: 'succeed', ...done });
        if (done.message) announce(done.message);
        return true;
      } catch (error) {
        dispatch({ type: 'fail', ...errorMessage(error) });
        // The failure box is an alert, read as it appears; the live region must not keep saying the start
        // (「…を開いています」) to whoever reads it afterwards.
        announce('');
        return false;
      } finally {
        running.current = false;
      }
    },
    [announce],
  );
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);
  return { state, run, reset };
}
