import { cellAddress } from '../cellAddress';
import { STANDARD_FORM, type FormDefinition } from '../entry/formDefinition';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { fullItemLabel, isContributionOf } from '../plan/planItems';
import type { PlanItem } from '../plan/types';
import { entryLayout, inputAddress, requiredInputs } from './entryLayout';
import { a4Print, leftRightHeader } from './printSetup';
import { estimateRowHeight } from './rowHeight';
import { sheetRef, TOC_SHEET_NAME } from './sheetName';
import { range, type CellSpec, type SheetSpec } from './sheetSpec';
import { FONT_SIZE, pickStyles, region, STYLE } from './templateStyles';

/** One entry sheet of a department workbook, as the 目次 lists it. */
export interface TocRow {
  readonly sheetName: string;
  readonly code: string;
  /** `① 行政情報の公開と共有 (1) 効果的な情報発信手法の研究実施`. */
  readonly label: string;
  readonly seq: number;
  /** A1 addresses of the inputs required by year-end, counted while empty. */
  readonly requiredCells: readonly string[];
  /**
   * A department's part of a 全課 item: nothing on it is required (the coordinator compiles), so the 目次
   * says whether anything was written instead of counting blanks.
   */
  readonly optional?: boolean;
}

export const TOC_HEADERS = ['No', 'コード', '取組項目', '番号', 'シート', '未記入', '記入状況'] as const;
export const TOC_COLUMN_WIDTHS: readonly number[] = [5, 11, 52, 6, 26, 8, 16];
export const TOC_TITLE_ROW = 0;
export const TOC_HEADER_ROW = 2;
export const TOC_FIRST_ROW = 3;
const COUNT_COLUMN = 5;
const NUMBER_STYLE = { ...STYLE.lockedCell, horizontal: 'right', numberFormat: '0_ _ ' } as const;

/** The 目次 row of an entry sheet built with the given form. */
export function tocRowFor(
  item: PlanItem,
  seq: number,
  sheetName: string,
  department: string,
  form: FormDefinition = STANDARD_FORM,
): TocRow {
  return {
    sheetName,
    code: item.code,
    label: fullItemLabel(item),
    seq,
    requiredCells: requiredInputs(entryLayout(form), 'year-end').map(inputAddress),
    ...(isContributionOf(item.item.assignment, department) && { optional: true }),
  };
}

/**
 * How many required cells of a sheet are still empty, as a formula: `(TRIM('I-1-1-1 総務課'!C3)="")+…`
 * (TRUE counts 1). Plain Excel arithmetic on the sheet's own cells: it recalculates as the department
 * types, in any Excel, without the add-in, and follows a renamed sheet.
 */
export const emptyCountFormula = (row: TocRow): string =>
  row.requiredCells.length === 0
    ? '0'
    : row.requiredCells.map((cell) => `(TRIM(${sheetRef(row.sheetName, cell)})="")`).join('+');

/** How many of those cells hold text (an optional row's 記入状況 says whether anything was written). */
const filledCountFormula = (row: TocRow): string =>
  row.requiredCells.length === 0
    ? '0'
    : row.requiredCells.map((cell) => `(TRIM(${sheetRef(row.sheetName, cell)})<>"")`).join('+');

/** An optional row's 記入状況: `任意（記入なし）` or `記入あり`. */
export const optionalStatusFormula = (row: TocRow): string =>
  `IF(${filledCountFormula(row)}=0,"任意（記入なし）","記入あり")`;

/** `記入済み` or `未記入 3 項目`, from the count cell beside it. */
export const statusFormula = (countCell: string): string =>
  `IF(${countCell}=0,"記入済み","未記入 "&${countCell}&" 項目")`;

export interface TocSheetInput {
  readonly department: string;
  readonly fiscalYear: number;
  readonly rows: readonly TocRow[];
  readonly name?: string;
}

/** The 目次 of a department workbook: one row per entry sheet, a link to it and its live 記入状況. */
export function buildTocSheet(input: TocSheetInput): SheetSpec {
  const { department, fiscalYear, rows, name = TOC_SHEET_NAME } = input;
  const yearLabel = formatFiscalYear(fiscalYear);
  const lastColumn = TOC_HEADERS.length - 1;
  const lastRow = Math.max(TOC_HEADER_ROW, TOC_FIRST_ROW + rows.length - 1);
  const cells: CellSpec[] = [
    ...region(range(TOC_TITLE_ROW, 0, TOC_TITLE_ROW, lastColumn), 'title', {
      value: `${yearLabel} 取組項目シート 目次（${department}）`,
    }),
    ...region(range(1, 0, 1, lastColumn), 'note', {
      value:
        '「未記入」は各シートで年度末までに記入する欄のうち、空欄の数です（全課の取組で各課が書き足すシートは任意です）。シート名をクリックすると、そのシートへ移動します。',
    }),
    ...TOC_HEADERS.map((value, column) => ({ row: TOC_HEADER_ROW, column, value, style: 'label' })),
    ...rows.flatMap((r, i): CellSpec[] => {
      const row = TOC_FIRST_ROW + i;
      const countCell = cellAddress(row, COUNT_COLUMN);
      return [
        { row, column: 0, value: i + 1, style: 'lockedNumber' },
        { row, column: 1, value: r.code, style: 'lockedCell' },
        { row, column: 2, value: r.label, style: 'lockedCell' },
        { row, column: 3, value: r.seq, style: 'lockedNumber' },
        { row, column: 4, value: r.sheetName, style: 'link', link: { sheet: r.sheetName, cell: 'A1' } },
        ...(r.optional
          ? [
              { row, column: COUNT_COLUMN, value: '—', style: 'lockedNumber' },
              { row, column: 6, formula: optionalStatusFormula(r), style: 'lockedCell' },
            ]
          : [
              { row, column: COUNT_COLUMN, formula: emptyCountFormula(r), style: 'lockedNumber' },
              { row, column: 6, formula: statusFormula(countCell), style: 'lockedCell' },
            ]),
      ];
    }),
  ];
  const rowHeights: Record<number, number> = { [TOC_TITLE_ROW]: 24, 1: 27 };
  rows.forEach((r, i) => {
    rowHeights[TOC_FIRST_ROW + i] = estimateRowHeight(r.label, {
      widthChars: TOC_COLUMN_WIDTHS[2] ?? 52,
      fontSize: FONT_SIZE,
      min: 20,
    });
  });
  return {
    name,
    cells,
    // Numbers (No, 番号, 未記入) right-aligned, so 9 and 10 line up, with two spaces' room on their right
    // (`0_ _ `): flush against the code beside it, No 1 printed as 「1I-1-1-1」 (read as 11-1-1-1).
    styles: { ...pickStyles('title', 'note', 'label', 'lockedCell', 'link'), lockedNumber: NUMBER_STYLE },
    merges: [range(TOC_TITLE_ROW, 0, TOC_TITLE_ROW, lastColumn), range(1, 0, 1, lastColumn)],
    columnWidths: TOC_COLUMN_WIDTHS,
    rowHeights,
    validations: [],
    conditionalFormats: [],
    protect: true,
    frozen: { rows: TOC_FIRST_ROW, columns: 0 },
    print: a4Print({
      orientation: 'landscape',
      area: range(0, 0, lastRow, lastColumn),
      header: leftRightHeader(`目次 ${department}`, yearLabel),
      titleRows: { from: TOC_HEADER_ROW, to: TOC_HEADER_ROW },
    }),
  };
}
