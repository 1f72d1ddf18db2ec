/**
 * Scroll the page so that `element` is shown, leaving the focus where it is (focus.ts moves the focus only
 * when the control pressed is gone; here it stays, and what it produced may be out of sight).
 *
 * `nearest` scrolls only as far as needed (nothing when it is already shown); `start` puts it at the top,
 * with what follows it below. Without a layout to scroll (jsdom has no scrollIntoView) nothing moves.
 */
export function reveal(element: Element | null | undefined, block: 'nearest' | 'start' = 'nearest'): void {
  if (element && typeof element.scrollIntoView === 'function')
    element.scrollIntoView({ block, inline: 'nearest' });
}
