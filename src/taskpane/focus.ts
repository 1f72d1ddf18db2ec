/** How long a focus move waits for its target: a workbook opened or a sample inserted takes seconds. */
const WAIT_MS = 15_000;

const focusable = (el: HTMLElement): boolean =>
  el.isConnected &&
  el.closest('[hidden]') === null &&
  !(el instanceof HTMLButtonElement && el.disabled) &&
  (el.tabIndex >= 0 || el.hasAttribute('tabindex'));

/**
 * Move the focus to `target` (an element id, or a function that finds the element) once it has been rendered.
 *
 * For an action that hides, removes or replaces the control pressed (a button that leads to another tab,
 * a file row removed, an empty state replaced by the view it asked for): without it the focus falls to the
 * page and a keyboard or screen-reader user starts again from the top. The target may appear only after
 * React has rendered, a chunk has loaded or a workbook has been read, so it is looked for on each frame
 * for a while. Nothing is moved once the user has put the focus somewhere else themselves: only while it is
 * still on the control pressed, or lost (on the page, or on an element that is gone).
 */
export function focusWhenShown(
  target: string | (() => HTMLElement | null | undefined),
  waitMs: number = WAIT_MS,
): void {
  const pressed = document.activeElement;
  const find = typeof target === 'string' ? () => document.getElementById(target) : target;
  const until = Date.now() + waitMs;
  const attempt = () => {
    const now = document.activeElement;
    const lost = now === null || now === document.body || now === pressed || !now.isConnected;
    if (!lost) return;
    const el = find();
    if (el && focusable(el)) {
      if (el !== now) el.focus();
      return;
    }
    if (Date.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/**
 * After the row `index` of a list has been removed by its own button (「… を外す」): the focus goes to the
 * control of the row that takes its place (`selector` within `container`), else of the new last row, else to
 * `fallback` (the list is gone: the button that adds to it).
 */
export function focusAfterRemoval(
  container: HTMLElement | null,
  selector: string,
  index: number,
  fallback: () => HTMLElement | null | undefined,
): void {
  const removed = container?.querySelectorAll<HTMLElement>(selector)[index];
  focusWhenShown(() => {
    const left = container?.isConnected
      ? [...container.querySelectorAll<HTMLElement>(selector)].filter((el) => el !== removed)
      : [];
    return left[Math.min(index, left.length - 1)] ?? fallback();
  });
}
