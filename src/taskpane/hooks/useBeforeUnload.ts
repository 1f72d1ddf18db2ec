import { useEffect } from 'react';

/**
 * While `active`, closing or reloading the page asks first (the browser shows its own words). Registered
 * only then: a page with a `beforeunload` listener is kept out of the browser's back/forward cache.
 */
export function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Browsers before the standard (Chromium < 119) ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}
