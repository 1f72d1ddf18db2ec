import { plainNumberText } from '../entry/fieldValue';
import type { OpenDataTable } from './openDataTable';

/** The byte order mark that starts the file: Excel reads the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/** A cell as CSV: numbers plain (no exponent, no grouping); text quoted when it holds a comma, quote or line break. */
function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? plainNumberText(value) : value.replace(/\r\n?/g, '\n');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV text (RFC 4180), starting with the BOM: saved as UTF-8 (the caller encodes it), Excel
 * reads the Japanese. Records end with CRLF; a line break inside a cell stays inside its quotes.
 */
export function encodeCsv(table: OpenDataTable): string {
  const lines = [table.header, ...table.rows].map((row) => `${row.map(csvCell).join(',')}\r\n`);
  return BOM + lines.join('');
}
