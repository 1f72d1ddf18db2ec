import { assertNever, invariant } from '../../domain/result';
import type { CellRange, ConditionalFormatSpec, ValidationSpec } from '../../domain/template/sheetSpec';
import { blankRuleFormula, VALIDATION_LIMITS } from '../excelConventions';
import { estimateBytes } from './payload';

const rangeOf = (ws: Excel.Worksheet, r: CellRange): Excel.Range =>
  ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

function checkText(text: string, max: number, what: string): string {
  invariant(
    text.length <= max,
    `${what} is ${text.length} characters; Excel allows ${max}: ${text.slice(0, 20)}…`,
  );
  return text;
}

const ALERT_STYLE = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

/** The values that make up a data validation: the same rule, messages and limits as the ExcelJS adapter. */
function validationParts(spec: ValidationSpec): {
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
  ignoreBlanks: boolean;
} {
  const prompt = spec.prompt && {
    showPrompt: true,
    title: checkText(spec.prompt.title, VALIDATION_LIMITS.title, 'prompt title'),
    message: checkText(spec.prompt.message, VALIDATION_LIMITS.message, 'prompt message'),
  };
  // An input message without a rule: the prompt alone, as ExcelScript's DataValidationPrompt example sets
  // it on a cleared range (office-js-docs-reference: excelscript.datavalidationprompt.yml).
  if (spec.kind === 'prompt') return { ...(prompt && { prompt }), ignoreBlanks: true };
  const errorAlert: Excel.DataValidationErrorAlert = {
    showAlert: true,
    style: ALERT_STYLE[spec.error.style] as Excel.DataValidationAlertStyle,
    title: checkText(spec.error.title, VALIDATION_LIMITS.title, 'error title'),
    message: checkText(spec.error.message, VALIDATION_LIMITS.message, 'error message'),
  };
  if (spec.kind === 'list') {
    for (const v of spec.values) invariant(!v.includes(','), `a list value cannot contain a comma: ${v}`);
    const source = checkText(spec.values.join(','), VALIDATION_LIMITS.list, 'list');
    return {
      rule: { list: { inCellDropDown: true, source } },
      errorAlert,
      ...(prompt && { prompt }),
      ignoreBlanks: spec.allowBlank,
    };
  }
  return { rule: ruleOf(spec), errorAlert, ...(prompt && { prompt }), ignoreBlanks: true };
}

const BETWEEN = 'Between' as Excel.DataValidationOperator;

/**
 * The rule of a validation other than a list. Per Excel.DataValidationRule (ExcelApi 1.8): `textLength`
 * and `decimal` take an Excel.BasicDataValidation (formula1/formula2 as numbers, an operator), `date` an
 * Excel.DateTimeDataValidation whose formulas may be ISO 8601 date strings
 * (office-js-docs-reference: excel.datavalidationrule.yml, excel.basicdatavalidation.yml,
 * excel.datetimedatavalidation.yml).
 */
function ruleOf(spec: Exclude<ValidationSpec, { kind: 'list' | 'prompt' }>): Excel.DataValidationRule {
  switch (spec.kind) {
    case 'textLength':
      return {
        textLength: { formula1: spec.max, operator: 'LessThanOrEqualTo' as Excel.DataValidationOperator },
      };
    case 'decimal':
      return { decimal: { formula1: spec.min, formula2: spec.max, operator: BETWEEN } };
    case 'date':
      return { date: { formula1: spec.min, formula2: spec.max, operator: BETWEEN } };
    default:
      return assertNever(spec, 'Unknown validation');
  }
}

export const validationBytes = (spec: ValidationSpec): number => {
  const parts = validationParts(spec);
  return estimateBytes(parts.prompt ? 5 : 4, parts);
};

export function renderValidation(ws: Excel.Worksheet, spec: ValidationSpec): void {
  const { rule, errorAlert, prompt, ignoreBlanks } = validationParts(spec);
  const validation = rangeOf(ws, spec.range).dataValidation;
  // The order office-js#2594 reports working: clear what the range had (a rule set over part of another
  // validated range fails with InvalidArgument), then the rule, the prompt, the error alert.
  validation.clear();
  if (rule) {
    validation.rule = rule;
    validation.ignoreBlanks = ignoreBlanks;
  }
  if (prompt) validation.prompt = prompt;
  if (errorAlert) validation.errorAlert = errorAlert;
}

export const conditionalFormatBytes = (spec: ConditionalFormatSpec): number =>
  estimateBytes(spec.kind === 'blank' ? 3 : 5, spec);

/**
 * `blank` is an expression rule (a custom conditional format) with the shared formula, `dataBar` a solid
 * bar from the lowest to the highest value: the same rules the ExcelJS adapter writes into files.
 */
export function renderConditionalFormat(ws: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const range = rangeOf(ws, spec.range);
  switch (spec.kind) {
    case 'blank': {
      const cf = range.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = `=${blankRuleFormula(spec.range.top, spec.range.left)}`;
      cf.custom.format.fill.color = spec.fill;
      return;
    }
    case 'dataBar': {
      const bar = range.conditionalFormats.add('DataBar' as Excel.ConditionalFormatType).dataBar;
      bar.positiveFormat.fillColor = spec.color;
      bar.positiveFormat.gradientFill = false;
      bar.lowerBoundRule = { type: 'LowestValue' };
      bar.upperBoundRule = { type: 'HighestValue' };
      return;
    }
    default:
      assertNever(spec, 'Unknown conditional format');
  }
}
