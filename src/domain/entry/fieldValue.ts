import { perObject } from '../memo';
import { evaluateFormula, formulaFields } from '../form/formula';
import type { FieldDef, FieldKey, FormDefinition } from './formDefinition';
import { fieldText, type EntryFields } from './types';

/**
 * What a 数値 or 日付 cell means. Entry.fields keeps text (what was in the cell); these readings say
 * whether that text is a number or a date, and which.
 */
export type NumberReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  /** Text that is not a plain number: 「約100」, 「100件」, 「1,00」. */
  | { readonly kind: 'invalid' };

export type DateReading =
  | { readonly kind: 'empty' }
  /** `2021-04-01`. */
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'invalid' };

/** Every minus people type (－ ‐ − …) and plus (＋), after NFKC. */
const MINUS = /^[-\u2010\u2011\u2012\u2013\u2014\u2212\uFE63\uFF0D]/u;
const PLAIN = /^(\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+(?:\.\d*)?)$/;

/**
 * Read a number as people type it: 全角 digits, 「,」/「，」 grouping (in groups of three), a leading ＋/－/-,
 * a trailing % (85% is 0.85). Anything else — 「約100」, 「100件」, 「1e3」 — is invalid: the cell should hold
 * the number alone.
 */
export function readNumber(raw: string): NumberReading {
  let text = raw.normalize('NFKC').trim();
  if (text === '') return { kind: 'empty' };
  let sign = 1;
  if (MINUS.test(text)) {
    sign = -1;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  let scale = 1;
  if (text.endsWith('%')) {
    scale = 0.01;
    text = text.slice(0, -1).trim();
  }
  if (!PLAIN.test(text) && !GROUPED.test(text)) return { kind: 'invalid' };
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  // 85% → 0.85 without 0.8500000000000001: scale in decimal, not binary.
  return { kind: 'number', value: sign * (scale === 1 ? value : Number((value * scale).toPrecision(15))) };
}

/** A 計算 field's value as people read it: 0.78 → 78%, one decimal at most (0.9444 → 94.4%). */
export const computedPercentText = (n: number): string => `${Number((n * 100).toFixed(1))}%`;

/** The number a cell's text means, or undefined when empty or not a number. */
export function numberValue(raw: string): number | undefined {
  const r = readNumber(raw);
  return r.kind === 'number' ? r.value : undefined;
}

/**
 * A number as plain decimal text, as Entry.fields keeps a number cell: no exponent (1e21 →
 * `1000000000000000000000`), no grouping, at most 15 significant digits as Excel keeps them (0.1 + 0.2 →
 * `0.3`).
 */
export function plainNumberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Number(n.toPrecision(15));
  if (rounded === 0) return '0';
  const [mantissa = '', exponent = '0'] = rounded.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/[-.]/g, '');
  const point = Number(exponent) + 1;
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? `${digits}${'0'.repeat(point - digits.length)}`
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${negative ? '-' : ''}${body}`;
}

/** 和暦: the Gregorian year of an era's first year (令和元年 = 2019). */
const ERAS: readonly (readonly [RegExp, number])[] = [
  [/^(令和|R)/iu, 2018],
  [/^(平成|H)/iu, 1988],
  [/^(昭和|S)/iu, 1925],
];

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoOf(year: number, month: number, day: number): DateReading {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return { kind: 'invalid' };
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { kind: 'invalid' };
  return { kind: 'date', iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** The last serial Excel shows as a date (9999-12-31). */
const MAX_SERIAL = 2_958_465;

/** An Excel serial date (1900 system: 1 is 1900-01-01, 60 the 1900-02-29 Excel believes in). */
export function serialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return undefined;
  const ms = Date.UTC(1899, 11, whole < 60 ? 31 : 30) + whole * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** A date cell as every reader gives it: ISO, with the time of day when it has one. */
const DATE_CELL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * A date cell's value (`2020-09-30`, `2020-09-30T09:30:00`) as people here write a date (`2020/9/30`,
 * `2020/9/30 9:30`), for a cell read into a 文章 field: the readers give dates as ISO, which is right for a
 * 日付 field (readDate) but not text a department wrote. A time alone (day 0 of Excel's calendar) is `9:30`.
 * Undefined for any other text, which stays as written.
 */
export function dateCellText(value: string): string | undefined {
  const m = DATE_CELL.exec(value);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second] = m;
  const time = hour === undefined ? '' : `${Number(hour)}:${minute}${second === '00' ? '' : `:${second}`}`;
  if (`${year}-${month}-${day}` === '1899-12-30') return time === '' ? undefined : time;
  const date = `${Number(year)}/${Number(month)}/${Number(day)}`;
  return time === '' ? date : `${date} ${time}`;
}

/** An ISO date (`2021-04-01`) as an Excel serial number (1900 system), for a date cell's value. */
export function isoDateToSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const days = Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days < 61 ? days - 1 : days;
}

/**
 * Read a date as it comes from a cell or as people type it: an Excel serial number (44287), ISO text
 * (2021-04-01, what a date cell reads as), 2021/4/1, 2021.4.1, 2021年4月1日, and 和暦 R3.4.1, R3/4/1,
 * 令和3年4月1日, 令和元年5月1日 (also 平成, 昭和). A day that does not exist (2021/2/30) is invalid.
 */
export function readDate(raw: string): DateReading {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  if (text === '') return { kind: 'empty' };
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return isoOf(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (/^\d+(\.\d+)?$/.test(text)) {
    const iso = serialToIsoDate(Number(text));
    return iso ? { kind: 'date', iso } : { kind: 'invalid' };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(T[\d:.]+Z?)?$/.exec(text);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const western = /^(\d{4})(?:[/.-](\d{1,2})[/.-](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/.exec(text);
  if (western)
    return isoOf(Number(western[1]), Number(western[2] ?? western[4]), Number(western[3] ?? western[5]));
  for (const [era, base] of ERAS) {
    const m = era.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    const parts = /^(\d{1,2}|元)(?:[/.-](\d{1,2})[/.-](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/u.exec(rest);
    if (!parts) return { kind: 'invalid' };
    const year = parts[1] === '元' ? 1 : Number(parts[1]);
    return isoOf(base + year, Number(parts[2] ?? parts[4]), Number(parts[3] ?? parts[5]));
  }
  return { kind: 'invalid' };
}

/** A form's fields by key, made once per form: every entry of a run reads its numbers. */
const defsByKey = perObject(
  (form: FormDefinition): ReadonlyMap<FieldKey, FieldDef> => new Map(form.fields.map((f) => [f.key, f])),
);

/** A number operand of a 計算 field as written: its field and its text (NFKC, trimmed). */
export interface WrittenOperand {
  readonly def: FieldDef;
  readonly text: string;
}

/** Whether a number was written as a percentage (85% is read as 0.85). */
const isPercentText = (text: string): boolean => text.endsWith('%');

/**
 * The 数値 operands of a 計算 field written in two ways, some with % and some without (実績値 「85%」, read
 * as 0.85, over 目標値 「90」): the result would be off a hundredfold, so the field has no value and the rules
 * ask for one way of writing (checkFormulaOperands). Undefined when the operands agree or some are not
 * numbers.
 */
export function mixedPercentOperands(
  form: FormDefinition,
  fields: EntryFields,
  computed: FieldDef,
): { readonly percent: readonly WrittenOperand[]; readonly plain: readonly WrittenOperand[] } | undefined {
  if (!computed.formula) return undefined;
  const byKey = defsByKey(form);
  const percent: WrittenOperand[] = [];
  const plain: WrittenOperand[] = [];
  for (const key of formulaFields(computed.formula.expression)) {
    const def = byKey.get(key);
    // A 割合 is a percentage however it is written (80% or a 0.0% cell's 0.8): never mixed.
    if (def?.kind !== 'number' || def.percent) continue;
    const text = fieldText(fields, key).normalize('NFKC').trim();
    if (readNumber(text).kind !== 'number') continue;
    (isPercentText(text) ? percent : plain).push({ def, text });
  }
  return percent.length > 0 && plain.length > 0 ? { percent, plain } : undefined;
}

/**
 * The numbers of an entry by key: 数値 fields read from their text (readNumber), 計算 fields evaluated
 * from them (evaluateFormula; a 計算 field's own text is never used: the sheet's cell is recomputed);
 * undefined for an empty or unreadable number, a formula missing an operand or dividing by zero, one whose
 * operands mix 85% and 90 (mixedPercentOperands), and for every other kind.
 */
export function fieldNumbers(
  form: FormDefinition,
  fields: EntryFields,
): (key: FieldKey) => number | undefined {
  const byKey = defsByKey(form);
  let computing: Set<FieldKey> | undefined;
  const value = (key: FieldKey): number | undefined => {
    const def = byKey.get(key);
    if (!def) return undefined;
    if (def.kind === 'number') return numberValue(fieldText(fields, key));
    if (def.kind !== 'computed' || !def.formula || computing?.has(key)) return undefined;
    if (mixedPercentOperands(form, fields, def)) return undefined;
    computing ??= new Set<FieldKey>();
    computing.add(key);
    try {
      return evaluateFormula(def.formula.expression, value);
    } finally {
      computing.delete(key);
    }
  };
  return value;
}
