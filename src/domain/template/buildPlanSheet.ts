import { formatFiscalYear } from '../fiscal/fiscalYear';
import { planToGrid } from '../plan/planToGrid';
import type { Plan } from '../plan/types';
import { a4Print, leftRightHeader } from './printSetup';
import { estimateRowHeight } from './rowHeight';
import { PLAN_SHEET_NAME } from './sheetName';
import { range, type CellSpec, type SheetSpec } from './sheetSpec';
import { FONT_SIZE, pickStyles, region } from './templateStyles';

export const PLAN_TITLE_ROW = 0;
export const PLAN_HEADER_ROW = 1;
export const PLAN_COLUMN_WIDTHS: readonly number[] = [24, 24, 56, 40];

export interface PlanSheetInput {
  readonly plan: Plan;
  readonly fiscalYear: number;
  /** The plan's name, e.g. 町政運営推進プラン. */
  readonly title: string;
  readonly name?: string;
}

/**
 * The 体系 sheet, the source of truth 総務課 edits: the seed's four-column table (planToGrid) under a
 * title row. Not protected; cells are text-formatted so that `(1)` typed in Excel stays `(1)`, not −1.
 * parsePlanGrid reads it back (it finds the header below the title).
 */
export function buildPlanSheet(input: PlanSheetInput): SheetSpec {
  const { plan, fiscalYear, title, name = PLAN_SHEET_NAME } = input;
  const yearLabel = formatFiscalYear(fiscalYear);
  const [header = [], ...body] = planToGrid(plan);
  const lastColumn = header.length - 1;
  const lastRow = PLAN_HEADER_ROW + body.length;
  const cells: CellSpec[] = [
    ...region(range(PLAN_TITLE_ROW, 0, PLAN_TITLE_ROW, lastColumn), 'title', {
      value: `${yearLabel} ${title} 計画の体系`,
    }),
    ...header.map((value, column) => ({ row: PLAN_HEADER_ROW, column, value, style: 'label' })),
    ...body.flatMap((cols, i) =>
      cols.map((value, column) => ({
        row: PLAN_HEADER_ROW + 1 + i,
        column,
        style: 'cell',
        ...(value !== '' && { value }),
      })),
    ),
  ];
  const rowHeights: Record<number, number> = { [PLAN_TITLE_ROW]: 24 };
  body.forEach((cols, i) => {
    rowHeights[PLAN_HEADER_ROW + 1 + i] = Math.max(
      ...cols.map((text, c) =>
        estimateRowHeight(text, { widthChars: PLAN_COLUMN_WIDTHS[c] ?? 20, fontSize: FONT_SIZE, min: 20 }),
      ),
    );
  });
  return {
    name,
    cells,
    styles: pickStyles('title', 'label', 'cell'),
    merges: [range(PLAN_TITLE_ROW, 0, PLAN_TITLE_ROW, lastColumn)],
    columnWidths: PLAN_COLUMN_WIDTHS,
    rowHeights,
    validations: [],
    conditionalFormats: [],
    protect: false,
    frozen: { rows: PLAN_HEADER_ROW + 1, columns: 0 },
    print: a4Print({
      orientation: 'landscape',
      area: range(0, 0, lastRow, lastColumn),
      header: leftRightHeader(`${title} 計画の体系`, yearLabel),
      titleRows: { from: PLAN_HEADER_ROW, to: PLAN_HEADER_ROW },
    }),
  };
}
