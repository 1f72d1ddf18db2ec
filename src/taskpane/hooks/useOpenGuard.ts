import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileCommands } from './useFileCommands';

export interface OpenGuard {
  /** Open the file, or, while the workbook has changes not downloaded, ask first. */
  readonly request: (file: File) => void;
  /** The file waiting for an answer. */
  readonly pending: File | undefined;
  readonly downloadFirst: () => void;
  readonly openAnyway: () => void;
  readonly cancel: () => void;
}

/**
 * Opening another workbook in file mode replaces the only copy of the open one: while it has changes not
 * downloaded (`unsaved`), the file waits for the user's answer — download first, open anyway, or cancel.
 * Focus goes back where it was (the open button) when the question closes.
 */
export function useOpenGuard(unsaved: boolean, commands: FileCommands): OpenGuard {
  const [pending, setPending] = useState<File | undefined>(undefined);
  const returnFocus = useRef<HTMLElement | null>(null);
  const { onOpen, onSaveThenOpen } = commands;

  const request = useCallback(
    (file: File) => {
      if (!unsaved) {
        onOpen(file);
        return;
      }
      const active = document.activeElement;
      returnFocus.current = active instanceof HTMLElement ? active : null;
      setPending(file);
    },
    [unsaved, onOpen],
  );
  const answer = useCallback(
    (then?: (file: File) => void) => {
      if (pending) then?.(pending);
      setPending(undefined);
    },
    [pending],
  );

  useEffect(() => {
    if (pending || !returnFocus.current) return;
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target.isConnected) target.focus();
  }, [pending]);

  return {
    request,
    pending,
    downloadFirst: () => answer(onSaveThenOpen),
    openAnyway: () => answer(onOpen),
    cancel: () => answer(),
  };
}
