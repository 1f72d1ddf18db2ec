import { useSyncExternalStore } from 'react';
import type { Host, HostSnapshot } from '../host';

/** The host's current workbook, name and revision; re-renders when a file is opened or the pane wrote. */
export const useHostSnapshot = (host: Host): HostSnapshot =>
  useSyncExternalStore(host.subscribe, host.getSnapshot, host.getSnapshot);
