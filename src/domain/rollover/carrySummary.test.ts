import { describe, expect, it } from 'vitest';
import { KPI_FORM } from '../../../tests/helpers/kpiForm';
import { STANDARD_FORM } from '../entry/formDefinition';
import { kpiSample } from '../sample/kpi';
import { carrySummary } from './carrySummary';

describe('carrySummary', () => {
  it('names the fields started from last year and the ones shown beside', () => {
    expect(carrySummary(STANDARD_FORM, 37, 2021)).toMatch(
      /^引き継いだ記入 37 件（下書きとして記入: .+／前年度の欄に表示: .+）$/,
    );
  });

  it('says a 様式 without 引継ぎ carries nothing, and how to change it', () => {
    const none = { ...KPI_FORM, fields: KPI_FORM.fields.map(({ carry: _carry, ...f }) => f) };
    expect(carrySummary(none, 28, 2025)).toBe(
      '引き継いだ記入: なし（前年度の記入 28 件。様式の「引継ぎ」の列に ○ も 参考 もないため、令和7年度のシートは空欄から始まります。前年度の文から書き始める項目には ○、横に表示するだけの項目には 参考 を入れてください）',
    );
  });

  it('the kpi sample carries its indicator, baseline and target, and shows last year’s results', () => {
    expect(carrySummary(kpiSample().form, 25, 2025)).toBe(
      '引き継いだ記入 25 件（下書きとして記入: 取組の概要・成果指標・基準値・目標値／前年度の欄に表示: 取組の概要・成果指標・基準値・目標値・実績値・判定・判定理由・評価）',
    );
  });

  it('lists no fields when nothing was carried (a template, or a year nobody sent anything)', () => {
    expect(carrySummary(STANDARD_FORM, 0, 2022)).toBe(
      '引き継いだ記入 0 件（前年度の全体計画に記入がないため、令和4年度のシートは空欄から始まります）',
    );
  });
});
