/**
 * 計算式: arithmetic over other fields of the form, written with their 項目 labels (「実績値 / 目標値」).
 * Parsed once from the 様式 sheet into a Formula (fields by キー), evaluated when checking a filled sheet,
 * and written into the entry sheet as an Excel formula that stays blank until its operands are filled.
 */
import type { FieldKey, Formula } from '../entry/formDefinition';
import { err, ok, type Result } from '../result';

type Token =
  | { readonly kind: 'op'; readonly op: '+' | '-' | '*' | '/'; readonly at: number }
  | { readonly kind: 'open' | 'close'; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'field'; readonly key: FieldKey; readonly at: number };

/** The longest label a reference is tried with (labels are short; this bounds the work on long input). */
const MAX_LABEL = 80;

const OPERATORS: Readonly<Record<string, '+' | '-' | '*' | '/'>> = {
  '+': '+',
  '-': '-',
  '\u2212': '-',
  '*': '*',
  '\u00D7': '*',
  '/': '/',
  '\u00F7': '/',
};

const isSpace = (ch: string): boolean => /\s|\u3000/u.test(ch);
const fold = (ch: string): string => ch.normalize('NFKC');

/** Characters that end an unknown name in an error message. */
const isBoundary = (ch: string): boolean =>
  isSpace(ch) || fold(ch) in OPERATORS || fold(ch) === '(' || fold(ch) === ')';

function tokenize(
  text: string,
  resolve: (label: string) => FieldKey | undefined,
): Result<readonly Token[], string> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (isSpace(ch)) {
      i += 1;
      continue;
    }
    const ref = longestReference(text, i, resolve);
    if (ref) {
      tokens.push({ kind: 'field', key: ref.key, at: i });
      i = ref.end;
      continue;
    }
    const f = fold(ch);
    const op = OPERATORS[f];
    if (op) {
      tokens.push({ kind: 'op', op, at: i });
      i += 1;
    } else if (f === '(' || f === ')') {
      tokens.push({ kind: f === '(' ? 'open' : 'close', at: i });
      i += 1;
    } else if (/[0-9.]/.test(f)) {
      const number = readNumber(text, i);
      if (!number.ok) return number;
      tokens.push({ kind: 'number', value: number.value.value, at: i });
      i = number.value.end;
    } else {
      let end = i;
      while (end < text.length && !isBoundary(text[end] ?? '')) end += 1;
      return err(
        `計算式の「${text.slice(i, end)}」は様式の項目にありません。ほかの行の項目名で書いてください。`,
      );
    }
  }
  return ok(tokens);
}

/** The longest run from `start` that names a field (labels may hold spaces and parentheses). */
function longestReference(
  text: string,
  start: number,
  resolve: (label: string) => FieldKey | undefined,
): { key: FieldKey; end: number } | undefined {
  for (let end = Math.min(text.length, start + MAX_LABEL); end > start; end--) {
    const label = text.slice(start, end).trim();
    if (label.length === 0 || label.length < end - start) continue;
    const key = resolve(label);
    if (key !== undefined) return { key, end };
  }
  return undefined;
}

/** Digits (全角 too), one decimal point, optional `,` grouping, an optional trailing `%` (100% is 1). */
function readNumber(text: string, start: number): Result<{ value: number; end: number }, string> {
  let end = start;
  let digits = '';
  while (end < text.length && /[0-9.,]/.test(fold(text[end] ?? ''))) {
    const f = fold(text[end] ?? '');
    if (f !== ',') digits += f;
    end += 1;
  }
  const value = Number(digits);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(digits) || !Number.isFinite(value))
    return err(`計算式の数「${text.slice(start, end)}」が読めません。`);
  if (end < text.length && fold(text[end] ?? '') === '%') return ok({ value: value / 100, end: end + 1 });
  return ok({ value, end });
}

/**
 * Read a 計算式. `resolve` maps a 項目 label (as written, trimmed) to its field's key, or undefined; a
 * reference is the longest run of text that resolves, so labels may hold spaces and parentheses. Errors
 * are Japanese and say what to fix.
 */
export function parseFormula(
  text: string,
  resolve: (label: string) => FieldKey | undefined,
): { ok: true; value: Formula } | { ok: false; error: string } {
  if (text.trim().length === 0) return err('計算式が空です。「実績値 / 目標値」のように書いてください。');
  const tokens = tokenize(text, resolve);
  if (!tokens.ok) return tokens;
  const parser = new Parser(tokens.value, text);
  const expression = parser.expression();
  if (!expression.ok) return expression;
  const rest = parser.peek();
  if (rest)
    return err(
      rest.kind === 'close'
        ? '計算式の「)」に対応する「(」がありません。'
        : `計算式の「${text.slice(rest.at).trim()}」の前に演算子（+ - * /）がありません。`,
    );
  return ok(expression.value);
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  expression(): Result<Formula, string> {
    return this.binary(['+', '-'], () => this.binary(['*', '/'], () => this.unary()));
  }

  private binary(ops: readonly string[], operand: () => Result<Formula, string>): Result<Formula, string> {
    let left = operand();
    for (;;) {
      if (!left.ok) return left;
      const t = this.peek();
      if (t?.kind !== 'op' || !ops.includes(t.op)) return left;
      this.index += 1;
      const right = operand();
      if (!right.ok) return right;
      left = ok({ kind: 'binary', op: t.op, left: left.value, right: right.value });
    }
  }

  private unary(): Result<Formula, string> {
    const t = this.peek();
    if (t?.kind === 'op' && (t.op === '-' || t.op === '+')) {
      this.index += 1;
      const operand = this.unary();
      if (!operand.ok || t.op === '+') return operand;
      return ok({ kind: 'negate', operand: operand.value });
    }
    return this.primary();
  }

  private primary(): Result<Formula, string> {
    const t = this.peek();
    if (!t) return err(`計算式「${this.text.trim()}」が途中で終わっています。`);
    this.index += 1;
    if (t.kind === 'number') return ok({ kind: 'number', value: t.value });
    if (t.kind === 'field') return ok({ kind: 'field', key: t.key });
    if (t.kind === 'open') {
      const inner = this.expression();
      if (!inner.ok) return inner;
      if (this.peek()?.kind !== 'close') return err('計算式の「(」に対応する「)」がありません。');
      this.index += 1;
      return inner;
    }
    return err(`計算式の「${this.text.slice(t.at).trim()}」の前に項目名か数がありません。`);
  }
}

/** The value of a formula, or undefined when an operand is missing or a divisor is zero. */
export function evaluateFormula(
  f: Formula,
  value: (key: FieldKey) => number | undefined,
): number | undefined {
  switch (f.kind) {
    case 'number':
      return f.value;
    case 'field': {
      const v = value(f.key);
      return v !== undefined && Number.isFinite(v) ? v : undefined;
    }
    case 'negate': {
      const v = evaluateFormula(f.operand, value);
      return v === undefined ? undefined : -v;
    }
    case 'binary': {
      const l = evaluateFormula(f.left, value);
      const r = evaluateFormula(f.right, value);
      if (l === undefined || r === undefined) return undefined;
      if (f.op === '+') return l + r;
      if (f.op === '-') return l - r;
      if (f.op === '*') return l * r;
      return r === 0 ? undefined : l / r;
    }
  }
}

/** The keys a formula reads, each once, in the order they are written. */
export function formulaFields(f: Formula): readonly FieldKey[] {
  const keys: FieldKey[] = [];
  const walk = (g: Formula): void => {
    if (g.kind === 'field') {
      if (!keys.includes(g.key)) keys.push(g.key);
    } else if (g.kind === 'negate') walk(g.operand);
    else if (g.kind === 'binary') {
      walk(g.left);
      walk(g.right);
    }
  };
  walk(f);
  return keys;
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

function excelExpression(f: Formula, cellOf: (key: FieldKey) => string): string {
  switch (f.kind) {
    case 'number':
      return String(f.value);
    case 'field':
      return cellOf(f.key);
    case 'negate':
      return `-${excelOperand(f.operand, cellOf, 3, false)}`;
    case 'binary': {
      const p = PRECEDENCE[f.op];
      const tight = f.op === '-' || f.op === '/';
      const rightSide = excelOperand(f.right, cellOf, p, tight || f.right.kind === 'negate');
      return `${excelOperand(f.left, cellOf, p, false)}${f.op}${rightSide}`;
    }
  }
}

function excelOperand(f: Formula, cellOf: (key: FieldKey) => string, outer: number, right: boolean): string {
  const inner = excelExpression(f, cellOf);
  if (f.kind === 'negate') return right ? `(${inner})` : inner;
  if (f.kind !== 'binary') return inner;
  const p = PRECEDENCE[f.op];
  return p < outer || (right && p === outer) ? `(${inner})` : inner;
}

/**
 * The formula as Excel writes it (without `=`): "" while an operand is blank, and "" instead of an error, e.g.
 * `IFERROR(IF(OR(D10="",D9=""),"",D10/D9),"")`. The blank guard is needed because Excel reads a blank cell as
 * 0 (a rate of 0%, not blank). IFERROR covers the rest: a divisor of 0 (#DIV/0!) and an operand holding text
 * such as 「約100」 (#VALUE!), which validation already reports on its cell, while numeric text (「100」 stored as
 * text) still computes, as Excel coerces it. It wraps the guard too, so an operand cell holding an error value
 * is blank as well. IFERROR is Excel 2007's (no _xlfn prefix) and LibreOffice's.
 */
export function formulaToExcel(f: Formula, cellOf: (key: FieldKey) => string): string {
  if (divisorIsLiteralZero(f)) return '""';
  const body = excelExpression(f, cellOf);
  const blanks = formulaFields(f).map((k) => `${cellOf(k)}=""`);
  return blanks.length === 0 ? body : `IFERROR(IF(OR(${blanks.join(',')}),"",${body}),"")`;
}

function divisorIsLiteralZero(f: Formula): boolean {
  if (f.kind === 'negate') return divisorIsLiteralZero(f.operand);
  if (f.kind !== 'binary') return false;
  if (f.op === '/' && f.right.kind === 'number' && f.right.value === 0) return true;
  return divisorIsLiteralZero(f.left) || divisorIsLiteralZero(f.right);
}
