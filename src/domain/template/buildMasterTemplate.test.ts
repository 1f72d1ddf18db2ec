import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import { r2Sample } from '../sample/r2';
import {
  buildMasterTemplate,
  MASTER_COLUMN_WIDTHS,
  MASTER_HEADER_ROW,
  MASTER_PLAN_HEADERS,
} from './buildMasterTemplate';
import { specCell } from './specToSnapshot';

const { plan } = r2Sample();
const wb = buildMasterTemplate({ plan, fiscalYear: 2020, title: '町政運営推進プラン' });
const [planSheet, master] = wb.sheets;

describe('buildMasterTemplate', () => {
  it('puts the 体系 first, then an empty 全体計画', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['体系', '全体計画']);
    expect(planSheet?.protect).toBe(false);
    expect(wb.properties.title).toBe('令和2年度 町政運営推進プラン 全体計画');
  });

  it('writes only the title and the header row on 全体計画', () => {
    expect(specCell(master!, 0, 0)?.value).toBe('令和2年度 町政運営推進プラン 全体計画');
    expect(MASTER_PLAN_HEADERS.map((_, c) => specCell(master!, MASTER_HEADER_ROW, c)?.value)).toEqual([
      ...MASTER_PLAN_HEADERS,
    ]);
    expect(Math.max(...master!.cells.map((c) => c.row))).toBe(MASTER_HEADER_ROW);
    expect(master?.frozen).toEqual({ rows: 2, columns: 1 });
    expect(master?.protect).toBe(false);
    // Several pages wide at 100 %, 取組項目コード repeated on each (issue 13: one page wide printed at 3.4 pt).
    expect(master?.print).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 0,
      titleRows: { from: MASTER_HEADER_ROW, to: MASTER_HEADER_ROW },
      titleColumns: { from: 0, to: 0 },
      pageOrder: 'overThenDown',
    });
  });

  it('has a width for every column and names every form field as the form prints it, in form order', () => {
    expect(MASTER_COLUMN_WIDTHS).toHaveLength(MASTER_PLAN_HEADERS.length);
    const positions = STANDARD_FORM.fields.map((f) =>
      (MASTER_PLAN_HEADERS as readonly string[]).indexOf(f.label),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
