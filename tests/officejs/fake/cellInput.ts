import type { FakeCell, Scalar } from './document';
import { FakeOfficeError } from './errors';

/** Excel refuses more than 32,767 characters in a cell. */
export const CELL_TEXT_LIMIT = 32_767;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?%?$|^[+-]?\.\d+%?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const percent = t.endsWith('%');
  const n = Number(t.replace(/[,%]/g, ''));
  return Number.isFinite(n) ? (percent ? n / 100 : n) : undefined;
}

function parseDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return (ms - EXCEL_EPOCH) / 86_400_000;
}

/**
 * The display text of `=HYPERLINK("…","text")`: the only formula whose result the fake computes (it does not
 * calculate; every other formula's cached value is empty until Excel would compute it).
 */
export function cachedResult(formula: string): Scalar | null {
  const m = /^=HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:,\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(formula);
  if (!m) return null;
  return (m[2] ?? m[1] ?? '').replace(/""/g, '"');
}

/**
 * Write one input of `Range.values` / `Range.formulas` into a cell, as Excel interprets it. A cell formatted
 * as text (`@`) keeps whatever it is given as text. Otherwise, as typed input: `=…` is a formula, and so is
 * text starting with `+` or `-` that is not a number (Excel's documented rule); numeric text becomes a number
 * (`0012` → 12, `50%` → 0.5), `TRUE`/`FALSE` a boolean, an ISO date a date serial; a leading `'` forces text.
 * `null` leaves the cell unchanged and `''` clears it (documented "null input in 2-D arrays").
 * Returns the number format Excel applies on the way (a date format), if any.
 */
export function writeInput(cell: FakeCell, input: unknown, textFormat: boolean): string | undefined {
  if (input === null || input === undefined) return undefined;
  const set = (value: Scalar | null, formula?: string): void => {
    const before = cell.stale ? cell.stale.before : cell.value;
    cell.value = value;
    if (formula === undefined) {
      delete cell.formula;
      delete cell.stale;
    } else {
      cell.formula = formula;
      cell.stale = { before, pending: true }; // settled at the end of the sync (settleWrittenFormulas)
    }
  };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeOfficeError('InvalidArgument', `Not a number: ${input}`);
    set(textFormat ? String(input) : input);
    return undefined;
  }
  if (typeof input === 'boolean') {
    set(textFormat ? (input ? 'TRUE' : 'FALSE') : input);
    return undefined;
  }
  if (typeof input !== 'string')
    throw new FakeOfficeError('InvalidArgument', `Unsupported cell input: ${typeof input}`);
  if (input.length > CELL_TEXT_LIMIT)
    throw new FakeOfficeError('InvalidArgument', 'Text longer than 32,767 characters');
  if (input === '') return void set(null);
  if (textFormat) return void set(input);
  if (input.startsWith("'")) return void set(input.slice(1) === '' ? null : input.slice(1));
  if (input.startsWith('=') && input.length > 1) return void set(cachedResult(input), input);
  const number = parseNumber(input);
  if (number !== undefined) return void set(number);
  if (input.startsWith('+') || input.startsWith('-')) return void set(null, `=${input}`);
  if (/^(true|false)$/i.test(input)) return void set(input.toUpperCase() === 'TRUE');
  const serial = parseDate(input);
  if (serial !== undefined) {
    set(serial);
    return 'yyyy/m/d';
  }
  set(input);
  return undefined;
}
