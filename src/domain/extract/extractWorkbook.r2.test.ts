import { describe, expect, it } from 'vitest';
import type { Entry } from '../entry/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { formatAssignment, fullItemLabel, planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { STANDARD_FORM } from '../entry/formDefinition';
import { formatSheetMeta } from '../template/sheetMeta';
import { numberToCircled } from '../text/hierarchyToken';
import { extractWorkbook } from './extractWorkbook';
import {
  MERGED_LAYOUT_MERGES,
  seedLayout,
  setCell,
  sheetFromRows,
} from '../../../tests/helpers/sheetFromRows';
import type { SheetSnapshot } from './snapshot';

const sample = r2Sample();
const items = planItems(sample.plan);

/** One sample entry as a hand-typed sheet in the seed's layout; odd sheets print `②` for `(2)` as the seed does. */
function handTyped(entry: Entry, i: number): SheetSnapshot {
  const p = items.find((x) => x.code === entry.code)!;
  const label =
    i % 2 === 1
      ? fullItemLabel(p).replace(`(${p.item.number})`, numberToCircled(p.item.number))
      : fullItemLabel(p);
  const department =
    p.item.assignment.kind === 'all' ? formatAssignment(p.item.assignment) : entry.department;
  return sheetFromRows(
    `${i + 1}_${entry.department}`,
    seedLayout({ item: label, department, year: formatFiscalYear(entry.fiscalYear), ...entry.fields }),
  );
}

describe('extractWorkbook round-trips the 37 R2 sample entries', () => {
  it('from hand-typed seed-layout sheets, by labels alone (seq by workbook order)', () => {
    const x = extractWorkbook(
      { sheets: sample.entries.map(handTyped) },
      { file: 'R2.xlsx', plan: sample.plan },
    );
    expect(x.findings).toEqual([]);
    expect(x.entries.map((e) => e.entry)).toEqual(sample.entries);
    expect(new Set(x.entries.map((e) => e.identifiedBy))).toEqual(new Set(['labels']));
    expect(x.sheets.every((s) => s.kind === 'entry' && s.entries === 1)).toBe(true);
  });

  it('from merged sheets carrying metadata in a hidden column, in reverse tab order (seq from metadata)', () => {
    const sheets = sample.entries
      .map((entry, i) => {
        const sheet = handTyped(entry, i);
        const meta = formatSheetMeta({
          ...entry,
          formId: STANDARD_FORM.id,
          formVersion: STANDARD_FORM.version,
        });
        return { ...sheet, values: setCell(sheet.values, 0, 5, meta), merges: MERGED_LAYOUT_MERGES };
      })
      .reverse();
    const x = extractWorkbook({ sheets }, { file: 'R2.xlsx' });
    expect(x.findings).toEqual([]);
    expect(x.entries.map((e) => e.entry)).toEqual([...sample.entries].reverse());
    expect(new Set(x.entries.map((e) => e.identifiedBy))).toEqual(new Set(['meta']));
  });
});
