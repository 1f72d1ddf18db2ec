/** How office.js fared on this page. */
export type OfficeScript =
  /** The page has no office.js (suishin.html, the standalone file-mode page). */
  | 'absent'
  /** office.js ran: `Office` exists. */
  | 'loaded'
  /** The request failed (offline, refused), or the script ran without defining `Office`. */
  | 'failed';

const OFFICE_JS = /\/office\.js(?:[?#]|$)/i;

/**
 * Resolves once office.js has run or failed. The page loads it `defer` after the pane's own scripts (see
 * taskpane.html), so this runs first and waits for it; while Microsoft's CDN holds the request open it does not
 * resolve at all: the caller decides how long to wait before it offers the file mode.
 */
export function officeScriptArrival(doc: Document, hasOffice: () => boolean): Promise<OfficeScript> {
  if (hasOffice()) return Promise.resolve('loaded');
  const script = Array.from(doc.scripts).find((s) => OFFICE_JS.test(s.src));
  if (!script) return Promise.resolve('absent');
  // Already past it (the page finished loading): it ran or it failed, and Office says which.
  if (doc.readyState === 'complete') return Promise.resolve('failed');
  return new Promise((resolve) => {
    script.addEventListener('load', () => resolve(hasOffice() ? 'loaded' : 'failed'), { once: true });
    script.addEventListener('error', () => resolve('failed'), { once: true });
  });
}

/** A promise that resolves to `value` after `ms` milliseconds. */
export const after = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));
