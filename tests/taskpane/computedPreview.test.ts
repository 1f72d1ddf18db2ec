import { describe, expect, it } from 'vitest';
import { parseCellAddress } from '../../src/domain/cellAddress';
import { extractWorkbook } from '../../src/domain/extract/extractWorkbook';
import { planItems } from '../../src/domain/plan/planItems';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildEntrySheet } from '../../src/domain/template/buildEntrySheet';
import { entryLayout, inputAddress, inputFor } from '../../src/domain/template/entryLayout';
import { specToSnapshot } from '../../src/domain/template/specToSnapshot';
import { withComputedValues } from '../../src/taskpane/computedPreview';
import { KPI_FILLED, KPI_FORM } from '../helpers/kpiForm';

const { plan } = r2Sample();
const item = planItems(plan)[0]!;
const rateCell = parseCellAddress(inputAddress(inputFor(entryLayout(KPI_FORM), 'rate')))!;

describe('withComputedValues (file mode’s cell preview)', () => {
  // As written outside Excel: the 達成率 cell is a formula with no saved value.
  const sheet = specToSnapshot(
    buildEntrySheet({
      item,
      department: '総務課',
      seq: 1,
      fiscalYear: 2021,
      form: KPI_FORM,
      sheetName: 'KPI',
      fields: KPI_FILLED,
    }),
  );
  const extraction = extractWorkbook({ sheets: [sheet] }, { file: 'kpi.xlsx', plan, form: KPI_FORM });

  it('shows the 達成率 the check computed where the formula cell holds no value', () => {
    expect(sheet.values[rateCell.row]?.[rateCell.column] ?? null).toBeNull();
    const shown = withComputedValues(sheet, { extraction, form: KPI_FORM });
    expect(shown.values[rateCell.row]?.[rateCell.column]).toBe('90%');
    expect(sheet.values[rateCell.row]?.[rateCell.column] ?? null).toBeNull();
  });

  it('leaves a cell with a value as it is, and another sheet untouched', () => {
    const values = sheet.values.map((r) => [...r]);
    values[rateCell.row]![rateCell.column] = 0.5;
    const withValue = { ...sheet, values };
    expect(
      withComputedValues(withValue, { extraction, form: KPI_FORM }).values[rateCell.row]?.[rateCell.column],
    ).toBe(0.5);
    const other = { ...sheet, name: '別のシート' };
    expect(withComputedValues(other, { extraction, form: KPI_FORM })).toBe(other);
  });
});
