import { describe, expect, it } from 'vitest';
import { choiceValue, readChoice } from './choice';

describe('readChoice', () => {
  const scale = ['順調', 'おおむね順調', '課題あり'];
  it.each([
    ['', { kind: 'empty' }],
    ['順調', { kind: 'exact', value: '順調' }],
    [' おおむね順調 ', { kind: 'exact', value: 'おおむね順調' }],
    ['おおむね 順調', { kind: 'variant', value: 'おおむね順調' }],
    ['順調。', { kind: 'variant', value: '順調' }],
    ['概ね順調', { kind: 'invalid' }],
    ['順', { kind: 'invalid' }],
  ])('%j → %j', (raw, expected) => expect(readChoice(raw, scale)).toEqual(expected));
  it('matches full-width letters to a letter scale', () => {
    expect(readChoice('Ａ', ['S', 'A', 'B', 'C'])).toEqual({ kind: 'variant', value: 'A' });
    expect(choiceValue('ｃ', ['S', 'A', 'B', 'C'])).toBe('C');
    expect(choiceValue('D', ['S', 'A', 'B', 'C'])).toBeUndefined();
  });
});
