import { describe, expect, it } from 'vitest';
import type { Formula } from '../entry/formDefinition';
import { normalizeKey } from '../text/normalizeKey';
import { evaluateFormula, formulaFields, formulaToExcel, parseFormula } from './formula';

const LABELS: Record<string, string> = {
  実績値: 'actual',
  目標値: 'target',
  基準値: 'base',
  '前期 (4～9月)': 'firstHalf',
  前期: 'first',
};
const byKey = new Map(Object.entries(LABELS).map(([label, key]) => [normalizeKey(label), key]));
const resolve = (label: string): string | undefined => byKey.get(normalizeKey(label));

const parse = (text: string): Formula => {
  const r = parseFormula(text, resolve);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const values: Record<string, number | undefined> = {
  actual: 80,
  target: 100,
  base: 40,
  firstHalf: 3,
  first: 5,
};
const evaluate = (text: string, v = values): number | undefined => evaluateFormula(parse(text), (k) => v[k]);

describe('parseFormula', () => {
  it.each([
    ['実績値 / 目標値', 0.8],
    ['実績値/目標値', 0.8],
    ['（実績値 － 基準値）／（目標値 － 基準値）', 40 / 60],
    ['実績値 - 基準値 * 2', 0],
    ['(実績値 - 基準値) * 2', 80],
    ['-実績値 + 100', 20],
    ['実績値 / 目標値 * 100%', 0.8],
    ['１００ * 実績値 / 目標値', 80],
    ['1,000 - 目標値', 900],
    ['50% * 目標値', 50],
    ['目標値 - 実績値 - 基準値', -20],
    ['目標値 / 2 / 5', 10],
    ['実績値 × 2 ÷ 目標値', 1.6],
  ])('%s evaluates to %s', (text, expected) => {
    expect(evaluate(text)).toBeCloseTo(expected);
  });

  it('takes the longest label that names a field (labels with spaces and parentheses)', () => {
    expect(parse('前期 (4～9月) + 前期')).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'field', key: 'firstHalf' },
      right: { kind: 'field', key: 'first' },
    });
  });

  it.each([
    ['', '空'],
    ['実績 / 目標値', '「実績」は様式の項目にありません'],
    ['実績値 /', '途中で終わって'],
    ['(実績値 / 目標値', '「)」がありません'],
    ['実績値 / 目標値)', '「(」がありません'],
    ['実績値 目標値', '演算子'],
    ['実績値 / * 目標値', '項目名か数がありません'],
    ['1.2.3 * 実績値', '数「1.2.3」'],
  ])('%j is refused with a Japanese message (%s)', (text, part) => {
    const r = parseFormula(text, resolve);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(part);
  });
});

describe('evaluateFormula', () => {
  it('is undefined when an operand is missing or a divisor is zero', () => {
    expect(evaluate('実績値 / 目標値', { ...values, actual: undefined })).toBeUndefined();
    expect(evaluate('実績値 / 目標値', { ...values, target: 0 })).toBeUndefined();
    expect(evaluate('実績値 / (目標値 - 100)')).toBeUndefined();
    expect(evaluate('実績値 / 目標値', { ...values, actual: 0 })).toBe(0);
  });
});

describe('formulaToExcel', () => {
  const cells: Record<string, string> = { actual: 'D10', target: 'D9', base: 'D8' };
  const excel = (text: string): string => formulaToExcel(parse(text), (k) => cells[k] ?? '?');
  it.each([
    ['実績値 / 目標値', 'IFERROR(IF(OR(D10="",D9=""),"",D10/D9),"")'],
    ['(実績値 - 基準値) / (目標値 - 基準値)', 'IFERROR(IF(OR(D10="",D8="",D9=""),"",(D10-D8)/(D9-D8)),"")'],
    ['実績値 - (目標値 - 基準値)', 'IFERROR(IF(OR(D10="",D9="",D8=""),"",D10-(D9-D8)),"")'],
    ['実績値 / 2', 'IFERROR(IF(OR(D10=""),"",D10/2),"")'],
    ['-(実績値 + 目標値) * 50%', 'IFERROR(IF(OR(D10="",D9=""),"",-(D10+D9)*0.5),"")'],
    ['1 + 2 * 3', '1+2*3'],
    ['実績値 - -目標値', 'IFERROR(IF(OR(D10="",D9=""),"",D10-(-D9)),"")'],
    ['(1 + 2) * 3', '(1+2)*3'],
    ['実績値 / 0', '""'],
  ])('%s → %s', (text, expected) => {
    expect(excel(text)).toBe(expected);
  });

  it('lists the fields it reads once each', () => {
    expect(formulaFields(parse('実績値 / 目標値 + 実績値'))).toEqual(['actual', 'target']);
  });
});
