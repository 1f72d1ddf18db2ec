// @vitest-environment jsdom
import './dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AchievementBars } from '../../src/taskpane/components/AchievementBars';

afterEach(cleanup);

const show = (choices: readonly string[], label: string, byChoice: number[], blank: number) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <AchievementBars
        label={label}
        choices={choices}
        total={{ byChoice, blank }}
        groups={[{ label: 'I 協働', counts: { byChoice, blank } }]}
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
