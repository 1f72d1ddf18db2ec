import { describe, expect, it } from 'vitest';
import { KPI_FORM, kpiEntry } from '../../../tests/helpers/kpiForm';
import { fieldNumbers } from '../entry/fieldValue';
import { defaultContext, type ValidationContext } from './context';
import { checkFormulaOperands } from './formulaOperands';
import { validateEntries } from './validateEntries';

const ctx: ValidationContext = { ...defaultContext('year-end'), form: KPI_FORM };

describe('checkFormulaOperands (達成率 = 実績値 / 目標値)', () => {
  const run = (fields: Partial<Record<string, string>>) =>
    checkFormulaOperands(kpiEntry(fields), ctx).map((f) => [f.code, f.severity, f.place.field]);
  it.each([
    ['numbers written alike', { target: '90', actual: '85' }, []],
    ['both with %', { target: '90%', actual: '85%' }, []],
    [
      '実績値 with %, 目標値 without',
      { target: '90', actual: '85%' },
      [['entry.percent-mixed', 'error', 'actual']],
    ],
    [
      '目標値 with %, 実績値 without',
      { target: '90％', actual: '85' },
      [['entry.percent-mixed', 'error', 'target']],
    ],
    ['an unreadable operand (its own rule speaks)', { target: '90', actual: '約85%' }, []],
    ['目標値 0', { target: '0', actual: '3' }, [['entry.zero-divisor', 'warning', 'target']]],
    ['目標値 0 and 実績値 missing (未記入 speaks)', { target: '0', actual: '' }, []],
    ['a 基準値 with % is not an operand', { baseline: '50%', target: '90', actual: '85' }, []],
  ])('%s', (_name, fields, expected) => expect(run(fields)).toEqual(expected));

  it('says what to write, and leaves 達成率 without a value', () => {
    const entry = kpiEntry({ target: '90', actual: '85%' });
    expect(checkFormulaOperands(entry, ctx)[0]?.message).toBe(
      '「実績値」は「85%」と % 付き、「目標値」は「90」と % なしで書かれているため、「達成率」を計算できません（「85%」は 0.85 と読みます）。同じ書き方にそろえてください（例: 「実績値」を「85」に）。',
    );
    expect(fieldNumbers(KPI_FORM, entry.fields)('rate')).toBeUndefined();
    expect(fieldNumbers(KPI_FORM, kpiEntry({ target: '90%', actual: '85%' }).fields)('rate')).toBeCloseTo(
      0.85 / 0.9,
    );
  });

  it('proposes no 判定 from a 達成率 computed over mixed operands', () => {
    const codes = validateEntries([kpiEntry({ target: '90', actual: '85%', rating: 'B' })], ctx).map(
      (f) => f.code,
    );
    expect(codes).toContain('entry.percent-mixed');
    expect(codes).not.toContain('entry.judge-unexplained');
  });
});
