import { describe, expect, it } from 'vitest';
import type { JudgeSpec } from '../entry/formDefinition';
import { normalizeKey } from '../text/normalizeKey';
import { judgeFields, parseJudge, proposeChoice } from './judge';

const byLabel = new Map([
  [normalizeKey('達成率'), 'rate'],
  [normalizeKey('実績値'), 'actual'],
]);
const resolve = (label: string): string | undefined => byLabel.get(normalizeKey(label));
const CHOICES = ['A', 'B', 'C'];

const parse = (text: string, choices = CHOICES): JudgeSpec => {
  const r = parseJudge(text, resolve, choices);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseJudge', () => {
  it('reads rules in order with an otherwise, percentages as fractions', () => {
    const text = '達成率 >= 100% → A、達成率 >= 80% → B、それ以外 → C';
    expect(parse(text)).toEqual({
      text,
      rules: [
        { field: 'rate', op: '>=', value: 1, choice: 'A' },
        { field: 'rate', op: '>=', value: 0.8, choice: 'B' },
      ],
      otherwise: 'C',
    });
  });

  it.each([
    ['達成率 ≧ １００％ ⇒ Ａ\n達成率＞＝80% -> B\nそれ以外→C', ['>=', '>='], [1, 0.8]],
    ['達成率>1->A、達成率=0.5=>B、その他 → C', ['>', '='], [1, 0.5]],
    ['実績値 < 1,000 → C、実績値 ≦ 2000 → B、それ以外 → A', ['<', '<='], [1000, 2000]],
    ['達成率 <= -10% → C；上記以外 → A', ['<='], [-0.1]],
  ])('accepts full-width and alternative spellings: %j', (text, ops, values) => {
    const judge = parse(text);
    expect(judge.rules.map((r) => r.op)).toEqual(ops);
    expect(judge.rules.map((r) => r.value)).toEqual(values);
  });

  it('returns the choices as the 選択肢 spell them', () => {
    expect(parse('達成率 >= 1 → 順 調、それ以外 → 課題あり', ['順調', '課題あり']).rules[0]?.choice).toBe(
      '順調',
    );
  });

  it.each([
    ['', '空'],
    ['達成率 >= 100% A', '「→」がありません'],
    ['達成率 >= 100% → S、それ以外 → C', '「S」はこの項目の選択肢（「A」「B」「C」）にありません'],
    ['達成度 >= 100% → A', '「達成度」は様式の項目にありません'],
    ['達成率 100% → A', '比べ方'],
    ['達成率 >= 約100 → A', '数として読めません'],
    ['それ以外 → C、達成率 >= 1 → A', '「それ以外」は最後に'],
    ['それ以外 → C', '条件がありません'],
    ['達成率 >= 1 →', '選択肢がありません'],
  ])('%j is refused with a Japanese message (%s)', (text, part) => {
    const r = parseJudge(text, resolve, CHOICES);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(part);
  });
});

describe('proposeChoice', () => {
  const judge = parse('達成率 >= 100% → A、達成率 >= 80% → B、それ以外 → C');
  it.each([
    [1.2, 'A'],
    [1, 'A'],
    [0.8, 'B'],
    [80 / 100, 'B'],
    [0.79, 'C'],
    [0, 'C'],
    [undefined, undefined],
  ])('達成率 %s proposes %s', (rate, expected) => {
    expect(proposeChoice(judge, (k) => (k === 'rate' ? rate : undefined))).toBe(expected);
  });

  it('proposes nothing when no rule holds and there is no otherwise', () => {
    const noElse = parse('達成率 >= 1 → A');
    expect(proposeChoice(noElse, () => 0.5)).toBeUndefined();
    expect(proposeChoice(parse('達成率 > 1 → A、達成率 < 0.5 → C、達成率 = 0.7 → B'), () => 0.7)).toBe('B');
  });

  it('lists the fields its rules read', () => {
    expect(judgeFields(parse('達成率 >= 1 → A、実績値 > 5 → B、達成率 > 0 → C'))).toEqual(['rate', 'actual']);
  });
});
