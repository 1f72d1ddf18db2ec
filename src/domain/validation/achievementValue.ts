import { readAchievement } from '../entry/achievement';
import { ACHIEVEMENT_CHOICES } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, type ValidationContext } from './context';

const CHOICES = ACHIEVEMENT_CHOICES.map((c) => `「${c}」`).join('');

/** 目標の達成 is exactly one of the three choices; near misses are read but flagged. */
export function checkAchievementValue(entry: Entry, _ctx: ValidationContext): Finding[] {
  const raw = fieldText(entry.fields, 'achievement');
  const reading = readAchievement(raw);
  switch (reading.kind) {
    case 'empty':
    case 'exact':
      return [];
    case 'variant':
      return [
        entryFinding(
          'entry.achievement-variant',
          'warning',
          `目標の達成「${raw.trim()}」を「${reading.value}」と読みました。セルの▼から選び直してください。`,
          entry,
          'achievement',
        ),
      ];
    case 'invalid':
      return [
        entryFinding(
          'entry.achievement-invalid',
          'error',
          `目標の達成「${raw.trim()}」は選択肢にありません。${CHOICES}のいずれかをセルの▼から選んでください。`,
          entry,
          'achievement',
        ),
      ];
  }
}
