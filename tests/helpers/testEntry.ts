import { emptyFields, type Entry, type EntryFields } from '../../src/domain/entry/types';

/** A complete, valid year-end entry of the R2 sample's I-2-1-3 (総務課), with fields overridden. */
export function testEntry(
  fields: Partial<EntryFields> = {},
  key: Partial<Pick<Entry, 'code' | 'department' | 'seq'>> = {},
): Entry {
  return {
    code: 'I-2-1-3',
    department: '総務課',
    seq: 1,
    fiscalYear: 2020,
    ...key,
    fields: {
      ...emptyFields(),
      vision: '地域防災力の向上を図る。',
      goal: '・防災体制の充実・強化',
      actions: '・防災資機材備蓄品の整備充実',
      firstHalf: '・7/19防災士スキルアップ研修',
      secondHalf: '・出前講座3/21 1回',
      achievement: '達成できた',
      evaluation: '防災備蓄品については計画どおりの整備を行った。',
      ...fields,
    },
  };
}

/** Every field filled with the shortest text the year-end rules accept: for tests about who wins, not what. */
export const SHORT_FULL_FIELDS = {
  vision: 'v',
  goal: 'g',
  actions: 'a',
  firstHalf: 'f',
  secondHalf: 's',
  achievement: '達成できた',
  evaluation: '評価を書いた。十分な長さ。',
} as const satisfies Partial<EntryFields>;
