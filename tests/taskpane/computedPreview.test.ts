import { describe, expect, it } from 'vitest';
import { parseCellAddress } from '../../src/domain/cellAddress';
import { extractWorkbook } from '../../src/domain/extract/extractWorkbook';
import { r2Sample } from '../../src/domain/sample/r2';
import { specToSnapshot } from '../../src/domain/template/specToSnapshot';
import { withComputedValues } from '../../src/taskpane/computedPreview';
import { KPI_FORM, kpiInputAddress, kpiSheet } from '../helpers/kpiForm';

const rateCell = parseCellAddress(kpiInputAddress('rate'))!;

describe('withComputedValues (file mode’s cell preview)', () => {
  // As written outside Excel: the 達成率 cell is a formula with no saved value.
  const sheet = specToSnapshot(kpiSheet());
  const extraction = extractWorkbook(
    { sheets: [sheet] },
    { file: 'kpi.xlsx', plan: r2Sample().plan, form: KPI_FORM },
  );

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
