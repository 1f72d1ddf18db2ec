import { cellAddress } from '../cellAddress';
import { HISTORY_SHEET_NAME } from '../consolidation/viewSheetNames';
import {
  firstChoiceRate,
  firstChoiceShare,
  tallyTitle,
  totalOf,
} from '../consolidation/summarizeAchievement';
import type { AchievementCounts } from '../consolidation/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { a4Print, headerText } from '../template/printSetup';
import { estimateRowHeight } from '../template/rowHeight';
import { range, type CellRange, type CellSpec, type CellValue, type SheetSpec } from '../template/sheetSpec';
import { FONT_SIZE, pickStyles, STYLE } from '../template/templateStyles';
import { historyKey, skippedYearsNote, type History, type ItemHistory, type YearTally } from './yearHistory';

export { HISTORY_SHEET_NAME };

/** The item section's columns (the counts section shares the sheet's column widths). */
const ITEM_HEADERS = ['取組項目', '取組項目コード', '実践課', '番号', '年度', '選択', '評価'] as const;
const ITEM_WIDTHS = [40, 16, 16, 6, 12, 16];
const COMMENT_COLUMN = 6;
/** The 評価 column's width at least (it spans the count columns beside it when there are more of them). */
const COMMENT_WIDTH = 60;

export interface HistorySheet {
  readonly sheet: SheetSpec;
  /** The first row of each item's block on the sheet, by historyKey: where 全体計画 links to. */
  readonly anchors: ReadonlyMap<string, string>;
}

export interface HistorySheetOptions {
  /** 全体計画's cell of each row by historyKey: the item's block links back there. */
  readonly masterCells?: ReadonlyMap<string, { readonly sheet: string; readonly cell: string }>;
  readonly subtitle?: string;
}

const yearLabel = (y: { fiscalYear: number }): string => formatFiscalYear(y.fiscalYear);

/** The columns a year takes in the counts section: its choices, 未記入, 計 and the first choice's share. */
function yearColumns(y: YearTally): string[] {
  if (!y.field) return ['集計なし'];
  const rate = firstChoiceRate(y.choices);
  return [...y.choices, '未記入', '計', ...(rate ? [rate] : [])];
}

function yearValues(y: YearTally, counts: AchievementCounts | undefined): CellValue[] {
  if (!y.field) return [''];
  if (!counts) return yearColumns(y).map(() => '—');
  const total = totalOf(counts);
  const rate = firstChoiceRate(y.choices);
  return [...counts.byChoice, counts.blank, total, ...(rate ? [firstChoiceShare(counts)] : [])];
}

const itemYearText = (status: ItemHistory['years'][number]['status'], text: string): string =>
  status === 'absent' ? '（この年度の全体計画になし）' : status === 'missing' ? '未提出' : text;

/**
 * 推移: the 集計 counts year by year and by 推進項目 (each year under its own 様式's choices: two years whose
 * choices differ each keep theirs), then each 全体計画 row's history — its label, choice and 評価 per year —
 * as a block whose first row 全体計画 links to (and which links back to 全体計画).
 */
export function buildHistorySheet(history: History, options: HistorySheetOptions = {}): HistorySheet {
  const cells: CellSpec[] = [];
  const merges: CellRange[] = [];
  const rowHeights: Record<number, number> = { 0: 24 };
  const widths: number[] = [...ITEM_WIDTHS];
  const years = history.years;
  const span =
    years.length > 0 ? `${yearLabel(years[0]!)}～${yearLabel(years[years.length - 1]!)}` : '年度なし';
  cells.push({ row: 0, column: 0, value: `推移（${span}）`, style: 'title' });
  // The file's name, not its path: the sheet is printed and handed out (a path says whose PC it was).
  const sources = years
    .map((y) => `${yearLabel(y)}: ${y.source.split(/[\\/]/).pop() ?? y.source}`)
    .join('、');
  cells.push({
    row: 1,
    column: 0,
    value: `${options.subtitle ? `${options.subtitle}　` : ''}集約ファイル ${sources}。${skippedYearsNote(years.map((y) => y.fiscalYear)) ?? ''}各年度の数はその年度の様式の選択肢で数えています。`,
    style: 'note',
  });
  rowHeights[1] = 30;

  // Counts: 推進項目 down, years across (two header rows: the year, then that year's own columns).
  let row = 3;
  const tallyLabels = [...new Set(years.flatMap((y) => (y.field ? [tallyTitle(y.field.label)] : [])))];
  cells.push({
    row,
    column: 0,
    value: `${tallyLabels.length > 0 ? tallyLabels.join('・') : '集計'}の推移（年度別・推進項目別）`,
    style: 'section',
  });
  row += 1;
  const yearRow = row;
  const columnRow = row + 1;
  cells.push({ row: yearRow, column: 0, value: '推進項目', style: 'header' });
  cells.push({ row: columnRow, column: 0, value: '', style: 'header' });
  merges.push(range(yearRow, 0, columnRow, 0));
  let column = 1;
  const starts: number[] = [];
  for (const y of years) {
    const headers = yearColumns(y);
    starts.push(column);
    const last = column + headers.length - 1;
    cells.push({
      row: yearRow,
      column,
      value: `${yearLabel(y)}${y.field ? `（${y.field.label}）` : ''}`,
      style: 'header',
    });
    for (let c = column + 1; c <= last; c += 1)
      cells.push({ row: yearRow, column: c, value: '', style: 'header' });
    if (last > column) merges.push(range(yearRow, column, yearRow, last));
    headers.forEach((h, i) => {
      cells.push({ row: columnRow, column: column + i, value: h, style: 'header' });
      widths[column + i] = Math.max(widths[column + i] ?? 0, Math.max(6, 2 * [...h].length + 2));
    });
    column = last + 1;
  }
  rowHeights[yearRow] = 20;
  rowHeights[columnRow] = 20;
  const countRows: { label: string; of: (y: YearTally) => AchievementCounts | undefined }[] = [
    { label: '全体', of: (y) => y.total },
    ...history.promotions.map((p) => ({ label: p, of: (y: YearTally) => y.byPromotion.get(p) })),
  ];
  row = columnRow + 1;
  for (const r of countRows) {
    cells.push({ row, column: 0, value: r.label, style: 'cell' });
    years.forEach((y, i) => {
      const values = yearValues(y, r.of(y));
      const rate = y.field !== undefined && firstChoiceRate(y.choices) !== undefined;
      values.forEach((value, j) =>
        cells.push({
          row,
          column: starts[i]! + j,
          value,
          style: typeof value !== 'number' ? 'cell' : rate && j === values.length - 1 ? 'percent' : 'number',
        }),
      );
    });
    rowHeights[row] = estimateRowHeight(r.label, { widthChars: widths[0]!, fontSize: FONT_SIZE, min: 18 });
    row += 1;
  }

  // The 評価 column spans the count columns from G on (so they keep their own widths), at least 60 wide.
  const commentLast = Math.max(COMMENT_COLUMN, column - 1);
  for (let c = COMMENT_COLUMN; c <= commentLast; c += 1) widths[c] ??= 6;
  const spanned = widths.slice(COMMENT_COLUMN, commentLast + 1).reduce((a, b) => a + b, 0);
  if (spanned < COMMENT_WIDTH) widths[commentLast] = widths[commentLast]! + COMMENT_WIDTH - spanned;
  const commentWidth = Math.max(spanned, COMMENT_WIDTH);
  const spanComment = (at: number, style: string): void => {
    for (let c = COMMENT_COLUMN + 1; c <= commentLast; c += 1)
      cells.push({ row: at, column: c, value: '', style });
    if (commentLast > COMMENT_COLUMN) merges.push(range(at, COMMENT_COLUMN, at, commentLast));
  };

  // Each 全体計画 row's history: one block of rows (one per year), the first row linked from 全体計画.
  row += 1;
  cells.push({ row, column: 0, value: '取組項目ごとの推移', style: 'section' });
  row += 1;
  const itemHeaderRow = row;
  ITEM_HEADERS.forEach((h, c) => cells.push({ row, column: c, value: h, style: 'header' }));
  spanComment(row, 'header');
  rowHeights[row] = 20;
  row += 1;
  const anchors = new Map<string, string>();
  for (const item of history.items) {
    const key = historyKey(item.code, item.department, item.seq);
    anchors.set(key, cellAddress(row, 0));
    const back = options.masterCells?.get(key);
    item.years.forEach((y, i) => {
      const first = i === 0;
      const comment = itemYearText(y.status, y.comment);
      const values: CellValue[] = [
        y.label,
        item.code,
        item.department,
        item.seq,
        yearLabel(y),
        itemYearText(y.status, y.choice),
        comment,
      ];
      values.forEach((value, c) =>
        cells.push({
          row,
          column: c,
          value,
          style: c === 3 ? (first ? 'firstNumber' : 'number') : first ? 'first' : 'cell',
          ...(first && c === 1 && back && { link: back, style: 'link' }),
        }),
      );
      spanComment(row, first ? 'first' : 'cell');
      rowHeights[row] = Math.max(
        estimateRowHeight(y.label, { widthChars: widths[0]!, fontSize: FONT_SIZE, min: 18 }),
        estimateRowHeight(comment, { widthChars: commentWidth, fontSize: FONT_SIZE, min: 18 }),
      );
      row += 1;
    });
  }
  const lastColumn = Math.max(commentLast, column - 1);
  merges.push(range(0, 0, 0, lastColumn), range(1, 0, 1, lastColumn));
  const header = STYLE.tableHeader;
  const number = STYLE.tableNumber;
  return {
    sheet: {
      name: HISTORY_SHEET_NAME,
      cells,
      styles: {
        ...pickStyles('title', 'note'),
        section: { bold: true, fontSize: FONT_SIZE + 1, horizontal: 'left', vertical: 'middle' },
        header,
        cell: STYLE.cell,
        // An item's first year shaded, so each block stands apart.
        first: { ...STYLE.cell, fill: '#F2F2F2' },
        number,
        firstNumber: { ...number, fill: '#F2F2F2' },
        percent: { ...number, numberFormat: '0.0%' },
        link: { ...STYLE.link, fill: '#F2F2F2', vertical: 'top', locked: false },
      },
      merges,
      columnWidths: widths,
      rowHeights,
      validations: [],
      conditionalFormats: [],
      protect: false,
      frozen: { rows: 0, columns: 1 },
      print: a4Print({
        orientation: 'landscape',
        area: range(0, 0, Math.max(row - 1, itemHeaderRow), lastColumn),
        header: `&L${headerText(`推移（${span}）`)}`,
        pagesWide: 1,
        // The items' column heads on every page after the one they start on (62 pages for R2 and R3).
        titleRows: { from: itemHeaderRow, to: itemHeaderRow },
      }),
      tabColor: '#7030A0',
    },
    anchors,
  };
}
