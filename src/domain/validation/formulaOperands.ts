import { fieldNumbers, mixedPercentOperands, numberValue, plainNumberText } from '../entry/fieldValue';
import type { FieldKey, Formula } from '../entry/formDefinition';
import type { Entry } from '../entry/types';
import { evaluateFormula, formulaFields } from '../form/formula';
import type { Finding } from '../finding';
import { entryFinding, quote, type ValidationContext } from './context';

export const PERCENT_MIXED_CODE = 'entry.percent-mixed';
export const ZERO_DIVISOR_CODE = 'entry.zero-divisor';

/** The fields whose value 0 is a divisor of the formula (実績値 / 目標値 with 目標値 0), each once. */
function zeroDivisors(f: Formula, value: (key: FieldKey) => number | undefined): FieldKey[] {
  const keys: FieldKey[] = [];
  const walk = (g: Formula): void => {
    if (g.kind === 'negate') walk(g.operand);
    if (g.kind !== 'binary') return;
    walk(g.left);
    walk(g.right);
    if (g.op === '/' && g.right.kind === 'field' && value(g.right.key) === 0 && !keys.includes(g.right.key))
      keys.push(g.right.key);
  };
  walk(f);
  return keys;
}

/**
 * The numbers a 計算 field (達成率 = 実績値 / 目標値) is computed from, as written:
 * - written in two ways, 「85%」 (0.85) over 「90」, the result would be off a hundredfold: an error at each
 *   % operand, and the field has no value (fieldNumbers), so no 判定 is proposed from it;
 * - a divisor of 0 (目標値 0): the field cannot be computed; a warning at the divisor, since 0 may be right.
 */
export function checkFormulaOperands(entry: Entry, ctx: ValidationContext): Finding[] {
  const found: Finding[] = [];
  const said = new Set<string>();
  let numbers: ReturnType<typeof fieldNumbers> | undefined;
  for (const def of ctx.form.fields) {
    if (def.kind !== 'computed' || !def.formula) continue;
    const mixed = mixedPercentOperands(ctx.form, entry.fields, def);
    if (mixed) {
      const plain = mixed.plain[0]!;
      for (const o of mixed.percent) {
        if (said.has(`${PERCENT_MIXED_CODE}|${o.def.key}`)) continue;
        said.add(`${PERCENT_MIXED_CODE}|${o.def.key}`);
        const bare = o.text.slice(0, -1).trim();
        found.push(
          entryFinding(
            PERCENT_MIXED_CODE,
            'error',
            `${quote(o.def)}は「${o.text}」と % 付き、${quote(plain.def)}は「${plain.text}」と % なしで書かれているため、${quote(def)}を計算できません（「${o.text}」は ${plainNumberText(numberValue(o.text) ?? 0)} と読みます）。同じ書き方にそろえてください（例: ${quote(o.def)}を「${bare}」に）。`,
            entry,
            o.def.key,
          ),
        );
      }
      continue;
    }
    numbers ??= fieldNumbers(ctx.form, entry.fields);
    const value = numbers;
    // Every operand a number, and still no value: a divisor is 0.
    const filled = formulaFields(def.formula.expression).every((k) => value(k) !== undefined);
    if (!filled || evaluateFormula(def.formula.expression, value) !== undefined) continue;
    for (const key of zeroDivisors(def.formula.expression, value)) {
      const divisor = ctx.form.fields.find((f) => f.key === key);
      if (!divisor || said.has(`${ZERO_DIVISOR_CODE}|${key}`)) continue;
      said.add(`${ZERO_DIVISOR_CODE}|${key}`);
      found.push(
        entryFinding(
          ZERO_DIVISOR_CODE,
          'warning',
          `${quote(divisor)}が 0 のため、${quote(def)}（${def.formula.text}）を計算できません。${quote(divisor)}が正しいか確かめてください（0 が正しければ、${quote(def)}は空欄のままになります）。`,
          entry,
          key,
        ),
      );
    }
  }
  return found;
}
