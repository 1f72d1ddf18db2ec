import { normalizeKey } from '../text/normalizeKey';
import type { FieldDef } from './formDefinition';

export type ChoiceReading =
  | { readonly kind: 'empty' }
  /** Exactly one of the choices, as written (surrounding spaces aside). */
  | { readonly kind: 'exact'; readonly value: string }
  /** One of the choices once spaces, width and a closing 。 are ignored (`達成 できた`, `Ａ`, `順調。`). */
  | { readonly kind: 'variant'; readonly value: string }
  | { readonly kind: 'invalid' };

const keyOf = (s: string): string => normalizeKey(s).replace(/[。.!！]+$/u, '');

/**
 * Read a 選択 cell against the field's choices. Whole-value comparison only: `一部達成できた` contains
 * `達成できた`, so a substring match would misread it; `一部` alone is not a choice.
 */
export function readChoice(raw: string, choices: readonly string[]): ChoiceReading {
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'empty' };
  const exact = choices.find((c) => c === trimmed);
  if (exact !== undefined) return { kind: 'exact', value: exact };
  const key = keyOf(trimmed);
  const hit = choices.find((c) => keyOf(c) === key);
  return hit !== undefined ? { kind: 'variant', value: hit } : { kind: 'invalid' };
}

/** The choice a cell means, or undefined when empty or not one of the choices. */
export function choiceValue(raw: string, choices: readonly string[]): string | undefined {
  const r = readChoice(raw, choices);
  return r.kind === 'exact' || r.kind === 'variant' ? r.value : undefined;
}

/**
 * The text a view (全体計画, the 報告 sheets, publication) writes for a field: a 選択 as the choice it was read
 * as (「Ａ」 or 「達成 できた」 is counted as 「A」 or 「達成できた」, so every view must say the same); any other
 * text, and a choice that reads as none of the choices, as written (validation says why), so nothing is lost.
 */
export const viewText = (f: FieldDef, text: string): string =>
  f.kind === 'choice' ? (choiceValue(text, f.choices ?? []) ?? text) : text;
