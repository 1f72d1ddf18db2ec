import type { Severity } from '../domain/finding';

/**
 * Fill colours that mark cells with findings, shared by every adapter so a marked cell looks the same in a
 * saved file and in Excel: Excel's own "light red / yellow / blue" conditional-format fills.
 */
export const MARK_FILLS: Readonly<Record<Severity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The stronger of two severities: a cell with an error and a warning is marked as an error. */
export const strongerSeverity = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b);
