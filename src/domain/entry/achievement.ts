import { readChoice } from './choice';
import { ACHIEVEMENT_CHOICES, type AchievementChoice } from './formDefinition';

export type AchievementReading =
  | { readonly kind: 'empty' }
  /** Exactly one of the choices, as written. */
  | { readonly kind: 'exact'; readonly value: AchievementChoice }
  /** One of the choices once spaces, width and a closing 。 are ignored (`達成 できた`, `達成できた。`). */
  | { readonly kind: 'variant'; readonly value: AchievementChoice }
  | { readonly kind: 'invalid' };

/** Read a 目標の達成 cell of the R2 form: readChoice over its three choices. */
export const readAchievement = (raw: string): AchievementReading =>
  readChoice(raw, ACHIEVEMENT_CHOICES) as AchievementReading;

/** The choice a cell means, or undefined when empty or not a choice. */
export function achievementValue(raw: string): AchievementChoice | undefined {
  const r = readAchievement(raw);
  return r.kind === 'exact' || r.kind === 'variant' ? r.value : undefined;
}
