import { configure } from '@testing-library/react';

/** jsdom lacks what Fluent measures layout with; the pane only needs these to exist. */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= NoopResizeObserver;
if (typeof window !== 'undefined') {
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver ??= NoopResizeObserver;
  w.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  });
}
// Tabster (Fluent's focus manager) walks the DOM with NodeFilter, which jsdom keeps on window only.
if (typeof window !== 'undefined') {
  const w = window as unknown as Record<string, unknown>;
  for (const name of ['NodeFilter', 'TreeWalker', 'HTMLElement', 'KeyboardEvent']) g[name] ??= w[name];
}
// jsdom does no layout, so Tabster would take every element for invisible and skip it when Tab is pressed.
// Give elements a size unless they sit in a `hidden` subtree (the inactive tab panels).
if (typeof HTMLElement !== 'undefined') {
  const shown = (el: Element): boolean => el.closest('[hidden]') === null;
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return shown(this) ? this.parentElement : null;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return shown(this) ? 100 : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return shown(this) ? 20 : 0;
    },
  });
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const size = shown(this) ? { width: 100, height: 20 } : { width: 0, height: 0 };
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: size.width,
      bottom: size.height,
      ...size,
      toJSON: () => ({}),
    } as DOMRect;
  };
}
// The pane's live region (LiveRegion) repeats each operation's message for screen readers: a query by text
// finds the message where it is shown. The live region itself is tested by role (a11y.test.tsx).
configure({ defaultIgnore: 'script, style, [data-live-region]' });
