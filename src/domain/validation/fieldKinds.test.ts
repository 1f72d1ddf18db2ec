import { describe, expect, it } from 'vitest';
import { KPI_FORM, kpiEntry } from '../../../tests/helpers/kpiForm';
import { defaultContext, type ValidationContext } from './context';
import { checkFieldKinds } from './fieldKinds';
import { validateEntries } from './validateEntries';

const ctx: ValidationContext = { ...defaultContext('year-end'), form: KPI_FORM };

describe('checkFieldKinds', () => {
  const run = (fields: Partial<Record<string, string>>) =>
    checkFieldKinds(kpiEntry(fields), ctx).map((f) => [f.code, f.severity, f.place.field]);
  it.each([
    ['numbers as people type them, in a field no 計算 reads', { baseline: '－3' }, []],
    [
      'numbers stored as text in fields the 達成率 reads (the sheet’s formula cannot)',
      { target: '１，０００', actual: '85%' },
      [
        ['entry.number-as-text', 'warning', 'target'],
        ['entry.number-as-text', 'warning', 'actual'],
      ],
    ],
    ['numbers as a number cell reads', { target: '1000', actual: '0.85' }, []],
    ['「約100」', { actual: '約100' }, [['entry.number-invalid', 'error', 'actual']]],
    ['「100件」', { target: '100件' }, [['entry.number-invalid', 'error', 'target']]],
    ['dates as people type them', { checked: '令和3年3月31日' }, []],
    ['an ISO date and a serial', { checked: '44286' }, []],
    ['a day that does not exist', { checked: '2021/2/30' }, [['entry.date-invalid', 'error', 'checked']]],
    ['text in a date field', { checked: '年度末' }, [['entry.date-invalid', 'error', 'checked']]],
    ['empty cells (the required rule speaks)', { actual: '', checked: '' }, []],
  ])('%s', (_name, fields, expected) => expect(run(fields)).toEqual(expected));

  it('asks for a number in Japanese, with an example', () => {
    const [f] = checkFieldKinds(kpiEntry({ actual: '約100' }), ctx);
    expect(f?.message).toBe(
      '「実績値」の「約100」は数値として読めません。数値で入力してください（例: 100）。「約」や単位は付けず、補足は文章の欄に書いてください。',
    );
  });

  // Typed as 100, a 割合 is 10000%: the example is the one its format reads as meant.
  it.each([
    [
      '割合',
      { percent: true },
      '「実績値」の「約80%」は数値として読めません。割合で入力してください（例: 80%）。「約」は付けず、補足は文章の欄に書いてください。',
    ],
    [
      '金額',
      { amount: true },
      '「実績値」の「約80%」は数値として読めません。金額を円単位の数値で入力してください（例: 1200000）。「約」や「円」「万」は付けず、補足は文章の欄に書いてください。',
    ],
  ])('gives a %s field an example in its own format', (_kind, format, message) => {
    const form = {
      ...KPI_FORM,
      fields: KPI_FORM.fields.map((f) => (f.key === 'actual' ? { ...f, ...format } : f)),
    };
    const found = checkFieldKinds(kpiEntry({ actual: '約80%' }), { ...ctx, form });
    expect(found.map((f) => f.message)).toEqual([message]);
  });
});

describe('a number stored as text where a 計算 reads it', () => {
  it('says the sheet’s own formula may show blank or #VALUE!, names the 計算, and gives the number to type', () => {
    const [target, actual] = checkFieldKinds(kpiEntry({ target: '１，２００', actual: '80%' }), ctx);
    expect(target?.message).toBe(
      '「目標値」の「１，２００」は数値ではなく文字として入っています。シートの計算（達成率）が空欄や「#VALUE!」になることがあるため、半角の数字だけで入力し直してください（例: 1200）。',
    );
    expect(actual?.message).toMatch(/（例: 80%）。$/);
  });
});

describe('validateEntries on a 指標 form', () => {
  it('accepts a complete entry whose 判定 follows the rule', () => {
    expect(validateEntries([kpiEntry()], ctx)).toEqual([]);
  });
  it('never requires the 計算 field (it is computed) and requires the inputs it reads', () => {
    const findings = validateEntries([kpiEntry({ actual: '', rate: '' })], ctx);
    expect(findings.map((f) => [f.code, f.place.field])).toEqual([['entry.required', 'actual']]);
  });
  it('reports an invalid number once: not also as missing', () => {
    const findings = validateEntries([kpiEntry({ actual: '約90' })], ctx);
    expect(findings.map((f) => f.code)).toEqual(['entry.number-invalid']);
  });
});
