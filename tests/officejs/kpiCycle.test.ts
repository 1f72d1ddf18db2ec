import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDepartmentFiles, buildIntoWorkbook } from '../../src/app/buildWorkbooks';
import { consolidate } from '../../src/app/consolidate';
import { validateWorkbook } from '../../src/app/validateWorkbook';
import { cliFileFactory } from '../../src/cli/cliFileFactory';
import { ACHIEVEMENT_SHEET_NAME } from '../../src/domain/consolidation/buildMasterView';
import { cellText } from '../../src/domain/extract/snapshot';
import { kpiSample } from '../../src/domain/sample/kpi';
import { OfficeJsPort } from '../../src/workbook/officejs/officeJsPort';
import { installFresh, type InstalledFake } from './testPort';

const sample = kpiSample();
const { plan, fiscalYear, form, entries } = sample;

let fake: InstalledFake;
beforeEach(() => {
  fake = installFresh();
});
afterEach(() => fake.uninstall());

/** Issue 16 on the fake Excel: the 指標 様式 through the task pane's Excel path (Office.js port). */
describe('sample:kpi in Excel (the fake): build, check, consolidate by the 様式', () => {
  it("builds 教育課's sheets into the open workbook and checks them by the 様式: the 判定 off its rule without 判定理由", async () => {
    const port = new OfficeJsPort();
    const mine = entries.filter((e) => e.department === '教育課');
    await buildIntoWorkbook(port, { plan, fiscalYear, form, entries, departments: ['教育課'] });
    const result = await validateWorkbook(port, { file: 'Excel', stage: 'year-end', form, plan });
    expect(result.extraction.entries.map((e) => e.entry.code).sort()).toEqual(mine.map((e) => e.code).sort());
    expect(result.findings.filter((f) => f.code.startsWith('extract.'))).toEqual([]);
    const judged = result.findings.filter((f) => f.code === 'entry.judge-unexplained');
    expect(judged).toHaveLength(1);
    expect(judged[0]?.place.cell).toMatch(/^D\d+$/);
  });

  it('consolidates the departments into the workbook in Excel, counting 判定 S/A/B/C', async () => {
    const files = await buildDepartmentFiles(cliFileFactory, { plan, fiscalYear, form, entries });
    const port = new OfficeJsPort();
    const result = await consolidate(
      plan,
      files.map((f, i) => ({ file: f.fileName, modified: 1000 + i, bytes: f.bytes })),
      {
        factory: cliFileFactory,
        target: port,
        stage: 'year-end',
        fiscalYear,
        stamp: '2025-04-20T09:00:00+09:00',
        title: sample.planTitle,
        form,
      },
    );
    expect(result.consolidation.rows).toHaveLength(25);
    expect(result.consolidation.achievement.choices).toEqual(['S', 'A', 'B', 'C']);
    expect(result.consolidation.achievement.total).toEqual({ byChoice: [5, 9, 7, 3], blank: 1, missing: 0 });
    const [sheet] = (await port.readSnapshot([ACHIEVEMENT_SHEET_NAME])).sheets;
    const rows = sheet!.values.map((r) => r.map((v) => cellText(v ?? null)));
    expect(rows.some((r) => r.join('|').includes('S|A|B|C|未記入'))).toBe(true);
    // S A B C, 未記入, うち未提出, 計.
    expect(rows.find((r) => r[0] === '全体')?.slice(2, 9)).toEqual(['5', '9', '7', '3', '1', '0', '25']);
  });
});
