import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import { fieldText } from '../entry/types';
import { r2Sample } from '../sample/r2';
import { diffEntries, formatFieldChange, formatFieldChanges, shortenAroundChange } from './entryDiff';

const older = r2Sample().entries.find((e) => e.code === 'I-2-1-3')!.fields;
const evaluation = fieldText(older, 'evaluation');

describe('diffEntries', () => {
  it('lists the changed fields in form order, each shortened around the change', () => {
    const newer = {
      ...older,
      achievement: '一部達成できた',
      evaluation: evaluation.replace(
        '出前講座の回数が減ってしまった',
        '出前講座の回数が前年度の半分に減った',
      ),
    };
    expect(diffEntries(older, newer, STANDARD_FORM)).toEqual([
      { key: 'achievement', label: '目標の達成', before: '達成できた', after: '一部達成できた' },
      {
        key: 'evaluation',
        label: '評価・検証',
        before: '…・今年度は出前講座の回数が減ってしまったが、住民の防災意識向上のためには有力…',
        after: '…・今年度は出前講座の回数が前年度の半分に減ったが、住民の防災意識向上のためには有力…',
      },
    ]);
  });

  it('finds nothing between a submission and itself, or when only line endings and trailing spaces differ', () => {
    expect(diffEntries(older, older, STANDARD_FORM)).toEqual([]);
    expect(
      diffEntries(older, { ...older, evaluation: `${evaluation.replace(/\n/g, '  \r\n')}\n` }, STANDARD_FORM),
    ).toEqual([]);
  });

  it('shows a field filled or emptied whole (cut in the middle when long)', () => {
    const changes = diffEntries({ ...older, secondHalf: '' }, { ...older, evaluation: '' }, STANDARD_FORM);
    expect(changes.map((c) => [c.key, c.before === '', c.after === ''])).toEqual([
      ['secondHalf', true, false],
      ['evaluation', false, true],
    ]);
    const filled = changes[0]!.after;
    expect(filled).toMatch(/^・コロナウイルス関連の備蓄品購入（段ボールベット、間仕切りテ.*….*/su);
    expect([...filled].length).toBe(61);
  });

  it('reads fields the form knows, in its order', () =>
    expect(diffEntries({ stray: 'a' }, { stray: 'b', goal: '・新しい目標' }, STANDARD_FORM)).toEqual([
      { key: 'goal', label: '目標', before: '', after: '・新しい目標' },
    ]));
});

describe('shortenAroundChange', () => {
  it.each([
    [
      'a change in the middle',
      `${'あ'.repeat(30)}旧${'い'.repeat(30)}`,
      `${'あ'.repeat(30)}新${'い'.repeat(30)}`,
      3,
      `…あああ旧いいい…`,
      `…あああ新いいい…`,
    ],
    ['an insertion', 'abcdef', 'abcXdef', 2, '…bcde…', '…bcXde…'],
    ['short texts kept whole', '7/16実施', '7/17実施', 20, '7/16実施', '7/17実施'],
    ['no split surrogate pairs', '𠮷野家の𠮷', '𠮷野屋の𠮷', 1, '…野家の…', '…野屋の…'],
  ])('%s', (_, a, b, context, before, after) =>
    expect(shortenAroundChange(a, b, { context })).toEqual({ before, after }),
  );

  it('keeps the context to the changed line', () =>
    expect(
      shortenAroundChange('・研修\n・訓練を実施\n・点検', '・研修\n・訓練を中止\n・点検', { context: 20 }),
    ).toEqual({
      before: '…・訓練を実施…',
      after: '…・訓練を中止…',
    }));

  it('does not count a shared character twice when one text is the other repeated', () =>
    expect(shortenAroundChange('ああ', 'あああ', { context: 5 })).toEqual({
      before: 'ああ',
      after: 'あああ',
    }));
});

describe('formatFieldChanges', () => {
  it('writes one 集約ログ line: old → new, empty sides and line breaks visible', () =>
    expect(
      formatFieldChanges([
        { key: 'goal', label: '目標', before: '', after: '・防災\n・減災' },
        { key: 'achievement', label: '目標の達成', before: '達成できた', after: '一部達成できた' },
      ]),
    ).toBe('変更: 「目標」 （空欄）→「・防災⏎・減災」／「目標の達成」 「達成できた」→「一部達成できた」'));

  it('says 変更なし for no change', () => expect(formatFieldChanges([])).toBe('変更なし'));

  it('formats one change', () =>
    expect(formatFieldChange({ key: 'x', label: 'X', before: 'a', after: '' })).toBe('「X」 「a」→（空欄）'));
});
