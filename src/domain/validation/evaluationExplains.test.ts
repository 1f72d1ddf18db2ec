import { describe, expect, it } from 'vitest';
import { defaultContext } from './context';
import { checkEvaluationExplains } from './evaluationExplains';
import { testEntry } from '../../../tests/helpers/testEntry';
import { kpiEntry } from '../../../tests/helpers/kpiForm';
import { kpiSample } from '../sample/kpi';

describe('checkEvaluationExplains', () => {
  const run = (achievement: string, evaluation: string) =>
    checkEvaluationExplains(testEntry({ achievement, evaluation }), defaultContext('year-end')).map(
      (f) => f.code,
    );
  it.each([
    ['達成できた with no evaluation is left to the required rule', '達成できた', '', []],
    [
      '一部達成できた with an explanation',
      '一部達成できた',
      '職員の複数体制化は徐々に進展しているが、すべての業務の移行とはなっていない。',
      [],
    ],
    ['一部達成できた with nothing', '一部達成できた', '', ['entry.evaluation-unexplained']],
    ['達成できなかった with nothing', '達成できなかった', ' ', ['entry.evaluation-unexplained']],
    ['達成できなかった with a word', '達成できなかった', '特になし', ['entry.evaluation-short']],
    ['an invalid achievement is left to its own rule', '一部', '', []],
  ])('%s', (_name, achievement, evaluation, expected) =>
    expect(run(achievement, evaluation)).toEqual(expected),
  );
});

describe('checkEvaluationExplains on a 判定 (kpi sample: S ≥ 110 %, A ≥ 100 %, B ≥ 80 %, else C)', () => {
  const ctx = { ...defaultContext('year-end'), form: kpiSample().form };
  const run = (rating: string, evaluation: string) =>
    checkEvaluationExplains(kpiEntry({ rating, evaluation }), ctx).map((f) => f.code);
  it.each([
    ['S asks nothing of a short 評価', 'S', '達成した。', []],
    ['A (目標を達成した: given at 100 %) asks nothing of a short 評価 either', 'A', '達成した。', []],
    [
      'B (given at 80 %, below the goal) asks for what fell short',
      'B',
      '概ね順調。',
      ['entry.evaluation-short'],
    ],
    ['C with nothing', 'C', '', ['entry.evaluation-unexplained']],
  ])('%s', (_name, rating, evaluation, expected) => expect(run(rating, evaluation)).toEqual(expected));
});
