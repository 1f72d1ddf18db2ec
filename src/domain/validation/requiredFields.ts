import { requiredFields, STAGE_LABELS } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, isContribution, quote, type ValidationContext } from './context';

/** 計画: 目指す姿・目標・取組内容; 前期: + 前期; 年度末: + 後期・目標の達成・評価・検証. */
export function checkRequiredFields(entry: Entry, ctx: ValidationContext): Finding[] {
  if (isContribution(entry, ctx)) return checkContribution(entry);
  return requiredFields(ctx.form, ctx.stage)
    .filter((def) => fieldText(entry.fields, def.key).trim() === '' && !entry.notOnSheet?.includes(def.key))
    .map((def) =>
      entryFinding(
        'entry.required',
        'error',
        `${quote(def)}が未記入です（${STAGE_LABELS[ctx.stage]}の段階で必要）。${def.guidance}`,
        entry,
        def.key,
      ),
    );
}

/** A 全課 part: nothing is required; a blank one is fine and said so once. */
function checkContribution(entry: Entry): Finding[] {
  const blank = Object.values(entry.fields).every((v) => v.trim() === '');
  return blank
    ? [
        entryFinding(
          'entry.contribution-blank',
          'info',
          '全課の取組です。この課で書くことがなければ空欄のままで構いません（とりまとめ課がまとめます）。',
          entry,
        ),
      ]
    : [];
}
