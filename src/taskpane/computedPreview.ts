import type { ReadResult } from '../app/validateWorkbook';
import { parseCellAddress } from '../domain/cellAddress';
import { computedPercentText, numberValue } from '../domain/entry/fieldValue';
import { cellText, type SheetSnapshot } from '../domain/extract/snapshot';
import type { CellValue } from '../domain/template/sheetSpec';

/**
 * The sheet as file mode previews it, with each 計算 cell that holds no value (a formula Excel never
 * computed: the workbook was written outside Excel) showing the value the check computed from its operands,
 * so that a finding about a 判定 shows the 達成率 it is about. Cells with a value are left as they are.
 */
export function withComputedValues(
  sheet: SheetSnapshot,
  read: Pick<ReadResult, 'extraction' | 'form'>,
): SheetSnapshot {
  const computed = read.form.fields.filter((f) => f.kind === 'computed');
  if (computed.length === 0) return sheet;
  let values: CellValue[][] | undefined;
  for (const e of read.extraction.entries) {
    if (e.source.sheet !== sheet.name) continue;
    for (const def of computed) {
      const at = parseCellAddress(e.source.cells[def.key] ?? '');
      const n = numberValue(e.entry.fields[def.key] ?? '');
      if (!at || n === undefined || cellText(sheet.values[at.row]?.[at.column]) !== '') continue;
      values ??= sheet.values.map((row) => [...row]);
      (values[at.row] ??= [])[at.column] = computedPercentText(n);
    }
  }
  return values ? { ...sheet, values } : sheet;
}
