import type { FieldDef, FieldKey, FormDefinition, Stage } from '../entry/formDefinition';
import { STANDARD_FORM } from '../entry/formDefinition';
import type { EntryKey } from '../entry/types';
import { finding, type Finding, type Severity } from '../finding';
import type { Plan } from '../plan/types';

export interface ValidationContext {
  readonly stage: Stage;
  readonly form: FormDefinition;
  /** Without a plan, the rules that need one (item known, department assigned) are skipped. */
  readonly plan?: Plan;
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
