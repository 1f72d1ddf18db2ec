import { describe, expect, it } from 'vitest';
import { testEntry } from '../../../tests/helpers/testEntry';
import { STANDARD_FORM } from '../entry/formDefinition';
import { cliStage, paneStage, stageMismatch, writtenStage } from './stageMismatch';

const october = testEntry({ secondHalf: '', achievement: '', evaluation: '' });
const april = testEntry({ firstHalf: '', secondHalf: '', achievement: '', evaluation: '' });
const march = testEntry();

describe('stageMismatch', () => {
  it('reads how far the sheets are written: the latest stage any of its own fields holds text in', () => {
    expect(writtenStage([april], STANDARD_FORM)).toBe('plan');
    expect(writtenStage([april, october], STANDARD_FORM)).toBe('first-half');
    expect(writtenStage([october, march], STANDARD_FORM)).toBe('year-end');
  });

  it('says when no sheet holds anything of the stage chosen (年度末 in October), and what to choose', () => {
    expect(stageMismatch([october, april], STANDARD_FORM, 'year-end', { what: '集約', how: cliStage })).toBe(
      'どのシートにも年度末に書く欄（「後期 (10～3月)」・「目標の達成」・「評価・検証」）の記入がありません。前期の集約であれば、--stage first-half を指定してください。',
    );
  });

  it('says when the sheets hold a later stage than the one chosen (計画 in March)', () => {
    expect(stageMismatch([march], STANDARD_FORM, 'plan', { what: '検証', how: paneStage })).toBe(
      '年度末に書く欄（「後期 (10～3月)」・「目標の達成」・「評価・検証」）にも記入があります。計画の検証では、それらの欄が未記入でも指摘しません。年度末まで確かめるには、「確認する時期」を「年度末」にしてください。',
    );
  });

  it('says nothing of a later stage written in only a few sheets: text in the wrong row, not a stage', () => {
    // October: one sheet's 前期 went into 後期's row (未記入 says so at the cell).
    const misplaced = testEntry({
      firstHalf: '',
      secondHalf: '・7/19 研修',
      achievement: '',
      evaluation: '',
    });
    expect(
      stageMismatch([october, october, misplaced], STANDARD_FORM, 'first-half', {
        what: '検証',
        how: cliStage,
      }),
    ).toBeUndefined();
    expect(
      stageMismatch([march, march, misplaced], STANDARD_FORM, 'first-half', { what: '検証', how: cliStage }),
    ).toContain('年度末まで確かめるには');
  });

  it('says nothing when the stage fits, or when nothing is written', () => {
    expect(
      stageMismatch([october], STANDARD_FORM, 'first-half', { what: '検証', how: paneStage }),
    ).toBeUndefined();
    expect(
      stageMismatch([march, october], STANDARD_FORM, 'year-end', { what: '検証', how: paneStage }),
    ).toBeUndefined();
    const blank = testEntry(Object.fromEntries(STANDARD_FORM.fields.map((f) => [f.key, ''])));
    expect(
      stageMismatch([blank], STANDARD_FORM, 'year-end', { what: '検証', how: cliStage }),
    ).toBeUndefined();
  });
});
