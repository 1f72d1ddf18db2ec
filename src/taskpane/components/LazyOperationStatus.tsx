import { deferred } from '../deferred';
import type { OperationState } from '../hooks/useOperation';

const Deferred = deferred<{ state: OperationState }>(
  async () => (await import(/* webpackChunkName: "operation-status" */ './OperationStatus')).OperationStatus,
  '処理中…',
);

/**
 * OperationStatus for the first screen: nothing while idle, so its progress bar and messages load with the
 * other tabs' code (preloadPanels) instead of in the initial chunk.
 */
export function LazyOperationStatus({ state }: { state: OperationState }) {
  return state.phase === 'idle' ? null : <Deferred state={state} />;
}
export const preloadOperationStatus = Deferred.preload;
