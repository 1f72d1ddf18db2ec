// @vitest-environment jsdom
import './dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { consolidateEntries } from '../../src/domain/consolidation/consolidateEntries';
import { STANDARD_FORM, type FormDefinition } from '../../src/domain/entry/formDefinition';
import { r2Sample } from '../../src/domain/sample/r2';
import { AchievementBars } from '../../src/taskpane/components/AchievementBars';
import { ConsolidationResult } from '../../src/taskpane/tabs/ConsolidationResult';
import { consolidationCounts } from '../../src/taskpane/tabs/consolidationCounts';

afterEach(cleanup);

const show = (choices: readonly string[], label: string, byChoice: number[], blank: number) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <AchievementBars
        label={label}
        choices={choices}
        total={{ byChoice, blank, missing: 0 }}
        groups={[{ label: 'I 協働', counts: { byChoice, blank, missing: 0 } }]}
      />
    </FluentProvider>,
  );

describe('AchievementBars', () => {
  it("shows the 集計 field's own choices, best first, then 未記入, with counts and shares", () => {
    show(['S', 'A', 'B', 'C'], '判定', [2, 3, 4, 1], 10);
    const legend = screen.getByLabelText('判定状況');
    expect(
      within(legend)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['S', 'A', 'B', 'C', '未記入']);
    expect(
      within(legend)
        .getAllByRole('definition')
        .map((d) => d.textContent),
    ).toEqual(['2 件（10%）', '3 件（15%）', '4 件（20%）', '1 件（5%）', '10 件（50%）']);
    expect(screen.getByText('S 2 / 20')).toBeTruthy();
  });

  it('keeps the R2 labels: 目標の達成状況 and 達成 n / total', () => {
    show(['達成できた', '一部達成できた', '達成できなかった'], '目標の達成', [23, 13, 1], 0);
    const legend = screen.getByLabelText('目標の達成状況');
    expect(
      within(legend)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['達成できた', '一部達成できた', '達成できなかった', '未記入']);
    expect(screen.getByText('達成 23 / 37')).toBeTruthy();
  });
});

describe('ConsolidationResult', () => {
  const { plan } = r2Sample();
  const showResult = (form: FormDefinition) => {
    const consolidation = consolidateEntries(plan, [], {
      stamp: '2021-04-20T09:00:00+09:00',
      fiscalYear: 2020,
      stage: 'year-end',
      form,
    });
    const result = {
      consolidation,
      viewFindings: [],
      rejected: 0,
      year: { kind: 'explicit' as const, fiscalYear: 2020, others: [] },
    };
    return render(
      <FluentProvider theme={webLightTheme}>
        <ConsolidationResult
          mode="excel"
          result={result}
          counts={consolidationCounts(result)}
          rejected={[]}
        />
      </FluentProvider>,
    );
  };

  it('names the section after the 集計 field (R2: 目標の達成) and shows its bars', () => {
    showResult(STANDARD_FORM);
    const section = screen.getByRole('region', { name: '目標の達成' });
    expect(within(section).getByLabelText('目標の達成状況')).toBeTruthy();
  });

  it('says there is nothing to count when the form has no 集計 field', () => {
    showResult({ ...STANDARD_FORM, fields: STANDARD_FORM.fields.filter((f) => f.kind !== 'choice') });
    const section = screen.getByRole('region', { name: '達成状況' });
    expect(section.textContent).toContain('達成状況は数えていません');
    expect(within(section).queryByRole('term')).toBeNull();
  });
});
