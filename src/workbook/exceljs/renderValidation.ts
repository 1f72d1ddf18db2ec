import type { DataValidation, Worksheet } from 'exceljs';
import { assertNever, invariant } from '../../domain/result';
import type { ValidationSpec } from '../../domain/template/sheetSpec';
import { VALIDATION_LIMITS } from '../excelConventions';
import { rangeAddress } from '../../domain/cellAddress';
import { internals } from './internals';

function checkText(text: string, max: number, what: string): string {
  invariant(
    text.length <= max,
    `${what} is ${text.length} characters; Excel allows ${max}: ${text.slice(0, 20)}…`,
  );
  return text;
}

/** A literal list in a validation formula: `"達成できた,一部達成できた,達成できなかった"`. */
function listFormula(values: readonly string[]): string {
  for (const v of values) invariant(!v.includes(','), `a list value cannot contain a comma: ${v}`);
  const joined = values.map((v) => v.replace(/"/g, '""')).join(',');
  return `"${checkText(joined, VALIDATION_LIMITS.list, 'list')}"`;
}

/**
 * One rule for the whole range (`dataValidations.add('C3:C10', …)`): ExcelJS 4.4.0 writes the key as the
 * sqref, so the file holds exactly one rule per range (per-cell rules overlap: exceljs#2820).
 */
export function renderValidation(ws: Worksheet, spec: ValidationSpec): void {
  const { prompt } = spec;
  const promptPart = prompt
    ? {
        showInputMessage: true,
        promptTitle: checkText(prompt.title, VALIDATION_LIMITS.title, 'prompt title'),
        prompt: checkText(prompt.message, VALIDATION_LIMITS.message, 'prompt message'),
      }
    : {};
  if (spec.kind === 'prompt') {
    // ExcelJS's `any` (no type attribute: OOXML's `none`) carries an input message and no rule; its
    // typings leave the type out.
    const any = { type: 'any', formulae: [], ...promptPart } as unknown as DataValidation;
    internals(ws).dataValidations.add(rangeAddress(spec.range), any);
    return;
  }
  const { error } = spec;
  const common: Omit<DataValidation, 'type' | 'formulae'> = {
    showErrorMessage: true,
    errorStyle: error.style,
    errorTitle: checkText(error.title, VALIDATION_LIMITS.title, 'error title'),
    error: checkText(error.message, VALIDATION_LIMITS.message, 'error message'),
    ...promptPart,
  };
  internals(ws).dataValidations.add(rangeAddress(spec.range), { ...common, ...ruleOf(spec) });
}

/** The rule itself. A date rule's bounds go in as Dates: ExcelJS writes them as serials. */
function ruleOf(
  spec: Exclude<ValidationSpec, { kind: 'prompt' }>,
): Pick<DataValidation, 'type' | 'operator' | 'allowBlank' | 'formulae'> {
  switch (spec.kind) {
    case 'list':
      return { type: 'list', allowBlank: spec.allowBlank, formulae: [listFormula(spec.values)] };
    case 'textLength':
      return { type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [spec.max] };
    case 'decimal':
      return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [spec.min, spec.max] };
    case 'date':
      return {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(`${spec.min}T00:00:00Z`), new Date(`${spec.max}T00:00:00Z`)],
      };
    default:
      return assertNever(spec, 'Unknown validation');
  }
}
