import type { TableProperties, Worksheet } from 'exceljs';
import { cellAddress } from '../../domain/cellAddress';
import { cellText } from '../../domain/extract/snapshot';
import { invariant } from '../../domain/result';
import type { TableSpec } from '../../domain/template/sheetSpec';
import { cellValueOf } from './snapshotValue';
import { headerNames } from '../sheetRules';

/**
 * An Excel table over cells already written: ExcelJS's addTable writes the header and rows back into the
 * cells it covers, so we hand it the values that are there (styles are left alone: no column styles).
 */
export function renderTable(ws: Worksheet, spec: TableSpec): void {
  const { top, left, bottom, right } = spec.range;
  invariant(bottom > top, `table ${spec.name} needs a header row and at least one data row`);
  invariant(/^[A-Za-z_\\\p{L}][\p{L}\p{N}_.]*$/u.test(spec.name), `invalid table name: ${spec.name}`);
  const columns: number[] = [];
  for (let c = left; c <= right; c += 1) columns.push(c);
  const headers = headerNames(columns.map((c) => cellText(cellValueOf(ws.getCell(top + 1, c + 1).value))));
  const rows: unknown[][] = [];
  for (let r = top + 1; r <= bottom; r += 1) rows.push(columns.map((c) => ws.getCell(r + 1, c + 1).value));
  ws.addTable({
    name: spec.name,
    displayName: spec.name,
    ref: cellAddress(top, left),
    headerRow: true,
    style: { theme: spec.style as NonNullable<TableProperties['style']>['theme'], showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
}
