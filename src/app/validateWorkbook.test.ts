import { describe, expect, it } from 'vitest';
import { r2Sample } from '../domain/sample/r2';
import { buildDepartmentWorkbook } from '../domain/template/buildDepartmentWorkbook';
import { isContributionCell } from '../domain/template/departmentCell';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import { cellMarks } from './cellMarks';
import { validateWorkbook } from './validateWorkbook';

const { plan, entries, fiscalYear } = r2Sample();

describe('validateWorkbook on a department workbook checked alone (no 体系 in it, no plan given)', () => {
  it('does not report the blank parts of 全課 items as 未記入: the 実践課 cell says they are parts', async () => {
    const port = await excelJsFactory.create(
      buildDepartmentWorkbook({ plan, department: '建設水道課', fiscalYear, entries }),
    );
    const result = await validateWorkbook(port, { file: '建設水道課.xlsx', stage: 'year-end' });
    expect(result.planSource).toBe('none');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(
      result.findings.filter((f) => f.code === 'entry.contribution-blank').map((f) => f.place.code),
    ).toEqual(['I-1-1-1', 'I-2-2-1', 'II-1-4-1', 'II-2-4-2']);
    expect(result.summary).toMatchObject({ entries: 7, complete: 7, errors: 0 });
  });

  it('colours no cell for a blank 全課 part (nothing to fix), and every cell of an error', async () => {
    const port = await excelJsFactory.create(
      buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear }),
    );
    const contribution = await validateWorkbook(
      await excelJsFactory.create(
        buildDepartmentWorkbook({ plan, department: '建設水道課', fiscalYear, entries }),
      ),
      { file: '建設水道課.xlsx', stage: 'year-end' },
    );
    expect(contribution.findings.some((f) => f.code === 'entry.contribution-blank')).toBe(true);
    expect(cellMarks(contribution.findings)).toEqual([]);
    const blank = await validateWorkbook(port, { file: '総務課.xlsx', stage: 'plan' });
    const marks = cellMarks(blank.findings);
    const errors = blank.findings.filter((f) => f.severity === 'error' && f.place.cell);
    expect(marks).toHaveLength(errors.length);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.severity === 'error' && m.cell !== 'D2')).toBe(true);
  });

  it("still requires every field of the coordinator's own 全課 sheet", async () => {
    const port = await excelJsFactory.create(
      buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear }),
    );
    const result = await validateWorkbook(port, { file: '総務課.xlsx', stage: 'plan' });
    expect(
      result.findings
        .filter((f) => f.code === 'entry.required' && f.place.code === 'I-1-1-1')
        .map((f) => f.place.field),
    ).toEqual(['vision', 'goal', 'actions']);
  });
});

describe('isContributionCell', () => {
  it.each([
    ['保健福祉課（全課【総務課】）', true],
    ['保健福祉課 (全課【総務課】)', true],
    ['全課【総務課】', false],
    ['町民生活課', false],
  ])('%s → %s', (text, expected) => expect(isContributionCell(text)).toBe(expected));
});
