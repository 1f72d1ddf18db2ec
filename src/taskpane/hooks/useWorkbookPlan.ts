import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Host } from '../host';
import { errorMessage } from '../errors';
import type { WorkbookPlan } from '../workbookPlan';
import { useHostSnapshot } from './useHostSnapshot';

export type PlanState =
  | { readonly status: 'no-workbook' }
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'found'; readonly reading: WorkbookPlan }
  | { readonly status: 'failed'; readonly message: string };

type Action =
  | { type: 'no-workbook' }
  /** `again`: the same workbook read again (it changed, or 再読み込み). */
  | { type: 'loading'; again?: boolean }
  | { type: 'loaded'; reading: WorkbookPlan | undefined }
  | { type: 'failed'; message: string };

export function planReducer(state: PlanState, action: Action): PlanState {
  switch (action.type) {
    case 'no-workbook':
      // The same state when nothing changed: the pane's first render is not followed by a second one.
      return state.status === 'no-workbook' ? state : { status: 'no-workbook' };
    case 'loading':
      // The same workbook read again (a write by the pane, 再読み込み): the 体系 shown stays until the new reading
      // replaces it. Showing nothing meanwhile unmounted the tabs built on it (集約 while it writes 全体計画),
      // and with them the focused button: the focus fell to the page.
      return action.again && state.status === 'found' ? state : { status: 'loading' };
    case 'loaded':
      return action.reading ? { status: 'found', reading: action.reading } : { status: 'missing' };
    case 'failed':
      return { status: 'failed', message: action.message };
  }
}

/** The 体系 of the host's current workbook, read again whenever the workbook changes or on `reload`. */
export function useWorkbookPlan(host: Host): { readonly plan: PlanState; readonly reload: () => void } {
  const { port, revision } = useHostSnapshot(host);
  const [plan, dispatch] = useReducer(planReducer, { status: port ? 'loading' : 'no-workbook' } as PlanState);
  const [tick, bump] = useReducer((n: number) => n + 1, 0);
  const read = useRef(port);

  useEffect(() => {
    if (!port) {
      read.current = undefined;
      dispatch({ type: 'no-workbook' });
      return;
    }
    let live = true;
    dispatch({ type: 'loading', again: read.current === port });
    read.current = port;
    // Reading a 体系 (and the domain code for it) is needed only once a workbook is open: its own chunk.
    import(/* webpackChunkName: "offload" */ '../offload')
      .then(({ readPlanOn }) => readPlanOn(port))
      .then(
        (reading) => live && dispatch({ type: 'loaded', reading }),
        (error: unknown) => live && dispatch({ type: 'failed', message: errorMessage(error).message }),
      );
    return () => {
      live = false;
    };
  }, [port, revision, tick]);

  const reload = useCallback(() => bump(), []);
  return { plan, reload };
}
