import { afterEach, describe, expect, it } from 'vitest';
import { ACHIEVEMENT_SHEET_NAME, buildMasterView } from '../../domain/consolidation/buildMasterView';
import { consolidateEntries } from '../../domain/consolidation/consolidateEntries';
import type { SourceFile } from '../../domain/consolidation/types';
import { r2Sample } from '../../domain/sample/r2';
import { OfficeJsPort } from './officeJsPort';
import { installFresh, type InstalledFake } from '../../../tests/officejs/testPort';

let fake: InstalledFake | undefined;
afterEach(() => fake?.uninstall());

const { plan, entries } = r2Sample();
const sources: SourceFile[] = plan.departments.map((d, i) => ({
  kind: 'read',
  file: `${d}.xlsx`,
  modified: i,
  entries: entries
    .filter((e) => e.department === d)
    .map((entry) => ({ entry, sheet: `${entry.code} ${d} ${entry.seq}`, cells: {} })),
  sheets: entries
    .filter((e) => e.department === d)
    .map((e) => ({ sheet: `${e.code} ${d} ${e.seq}`, kind: 'entry' as const })),
  findings: [],
}));

describe('the 達成状況 chart', () => {
  it('is drawn in Excel as a stacked bar over the counts table, beside it', async () => {
    fake = installFresh();
    const view = buildMasterView({
      consolidation: consolidateEntries(plan, sources, { stamp: 's', fiscalYear: 2020, stage: 'year-end' }),
      title: '町政運営推進プラン',
    });
    await new OfficeJsPort().writeSheets(view.sheets);
    const sheet = fake.state.sheets.find((s) => s.name === ACHIEVEMENT_SHEET_NAME)!;
    expect(sheet.charts).toHaveLength(1);
    // Header row 3, then 全体 + 2 基本項目 + 4 推進項目 + 7 実践課 with rows (教育振興課 has none) = 14; columns B (項目) to F (未記入); beside the table (A–I: うち未提出, 計, 達成率 after 未記入) from K.
    expect(sheet.charts[0]).toMatchObject({
      type: 'BarStacked',
      seriesBy: 'Columns',
      title: '目標の達成状況（令和2年度）',
      rect: { top: 2, left: 1, bottom: 16, right: 5 },
      position: { start: 'K3' },
    });
  });

  it('refuses an unknown chart type like Excel', async () => {
    fake = installFresh();
    await expect(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.charts.add('Doughnut3D' as Excel.ChartType, sheet.getRange('A1:B2'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
