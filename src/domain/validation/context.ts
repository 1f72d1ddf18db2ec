import type { FieldDef, FieldKey, FormDefinition, Stage } from '../entry/formDefinition';
import { STANDARD_FORM } from '../entry/formDefinition';
import { entryKeyString, type EntryKey } from '../entry/types';
import { finding, type Finding, type Severity } from '../finding';
import { findItemByCode } from '../plan/findItem';
import { isContributionOf } from '../plan/planItems';
import type { Plan } from '../plan/types';

export interface ValidationContext {
  readonly stage: Stage;
  readonly form: FormDefinition;
  /** Without a plan, the rules that need one (item known, department assigned) are skipped. */
  readonly plan?: Plan;
  /**
   * Entries known to be a department's part of a 全課 item without a plan to say so (entry key strings:
   * the sheet's 実践課 cell reads `保健福祉課（全課【総務課】）`), e.g. a department workbook checked alone.
   */
  readonly contributions?: ReadonlySet<string>;
  /** Per-field soft length limits overriding the form's. */
  readonly maxLength?: Partial<Record<FieldKey, number>>;
}

export const defaultContext = (stage: Stage, plan?: Plan): ValidationContext => ({
  stage,
  form: STANDARD_FORM,
  ...(plan && { plan }),
});

export const entryFinding = (
  code: string,
  severity: Severity,
  message: string,
  entry: EntryKey,
  field?: FieldKey,
): Finding =>
  finding(code, severity, message, {
    code: entry.code,
    department: entry.department,
    seq: entry.seq,
    ...(field && { field }),
  });

/** `「目指す姿」`: field labels in messages are quoted as the sheet prints them. */
export const quote = (def: FieldDef): string => `「${def.label}」`;

/**
 * A department's part of a 全課 item (not the coordinator's sheet): the coordinator owns 目指す姿, 目標 and
 * the achievement; a contributing department writes only what it did, and may leave the sheet blank.
 */
export function isContribution(entry: EntryKey, ctx: ValidationContext): boolean {
  if (ctx.contributions?.has(entryKeyString(entry))) return true;
  if (!ctx.plan) return false;
  const item = findItemByCode(ctx.plan, entry.code)?.item;
  return item !== undefined && isContributionOf(item.assignment, entry.department);
}
