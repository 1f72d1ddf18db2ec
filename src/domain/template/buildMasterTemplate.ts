import { formatFiscalYear } from '../fiscal/fiscalYear';
import type { Plan } from '../plan/types';
import { buildPlanSheet } from './buildPlanSheet';
import { a4Print, leftRightHeader } from './printSetup';
import { MASTER_SHEET_NAME } from './sheetName';
import { range, type SheetSpec, type WorkbookSpec } from './sheetSpec';
import { pickStyles, region } from './templateStyles';

/**
 * The 全体計画 columns, in order; consolidation writes one row per sheet under them. Where each row came
 * from (提出ファイル, シート) comes last, after 備考: those columns are on screen, not on paper.
 */
export const MASTER_PLAN_HEADERS = [
  '取組項目コード',
  '基本項目',
  '推進項目',
  '取組項目',
  '実践課',
  'とりまとめ課',
  '目指す姿',
  '目標',
  '取組内容',
  '前期 (4～9月)',
  '後期 (10～3月)',
  '目標の達成',
  '評価・検証',
  '検証結果',
  '備考',
  '提出ファイル',
  'シート',
] as const;
export type MasterPlanHeader = (typeof MASTER_PLAN_HEADERS)[number];

export const MASTER_TITLE_ROW = 0;
export const MASTER_HEADER_ROW = 1;
export const MASTER_FIRST_ROW = 2;
/**
 * Widths in characters. Printed at 100 % (a wide table that is shrunk to one page cannot be read), the
 * table is several A4 landscape pages wide with 取組項目コード repeated on each: the item's place in the
 * plan, then two or three text fields a page. Codes, headers and the 目標の達成 choices fit on one line.
 */
const WIDTHS: Readonly<Record<MasterPlanHeader, number>> = {
  取組項目コード: 16,
  基本項目: 12,
  推進項目: 12,
  取組項目: 26,
  実践課: 18,
  とりまとめ課: 14,
  目指す姿: 48,
  目標: 42,
  取組内容: 44,
  '前期 (4～9月)': 48,
  '後期 (10～3月)': 48,
  目標の達成: 18,
  '評価・検証': 48,
  検証結果: 20,
  備考: 24,
  提出ファイル: 20,
  シート: 20,
};
export const MASTER_COLUMN_WIDTHS: readonly number[] = MASTER_PLAN_HEADERS.map((h) => WIDTHS[h]);

export interface MasterTemplateInput {
  readonly plan: Plan;
  readonly fiscalYear: number;
  /** The plan's name, e.g. 町政運営推進プラン. */
  readonly title: string;
}

/** The empty 全体計画 sheet: its title and header row; consolidation fills the rows below. */
export function buildMasterSheet(fiscalYear: number, title: string): SheetSpec {
  const yearLabel = formatFiscalYear(fiscalYear);
  return {
    name: MASTER_SHEET_NAME,
    cells: [
      ...region(range(MASTER_TITLE_ROW, 0, MASTER_TITLE_ROW, 5), 'title', {
        value: `${yearLabel} ${title} 全体計画`,
      }),
      ...MASTER_PLAN_HEADERS.map((value, column) => ({
        row: MASTER_HEADER_ROW,
        column,
        value,
        style: 'label',
      })),
    ],
    styles: pickStyles('title', 'label'),
    merges: [range(MASTER_TITLE_ROW, 0, MASTER_TITLE_ROW, 5)],
    columnWidths: MASTER_COLUMN_WIDTHS,
    rowHeights: { [MASTER_TITLE_ROW]: 24, [MASTER_HEADER_ROW]: 30 },
    validations: [],
    conditionalFormats: [],
    protect: false,
    frozen: { rows: MASTER_FIRST_ROW, columns: 1 },
    print: a4Print({
      orientation: 'landscape',
      header: leftRightHeader(`${title} 全体計画`, yearLabel),
      titleRows: { from: MASTER_HEADER_ROW, to: MASTER_HEADER_ROW },
      pagesWide: 0,
      titleColumns: { from: 0, to: 0 },
    }),
  };
}

/** 総務課's master workbook: the 体系 sheet first, then the empty 全体計画. */
export function buildMasterTemplate(input: MasterTemplateInput): WorkbookSpec {
  const { plan, fiscalYear, title } = input;
  return {
    sheets: [buildPlanSheet({ plan, fiscalYear, title }), buildMasterSheet(fiscalYear, title)],
    properties: { title: `${formatFiscalYear(fiscalYear)} ${title} 全体計画`, subject: '全体計画' },
  };
}
