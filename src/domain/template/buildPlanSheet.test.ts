import { describe, expect, it } from 'vitest';
import { cellText } from '../extract/snapshot';
import { parsePlanGrid } from '../plan/parsePlanGrid';
import { planItems } from '../plan/planItems';
import { PLAN_GRID_HEADER, planToGrid } from '../plan/planToGrid';
import { r2Sample } from '../sample/r2';
import { buildPlanSheet, PLAN_HEADER_ROW } from './buildPlanSheet';
import { specCell, specToSnapshot } from './specToSnapshot';

const { plan } = r2Sample();
const sheet = buildPlanSheet({ plan, fiscalYear: 2020, title: '町政運営推進プラン' });

describe('buildPlanSheet', () => {
  it('titles the 体系 sheet and writes the seed’s header below it', () => {
    expect(sheet.name).toBe('体系');
    expect(specCell(sheet, 0, 0)?.value).toBe('令和2年度 町政運営推進プラン 計画の体系');
    expect([0, 1, 2, 3].map((c) => specCell(sheet, PLAN_HEADER_ROW, c)?.value)).toEqual([
      ...PLAN_GRID_HEADER,
    ]);
  });

  it('holds planToGrid’s table, and parsePlanGrid reads the same plan back', () => {
    const grid = specToSnapshot(sheet).values.map((row) => row.map(cellText));
    expect(grid.slice(PLAN_HEADER_ROW).map((r) => [0, 1, 2, 3].map((c) => r[c] ?? ''))).toEqual(
      planToGrid(plan),
    );
    const parsed = parsePlanGrid(grid);
    expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(planItems(parsed.plan).map((p) => [p.code, p.item.title, p.item.assignment])).toEqual(
      planItems(plan).map((p) => [p.code, p.item.title, p.item.assignment]),
    );
    expect(parsed.plan.departments).toEqual(plan.departments);
  });

  it('stays editable, text-formatted and wrapped, and prints A4 landscape one page wide', () => {
    expect(sheet.protect).toBe(false);
    const body = sheet.cells.filter((c) => c.row > PLAN_HEADER_ROW);
    expect(body.every((c) => c.style === 'cell')).toBe(true);
    expect(sheet.styles.cell).toMatchObject({ numberFormat: '@', wrap: true, border: true });
    expect(sheet.styles.label).toMatchObject({ bold: true, fill: '#DDEBF7' });
    expect(sheet.print).toMatchObject({
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      titleRows: { from: 1, to: 1 },
    });
    expect(sheet.print?.area?.bottom).toBe(PLAN_HEADER_ROW + planToGrid(plan).length - 1);
    expect(sheet.columnWidths).toHaveLength(4);
  });
});
