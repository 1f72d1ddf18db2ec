import { requiredFields, stageIndex, STAGE_LABELS, type FieldDef, type Stage } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, isContribution, quote, type ValidationContext } from './context';

/** 計画: 目指す姿・目標・取組内容; 前期: + 前期; 年度末: + 後期・目標の達成・評価・検証. */
export function checkRequiredFields(entry: Entry, ctx: ValidationContext): Finding[] {
  if (isContribution(entry, ctx)) return checkContribution(entry);
  const blank = requiredFields(ctx.form, ctx.stage).filter(
    (def) => fieldText(entry.fields, def.key).trim() === '' && !entry.notOnSheet?.includes(def.key),
  );
  if (blank.length === 0) return [];
  // The next field (the row below, as the sheet lays the form out) is of a later stage and holds text while
  // this one is blank: 前期 written into 後期's row in October.
  const aheadOf = (def: FieldDef): FieldDef | undefined => {
    const next = ctx.form.fields[ctx.form.fields.indexOf(def) + 1];
    return def.kind === 'text' &&
      next?.kind === 'text' &&
      next.requiredFrom !== 'optional' &&
      stageIndex(next.requiredFrom) > stageIndex(ctx.stage) &&
      fieldText(entry.fields, next.key).trim() !== ''
      ? next
      : undefined;
  };
  return blank.map((def) => {
    const ahead = aheadOf(def);
    return entryFinding(
      'entry.required',
      'error',
      `${quote(def)}が未記入です（${STAGE_LABELS[ctx.stage]}の段階で必要）。${def.guidance}${
        ahead
          ? `${STAGE_LABELS[ahead.requiredFrom as Stage]}に書く${quote(ahead)}に記入があります。書く欄を間違えていれば、${quote(def)}に移してください。`
          : ''
      }`,
      entry,
      def.key,
    );
  });
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
