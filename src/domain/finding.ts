import type { FieldKey } from './entry/formDefinition';

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding points. Every part is optional: a plan row has no file, a file-level problem has no cell. */
export interface Place {
  readonly file?: string;
  readonly sheet?: string;
  /** A1-style address, e.g. "C5". */
  readonly cell?: string;
  /** 0-based row/column in the grid the finding was made from (e.g. the 体系 table). */
  readonly row?: number;
  readonly column?: number;
  readonly code?: string;
  readonly department?: string;
  readonly seq?: number;
  readonly field?: FieldKey;
}

/** A problem found in input, with a Japanese message a department can act on (shape: Frictionless's report). */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly place: Place;
}

export const finding = (code: string, severity: Severity, message: string, place: Place = {}): Finding => ({
  code,
  severity,
  message,
  place,
});

/**
 * A finding as one line of text where it cannot be shown beside its place (a refusal's message):
 * 「「様式」シートのD6: 「目標値」の種類…」. The message itself never names its sheet and cell: the pane and
 * the CLI show them beside it.
 */
export function placedMessage(f: Finding): string {
  const { sheet, cell } = f.place;
  const where =
    sheet !== undefined ? `「${sheet}」シート${cell !== undefined ? `の${cell}` : ''}` : (cell ?? '');
  return where === '' ? f.message : `${where}: ${f.message}`;
}

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'error');

export const countBySeverity = (findings: readonly Finding[]): Readonly<Record<Severity, number>> => {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
};
