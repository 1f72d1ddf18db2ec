import { assertNever, invariant } from '../../domain/result';
import type { ConditionalFormatSpec, ValidationSpec } from '../../domain/template/sheetSpec';
import { rangeAddress } from '../../domain/cellAddress';
import { isoDateToSerial } from '../../domain/entry/fieldValue';
import { argb } from '../a1';
import { blankRuleFormula, VALIDATION_LIMITS } from '../excelConventions';
import type { Styles } from './xlsxTables';
import { xmlText } from './xmlParts';

/** A date rule's bound (ISO) as the serial number the file holds. */
function dateSerial(iso: string): number {
  const serial = isoDateToSerial(iso);
  invariant(serial !== undefined, `a date rule's bound must be an ISO date: ${iso}`);
  return serial;
}

/** A data validation's XML, its texts checked against Excel's limits. */
export function validationXml(v: ValidationSpec): string {
  const check = (text: string, max: number, what: string) => {
    invariant(
      text.length <= max,
      `${what} is ${text.length} characters; Excel allows ${max}: ${text.slice(0, 20)}…`,
    );
    return xmlText(text);
  };
  const { prompt } = v;
  const promptXml = prompt
    ? ` showInputMessage="1" promptTitle="${check(prompt.title, VALIDATION_LIMITS.title, 'prompt title')}" prompt="${check(prompt.message, VALIDATION_LIMITS.message, 'prompt message')}"`
    : '';
  // No rule, only the input message: no type attribute (OOXML's default `none`), as ExcelJS writes `any`.
  if (v.kind === 'prompt') return `<dataValidation${promptXml} sqref="${rangeAddress(v.range)}"/>`;
  const { error } = v;
  const messages =
    ` showErrorMessage="1" errorStyle="${error.style}"` +
    ` errorTitle="${check(error.title, VALIDATION_LIMITS.title, 'error title')}" error="${check(error.message, VALIDATION_LIMITS.message, 'error message')}"` +
    promptXml;
  switch (v.kind) {
    case 'list': {
      for (const value of v.values)
        invariant(!value.includes(','), `a list value cannot contain a comma: ${value}`);
      const joined = v.values.map((value) => value.replace(/"/g, '""')).join(',');
      invariant(
        joined.length <= VALIDATION_LIMITS.list,
        `list is ${joined.length} characters; Excel allows ${VALIDATION_LIMITS.list}: ${joined.slice(0, 20)}…`,
      );
      const formula = `"${joined}"`;
      return `<dataValidation type="list"${v.allowBlank ? ' allowBlank="1"' : ''}${messages} sqref="${rangeAddress(v.range)}"><formula1>${xmlText(formula)}</formula1></dataValidation>`;
    }
    case 'textLength':
      return `<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1"${messages} sqref="${rangeAddress(v.range)}"><formula1>${v.max}</formula1></dataValidation>`;
    case 'decimal':
      return `<dataValidation type="decimal" allowBlank="1"${messages} sqref="${rangeAddress(v.range)}"><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
    case 'date':
      return `<dataValidation type="date" allowBlank="1"${messages} sqref="${rangeAddress(v.range)}"><formula1>${dateSerial(v.min)}</formula1><formula2>${dateSerial(v.max)}</formula2></dataValidation>`;
    default:
      return assertNever(v, 'Unknown validation');
  }
}

/** A conditional format's XML; `priority` counts from 1 in each sheet. */
export function conditionalFormatXml(cf: ConditionalFormatSpec, priority: number, styles: Styles): string {
  switch (cf.kind) {
    case 'blank':
      return `<conditionalFormatting sqref="${rangeAddress(cf.range)}"><cfRule type="expression" dxfId="${styles.dxfFill(cf.fill)}" priority="${priority}"><formula>${xmlText(blankRuleFormula(cf.range.top, cf.range.left))}</formula></cfRule></conditionalFormatting>`;
    case 'dataBar':
      return `<conditionalFormatting sqref="${rangeAddress(cf.range)}"><cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(cf.color)}"/></dataBar></cfRule></conditionalFormatting>`;
    default:
      return assertNever(cf, 'Unknown conditional format');
  }
}
