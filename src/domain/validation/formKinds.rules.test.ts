import { describe, expect, it } from 'vitest';
import { KPI_FIELDS, KPI_FORM, kpiEntry } from '../../../tests/helpers/kpiForm';
import type { FormDefinition } from '../entry/formDefinition';
import { checkAchievementValue } from './achievementValue';
import { defaultContext, type ValidationContext } from './context';
import { checkEvaluationExplains } from './evaluationExplains';
import { checkPeriodDates } from './periodDates';
import { checkTextLength } from './textLength';

const ctx: ValidationContext = { ...defaultContext('year-end'), form: KPI_FORM };
const codes = (findings: readonly { code: string; place: { field?: string } }[]) =>
  findings.map((f) => [f.code, f.place.field]);

describe('the R2 rules on another form', () => {
  it('checks the 集計 choice against its own scale, with the tally codes', () => {
    expect(codes(checkAchievementValue(kpiEntry({ rating: 'Ｂ' }), ctx))).toEqual([
      ['entry.achievement-variant', 'rating'],
    ]);
    const [invalid] = checkAchievementValue(kpiEntry({ rating: 'D' }), ctx);
    expect(invalid?.code).toBe('entry.achievement-invalid');
    expect(invalid?.message).toBe(
      '判定「D」は選択肢にありません。「S」「A」「B」「C」のいずれかをセルの▼から選んでください。',
    );
  });

  it('checks any other choice field with the choice codes', () => {
    const form: FormDefinition = {
      ...KPI_FORM,
      fields: [
        ...KPI_FIELDS,
        { ...KPI_FIELDS[0]!, key: 'phase', label: '段階', kind: 'choice', choices: ['計画', '実施'] },
      ],
    };
    const findings = checkAchievementValue(kpiEntry({ phase: '未定' }), { ...ctx, form });
    expect(codes(findings)).toEqual([['entry.choice-invalid', 'phase']]);
  });

  it('asks the text after the 集計 field (not the 判定理由) to explain any choice but the first', () => {
    expect(codes(checkEvaluationExplains(kpiEntry({ rating: 'B', evaluation: '' }), ctx))).toEqual([
      ['entry.evaluation-unexplained', 'evaluation'],
    ]);
    expect(checkEvaluationExplains(kpiEntry({ rating: 'S', evaluation: '' }), ctx)).toEqual([]);
    const [short] = checkEvaluationExplains(kpiEntry({ rating: 'C', evaluation: '未達' }), ctx);
    expect(short?.message).toBe(
      '判定が「C」ですが、「評価」が短すぎます（2文字）。「C」とした理由と今後の対応を書いてください。',
    );
  });

  it('checks period dates only in fields labelled 前期… / 後期…', () => {
    expect(checkPeriodDates(kpiEntry({ evaluation: '・10/8 研修' }), ctx)).toEqual([]);
    const form: FormDefinition = {
      ...KPI_FORM,
      fields: [...KPI_FIELDS, { ...KPI_FIELDS[0]!, key: 'h1', label: '前期の取組' }],
    };
    const [f] = checkPeriodDates(kpiEntry({ h1: '・10/8 研修' }), { ...ctx, form });
    expect([f?.place.field, f?.message]).toEqual([
      'h1',
      '「前期の取組」に期間外の日付（10/8）があります。「後期 (10～3月)」の欄に書く内容でないか確認してください。',
    ]);
  });

  it('measures length only in fields people write words in', () => {
    const form: FormDefinition = {
      ...KPI_FORM,
      fields: KPI_FIELDS.map((f) => (f.key === 'target' ? { ...f, maxLength: 2 } : f)),
    };
    expect(checkTextLength(kpiEntry({ target: '1000' }), { ...ctx, form })).toEqual([]);
    expect(codes(checkTextLength(kpiEntry({ indicator: 'あ'.repeat(201) }), ctx))).toEqual([
      ['entry.too-long', 'indicator'],
    ]);
  });
});
