import { makeStyles } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** Says a line to screen readers (politely: after what they are reading). */
export type Announce = (text: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/** The pane's announcer (outside LiveRegion, as in a component rendered on its own: does nothing). */
export const useAnnounce = (): Announce => useContext(AnnounceContext);

const useStyles = makeStyles({
  // Read by screen readers, not shown: the visible boxes (OperationStatus) show the same words.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * The pane's one polite live region, in the DOM (empty) from the first render: screen readers read a live
 * region's changes only, not one inserted with its text (as the status boxes of each operation are). The
 * operations write their start and their result's summary into it (useOperation).
 */
export function LiveRegion({ children }: { children: ReactNode }) {
  const s = useStyles();
  const [text, setText] = useState('');
  // The same words again (検証 twice) must change the region too, or nothing is read the second time; an empty
  // line empties it (nothing to read).
  const announce = useCallback(
    (line: string) => setText((was) => (was === line && line !== '' ? `${line}\u00a0` : line)),
    [],
  );
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className={s.hidden} data-live-region="">
        {text}
      </div>
    </AnnounceContext.Provider>
  );
}
