import type { KeyboardEvent } from 'react';

/**
 * True while an IME is composing (Japanese input): Enter then confirms the conversion and must not act.
 * keyCode 229 covers browsers that report the composing keydown without `isComposing`.
 */
export const isComposing = (event: KeyboardEvent): boolean =>
  event.nativeEvent.isComposing || event.keyCode === 229;

/** A keydown handler that runs `action` on Enter, never during IME composition. */
export const onEnter =
  (action: () => void) =>
  (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || isComposing(event)) return;
    event.preventDefault();
    action();
  };
