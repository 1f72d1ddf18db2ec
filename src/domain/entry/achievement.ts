import { normalizeKey } from '../text/normalizeKey';
import { ACHIEVEMENT_CHOICES, type AchievementChoice } from './formDefinition';

export type AchievementReading =
  | { readonly kind: 'empty' }
  /** Exactly one of the choices, as written. */
  | { readonly kind: 'exact'; readonly value: AchievementChoice }
  /** One of the choices once spaces, width and a closing 。 are ignored (`達成 できた`, `達成できた。`). */
  | { readonly kind: 'variant'; readonly value: AchievementChoice }
  | { readonly kind: 'invalid' };

const keyOf = (s: string): string => normalizeKey(s).replace(/[。.!！]+$/u, '');
const CHOICE_KEYS = ACHIEVEMENT_CHOICES.map((c) => [keyOf(c), c] as const);

/**
 * Read a 目標の達成 cell. Whole-value comparison only: `一部達成できた` contains `達成できた`, so a
 * substring match would misread it; `一部` alone is not a choice.
 */
export function readAchievement(raw: string): AchievementReading {
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'empty' };
  const exact = ACHIEVEMENT_CHOICES.find((c) => c === trimmed);
  if (exact) return { kind: 'exact', value: exact };
  const key = keyOf(trimmed);
  const hit = CHOICE_KEYS.find(([k]) => k === key);
  return hit ? { kind: 'variant', value: hit[1] } : { kind: 'invalid' };
}

/** The choice a cell means, or undefined when empty or not a choice. */
export function achievementValue(raw: string): AchievementChoice | undefined {
  const r = readAchievement(raw);
  return r.kind === 'exact' || r.kind === 'variant' ? r.value : undefined;
}
