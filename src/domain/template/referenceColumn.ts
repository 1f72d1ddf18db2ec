import type { EntryFields } from '../entry/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import type { EntryLayout } from './entryLayout';
import { estimateRowHeight } from './rowHeight';
import type { CellSpec, CellStyle } from './sheetSpec';
import { FONT_SIZE, MUTED_COLOR, SMALL_FONT_SIZE } from './templateStyles';

/**
 * 前年度: last year's values beside next year's sheet (issue 17). Column G, right of the hidden metadata
 * column F, headed 「前年度（令和2年度）」 on the sheet's first row; on each carried (○) and 参考 field's row,
 * last year's value in grey, locked, wrapped. The reader never takes it for this year's text
 * (extract/previousColumn.ts) and gives it back as the entry's `previous` values.
 */
export const REFERENCE_COLUMN = 6;
export const REFERENCE_COLUMN_WIDTH = 44;

/** `前年度（令和2年度）`: the column's heading; the reader finds the column by it. */
export const referenceHeading = (fiscalYear: number): string => `前年度（${formatFiscalYear(fiscalYear)}）`;

export interface PreviousValues {
  /** The year the values are from (April-start). */
  readonly fiscalYear: number;
  readonly fields: Partial<EntryFields>;
}

export const REFERENCE_STYLES: Readonly<Record<string, CellStyle>> = {
  referenceHeading: {
    bold: true,
    fontSize: SMALL_FONT_SIZE,
    color: MUTED_COLOR,
    horizontal: 'left',
    vertical: 'middle',
    locked: true,
    numberFormat: '@',
  },
  reference: {
    fontSize: FONT_SIZE,
    color: MUTED_COLOR,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: true,
    numberFormat: '@',
  },
};

/** The heading and one cell per carried or 参考 field with a value last year. */
export function referenceCells(layout: EntryLayout, previous: PreviousValues): CellSpec[] {
  const cells: CellSpec[] = [
    {
      row: layout.heading.top,
      column: REFERENCE_COLUMN,
      style: 'referenceHeading',
      value: referenceHeading(previous.fiscalYear),
    },
  ];
  for (const input of layout.inputs) {
    if (input.field.carry === undefined) continue;
    const text = previous.fields[input.field.key] ?? '';
    cells.push({
      row: input.range.top,
      column: REFERENCE_COLUMN,
      style: 'reference',
      ...(text !== '' && { value: text }),
    });
  }
  return cells;
}

/** Row heights raised where last year's text needs more room than this year's. */
export function referenceRowHeights(
  heights: Readonly<Record<number, number>>,
  cells: readonly CellSpec[],
): Record<number, number> {
  const out = { ...heights };
  for (const c of cells)
    if (c.style === 'reference' && typeof c.value === 'string')
      out[c.row] = Math.max(
        out[c.row] ?? 0,
        estimateRowHeight(c.value, { widthChars: REFERENCE_COLUMN_WIDTH, fontSize: FONT_SIZE, min: 0 }),
      );
  return out;
}
