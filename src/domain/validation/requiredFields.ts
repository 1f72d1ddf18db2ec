import { requiredFields, STAGE_LABELS } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import type { Finding } from '../finding';
import { entryFinding, quote, type ValidationContext } from './context';

/** 計画: 目指す姿・目標・取組内容; 前期: + 前期; 年度末: + 後期・目標の達成・評価・検証. */
export function checkRequiredFields(entry: Entry, ctx: ValidationContext): Finding[] {
  return requiredFields(ctx.form, ctx.stage)
    .filter((def) => entry.fields[def.key].trim() === '')
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
