import { describe, expect, it } from 'vitest';
import { readAchievement } from '../entry/achievement';
import { checkAchievementValue } from './achievementValue';
import { defaultContext } from './context';
import { testEntry } from '../../../tests/helpers/testEntry';

describe('checkAchievementValue', () => {
  const run = (achievement: string) =>
    checkAchievementValue(testEntry({ achievement }), defaultContext('year-end')).map((f) => [
      f.code,
      f.severity,
    ]);
  it.each([
    ['達成できた', []],
    ['一部達成できた', []],
    ['達成できなかった', []],
    ['', []],
    ['達成 できた', [['entry.achievement-variant', 'warning']]],
    ['達成できた。', [['entry.achievement-variant', 'warning']]],
    ['一部達成できた\u3000', []],
    ['一部', [['entry.achievement-invalid', 'error']]],
    ['達成', [['entry.achievement-invalid', 'error']]],
    ['ほぼ達成できた', [['entry.achievement-invalid', 'error']]],
    ['達成できた／一部達成できた', [['entry.achievement-invalid', 'error']]],
  ])('%j', (value, expected) => expect(run(value)).toEqual(expected));

  it('on a sheet built from another version of the 様式, does not send the user to a ▼ that lacks the choices', () => {
    const [f] = checkAchievementValue(
      { ...testEntry({ achievement: 'おおむね達成' }), otherForm: true },
      defaultContext('year-end'),
    );
    expect(f?.code).toBe('entry.achievement-invalid');
    expect(f?.message).toContain(
      'このシートは別の版の様式で作られているため、セルの▼の選択肢が今の様式と違うことがあります',
    );
    expect(f?.message).not.toContain('のいずれかをセルの▼から選んでください');
  });

  it('never reads 一部達成できた as 達成できた', () => {
    expect(readAchievement('一部達成できた')).toEqual({ kind: 'exact', value: '一部達成できた' });
    expect(readAchievement('一部 達成できた')).toEqual({ kind: 'variant', value: '一部達成できた' });
  });
});
