import { describe, expect, it } from 'vitest';
import type { Stage } from '../entry/formDefinition';
import { defaultContext } from './context';
import { checkRequiredFields } from './requiredFields';
import { testEntry } from './testEntry';

describe('checkRequiredFields', () => {
  const blank = testEntry({ vision: '', goal: ' ', actions: '', firstHalf: '', secondHalf: '', achievement: '', evaluation: '' });
  it.each<[Stage, string[]]>([
    ['plan', ['vision', 'goal', 'actions']],
    ['first-half', ['vision', 'goal', 'actions', 'firstHalf']],
    ['year-end', ['vision', 'goal', 'actions', 'firstHalf', 'secondHalf', 'achievement', 'evaluation']],
  ])('at stage %s requires %j', (stage, fields) => {
    const findings = checkRequiredFields(blank, defaultContext(stage));
    expect(findings.map((f) => f.place.field)).toEqual(fields);
    expect(findings.every((f) => f.code === 'entry.required' && f.severity === 'error')).toBe(true);
  });

  it('accepts a complete entry at year-end', () => {
    expect(checkRequiredFields(testEntry(), defaultContext('year-end'))).toEqual([]);
  });

  it('says in Japanese what to write', () => {
    const [f] = checkRequiredFields(testEntry({ firstHalf: '' }), defaultContext('first-half'));
    expect(f?.message).toBe('「前期 (4～9月)」が未記入です（前期の段階で必要）。4月～9月に行ったことを、日付（例: 7/16）とともに書いてください。');
  });
});
