import { describe, expect, it } from 'vitest';
import type { Stage } from '../entry/formDefinition';
import { defaultContext } from './context';
import { checkRequiredFields } from './requiredFields';
import { testEntry } from '../../../tests/helpers/testEntry';
import { r2Sample } from '../sample/r2';

describe('checkRequiredFields', () => {
  const blank = testEntry({
    vision: '',
    goal: ' ',
    actions: '',
    firstHalf: '',
    secondHalf: '',
    achievement: '',
    evaluation: '',
  });
  it.each<[Stage, string[]]>([
    ['plan', ['vision', 'goal', 'actions']],
    ['first-half', ['vision', 'goal', 'actions', 'firstHalf']],
    ['year-end', ['vision', 'goal', 'actions', 'firstHalf', 'secondHalf', 'achievement', 'evaluation']],
  ])('at stage %s requires %j', (stage, fields) => {
    const findings = checkRequiredFields(blank, defaultContext(stage));
    expect(findings.map((f) => f.place.field)).toEqual(fields);
    expect(findings.every((f) => f.code === 'entry.required' && f.severity === 'error')).toBe(true);
  });

  it('says, once, that a later stage’s field holds text when this stage’s is blank (前期 written in 後期’s row)', () => {
    const october = testEntry({ firstHalf: '', secondHalf: '・7/19 研修' });
    const [first] = checkRequiredFields(october, defaultContext('first-half'));
    expect(first?.place.field).toBe('firstHalf');
    expect(first?.message).toMatch(
      /が未記入です（前期の段階で必要）。.*年度末に書く「後期 \(10～3月\)」に記入があります。書く欄を間違えていれば、「前期 \(4～9月\)」に移してください。$/,
    );
    // Only on the field just above it; without text there, the message is as before.
    const both = checkRequiredFields(
      { ...october, fields: { ...october.fields, vision: '' } },
      defaultContext('first-half'),
    );
    expect(both.filter((f) => f.message.includes('に記入があります')).map((f) => f.place.field)).toEqual([
      'firstHalf',
    ]);
    expect(
      checkRequiredFields(testEntry({ firstHalf: '', secondHalf: '' }), defaultContext('first-half'))[0]
        ?.message,
    ).not.toContain('記入があります');
  });

  it('does not ask for a field the sheet was built without (added to the 様式 since)', () => {
    const findings = checkRequiredFields(
      { ...blank, notOnSheet: ['evaluation', 'achievement'] },
      defaultContext('year-end'),
    );
    expect(findings.map((f) => f.place.field)).toEqual([
      'vision',
      'goal',
      'actions',
      'firstHalf',
      'secondHalf',
    ]);
  });

  it('accepts a complete entry at year-end', () => {
    expect(checkRequiredFields(testEntry(), defaultContext('year-end'))).toEqual([]);
  });

  it('says in Japanese what to write', () => {
    const [f] = checkRequiredFields(
      testEntry({ firstHalf: '', secondHalf: '' }),
      defaultContext('first-half'),
    );
    expect(f?.message).toBe(
      '「前期 (4～9月)」が未記入です（前期の段階で必要）。4月～9月に行ったことを、日付（例: 7/16）とともに書いてください。',
    );
  });
});

describe('checkRequiredFields on a 全課 item', () => {
  const ctx = defaultContext('year-end', r2Sample().plan);
  const blank = {
    vision: '',
    goal: '',
    actions: '',
    firstHalf: '',
    secondHalf: '',
    achievement: '',
    evaluation: '',
  };
  it('asks nothing of a contributing department that leaves its part blank, and says so once', () => {
    const findings = checkRequiredFields(
      testEntry(blank, { code: 'I-1-1-1', department: '教育振興課' }),
      ctx,
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['entry.contribution-blank', 'info']]);
  });
  it('requires nothing of a contribution that only reports progress', () => {
    expect(
      checkRequiredFields(
        testEntry({ ...blank, firstHalf: '研修を実施' }, { code: 'I-1-1-1', department: '教育振興課' }),
        ctx,
      ),
    ).toEqual([]);
  });
  it('still requires every field of the coordinator', () => {
    expect(
      checkRequiredFields(testEntry(blank, { code: 'I-1-1-1', department: '総務課' }), ctx),
    ).toHaveLength(7);
  });
});
