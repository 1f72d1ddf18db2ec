import { formatFiscalYear } from '../fiscal/fiscalYear';
import type { Plan } from '../plan/types';
import { buildPlanSheet } from './buildPlanSheet';
import { a4Print, leftRightHeader } from './printSetup';
import { MASTER_SHEET_NAME } from './sheetName';
import { range, type SheetSpec, type WorkbookSpec } from './sheetSpec';
import { pickStyles, region } from './templateStyles';

/** The 全体計画 columns, in order; consolidation writes one row per sheet under them. */
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
  '提出ファイル',
  'シート',
  '備考',
] as const;
export type MasterPlanHeader = (typeof MASTER_PLAN_HEADERS)[number];

export const MASTER_TITLE_ROW = 0;
export const MASTER_HEADER_ROW = 1;
export const MASTER_FIRST_ROW = 2;
const WIDTHS: Readonly<Record<MasterPlanHeader, number>> = {
  取組項目コード: 10,
  基本項目: 16,
  推進項目: 16,
  取組項目: 30,
  実践課: 14,
  とりまとめ課: 10,
  目指す姿: 40,
  目標: 40,
  取組内容: 40,
  '前期 (4～9月)': 40,
  '後期 (10～3月)': 40,
  目標の達成: 12,
  '評価・検証': 40,
  検証結果: 16,
  提出ファイル: 24,
  シート: 20,
  備考: 24,
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
