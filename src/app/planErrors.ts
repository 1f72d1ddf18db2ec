import { hasErrors, type Finding } from '../domain/finding';

/**
 * Which part of a 体系 workbook has an error, 体系 first; undefined when neither has one. Sheets are not
 * built and returned workbooks not consolidated until it is fixed, in the CLI and the pane alike: workbooks
 * handed out from a 体系 or 様式 missing its broken rows would lack those items or fields all year.
 */
export function planErrorPart(p: {
  readonly findings: readonly Finding[];
  readonly formFindings: readonly Finding[];
}): '体系' | '様式' | undefined {
  return hasErrors(p.findings) ? '体系' : hasErrors(p.formFindings) ? '様式' : undefined;
}
