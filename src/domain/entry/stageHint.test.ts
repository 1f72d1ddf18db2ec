import { describe, expect, it } from 'vitest';
import { kpiSample } from '../sample/kpi';
import { STANDARD_FORM } from './formDefinition';
import { stageHint } from './stageHint';

describe('stageHint', () => {
  it('names the R2 fields each stage adds', () => {
    expect(stageHint(STANDARD_FORM, 'plan')).toBe('年度初め: 目指す姿・目標・取組内容を確認します');
    expect(stageHint(STANDARD_FORM, 'first-half')).toBe('10月: 前期 (4～9月)まで確認します');
    expect(stageHint(STANDARD_FORM, 'year-end')).toBe(
      '年度末: 後期 (10～3月)・目標の達成・評価・検証まで確認します',
    );
  });

  it('names the KPI 様式’s own fields, not R2’s', () => {
    const { form } = kpiSample();
    expect(stageHint(form, 'plan')).toBe('年度初め: 取組の概要・成果指標・基準値・目標値を確認します');
    expect(stageHint(form, 'first-half')).toBe('10月: 必須の欄は前の時期と同じです');
    expect(stageHint(form, 'year-end')).toBe('年度末: 実績値・判定・評価まで確認します');
  });
});
