import { readChoice } from '../entry/choice';
import { tallyField, type FieldDef } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, type ValidationContext } from './context';

/**
 * Every 選択 field holds exactly one of its choices; near misses (spaces, width, a closing 。) are read but
 * flagged. The 集計 field keeps the codes of the R2 form's 目標の達成 (`entry.achievement-*`), which
 * 達成状況 counts; any other choice field has `entry.choice-*`.
 */
export function checkAchievementValue(entry: Entry, ctx: ValidationContext): Finding[] {
  const tally = tallyField(ctx.form)?.key;
  const found: Finding[] = [];
  for (const def of ctx.form.fields)
    if (def.kind === 'choice')
      for (const f of checkChoice(entry, def, def.key === tally ? 'entry.achievement' : 'entry.choice'))
        found.push(f);
  return found;
}

/** The rule under its generic name. */
export const checkChoiceValues = checkAchievementValue;

function checkChoice(entry: Entry, def: FieldDef, code: string): Finding[] {
  const raw = fieldText(entry.fields, def.key);
  const choices = def.choices ?? [];
  const reading = readChoice(raw, choices);
  switch (reading.kind) {
    case 'empty':
    case 'exact':
      return [];
    case 'variant':
      return [
        entryFinding(
          `${code}-variant`,
          'warning',
          `${def.label}「${raw.trim()}」を「${reading.value}」と読みました。セルの▼から選び直してください。`,
          entry,
          def.key,
        ),
      ];
    case 'invalid':
      return [
        entryFinding(
          `${code}-invalid`,
          'error',
          entry.otherForm
            ? `${def.label}「${raw.trim()}」は今の様式の選択肢（${choices.map((c) => `「${c}」`).join('')}）にありません。このシートは別の版の様式で作られているため、セルの▼の選択肢が今の様式と違うことがあります。今の選択肢のどれにあたるかを確かめて入力してください（▼に今の選択肢がなければ、今の様式でシートを作り直してください）。`
            : `${def.label}「${raw.trim()}」は選択肢にありません。${choices.map((c) => `「${c}」`).join('')}のいずれかをセルの▼から選んでください。`,
          entry,
          def.key,
        ),
      ];
  }
}
