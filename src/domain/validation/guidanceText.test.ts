import { describe, expect, it } from 'vitest';
import { fieldDef, STANDARD_FORM } from '../entry/formDefinition';
import { defaultContext } from './context';
import { checkGuidanceText } from './guidanceText';
import { testEntry } from '../../../tests/helpers/testEntry';

describe('checkGuidanceText', () => {
  const guidance = fieldDef(STANDARD_FORM, 'goal').guidance;
  it('reports a field left as the template guidance, even re-spaced', () => {
    const findings = checkGuidanceText(
      testEntry({ goal: ` ${guidance.replace('、', '、 ')}` }),
      defaultContext('plan'),
    );
    expect(findings.map((f) => [f.code, f.place.field])).toEqual([['entry.guidance-left', 'goal']]);
  });
  it('accepts real text that quotes part of the guidance', () => {
    expect(
      checkGuidanceText(testEntry({ goal: `${guidance}（防災体制の強化）` }), defaultContext('plan')),
    ).toEqual([]);
  });
});
