import { describe, expect, it } from 'vitest';
import { KPI_FORM, kpiEntry } from '../../../tests/helpers/kpiForm';
import { defaultContext, type ValidationContext } from './context';
import { checkJudgement } from './judgement';

const ctx: ValidationContext = { ...defaultContext('year-end'), form: KPI_FORM };

describe('checkJudgement', () => {
  const run = (fields: Partial<Record<string, string>>) =>
    checkJudgement(kpiEntry(fields), ctx).map((f) => [f.code, f.severity, f.place.field]);
  it.each([
    ['the choice the rule proposes (90% → A)', { rating: 'A' }, []],
    ['another choice with a reason', { rating: 'B', ratingReason: '参加者の満足度が低かった。' }, []],
    ['another choice without a reason', { rating: 'S' }, [['entry.judge-unexplained', 'error', 'rating']]],
    ['a variant of the proposed choice', { rating: 'Ａ' }, []],
    ['100% meets >= 100% → S', { actual: '100', rating: 'S' }, []],
    ['no proposal while a number is missing', { actual: '', rating: 'C' }, []],
    ['no proposal while a number is unreadable', { actual: '約90', rating: 'C' }, []],
    ['nothing while the choice is empty', { rating: '' }, []],
    ['nothing while the choice is invalid (its own rule speaks)', { rating: 'D' }, []],
    ['otherwise → C below 50%', { actual: '40', rating: 'C' }, []],
  ])('%s', (_name, fields, expected) => expect(run(fields)).toEqual(expected));

  it('names the proposal and asks for the reason in the 判定理由 cell', () => {
    const [f] = checkJudgement(kpiEntry({ rating: 'S' }), ctx);
    expect(f?.message).toBe(
      '「判定」は「S」ですが、判定の目安（達成率 >= 100% → S、達成率 >= 80% → A、達成率 >= 50% → B、それ以外 → C）では「A」です。目安と異なる区分を選んだ理由を「判定理由」の欄に書いてください。',
    );
  });
});
