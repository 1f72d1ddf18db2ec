import { describe, expect, it } from 'vitest';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { formLabels, type LabelRole } from './formLabels';

describe('formLabels', () => {
  const match = formLabels(STANDARD_FORM);
  it.each<[string, string, LabelRole | undefined]>([
    ['the 取組項目 label', '取組項目', { kind: 'item' }],
    ['目 標 with a space (seed)', '目 標', { kind: 'field', key: 'goal' }],
    ['目　標 with a full-width space', '目\u3000標', { kind: 'field', key: 'goal' }],
    ['実践 課 with a space (seed)', '実践 課', { kind: 'department' }],
    ['前期 with full-width parens and digits', '前期（４～９月）', { kind: 'field', key: 'firstHalf' }],
    ['後期 with an ASCII tilde (seed)', '後期 (10~3月)', { kind: 'field', key: 'secondHalf' }],
    ['前期 alone', '前期', { kind: 'field', key: 'firstHalf' }],
    ['評価・検証', '評価・検証', { kind: 'field', key: 'evaluation' }],
    ['進捗状況 groups the periods', '進捗状況', { kind: 'progress' }],
    ['令和2年度 is the year label', '令和2年度', { kind: 'year', fiscalYear: 2020 }],
    ['令和２年度 with a full-width digit', '令和２年度', { kind: 'year', fiscalYear: 2020 }],
    ['a bare number is not a year label', '2020', undefined],
    ['a value is not a label', '達成できた', undefined],
    ['the sheet title is not the 取組項目 label', '取組項目シート', undefined],
    ['an empty cell', '  ', undefined],
  ])('%s', (_name, text, role) => {
    expect(match(text)).toEqual(role);
  });

  it('takes field labels and aliases from the form, so another form works by definition', () => {
    const other: FormDefinition = {
      ...STANDARD_FORM,
      id: 'other',
      fields: [{ ...STANDARD_FORM.fields[0]!, key: 'goal', label: '成果指標', aliases: ['指標'] }],
    };
    expect([
      formLabels(other)('成果指標'),
      formLabels(other)('指 標'),
      formLabels(other)('目指す姿'),
    ]).toEqual([{ kind: 'field', key: 'goal' }, { kind: 'field', key: 'goal' }, undefined]);
  });
});
