import { cellAddress } from '../cellAddress';
import type { Place } from '../finding';
import { buildTableSheet, FIRST_DATA_ROW, HEADER_ROW } from '../template/buildTableSheet';
import { range, type CellValue, type SheetSpec } from '../template/sheetSpec';
import { totalOf } from './summarizeAchievement';
import type { AchievementCounts, AchievementGroup, Consolidation } from './types';
import { OUTCOME_LABELS } from './types';
import { ACHIEVEMENT_SHEET_NAME, LOG_SHEET_NAME, SUBMISSION_SHEET_NAME } from './viewSheetNames';

/** 集約ログ: the 保存テキスト column. */
const LOG_TEXT_COLUMN = 7;

/** What every sheet of the master view shares: the year, the subtitle, and text cut at Excel's cell limit. */
export interface ViewContext {
  readonly year: string;
  readonly subtitle: string;
  readonly fit: (text: string, place: Place & { sheet: string; cell: string }, what: string) => string;
}

/** 提出状況, 達成状況 and 集約ログ: the sheets that sum up a consolidation. */
export function buildSummarySheets(c: Consolidation, ctx: ViewContext): [SheetSpec, SheetSpec, SheetSpec] {
  return [submissionSheet(c, ctx), achievementSheet(c, ctx), logSheet(c, ctx)];
}

/** 提出状況: per department, what was expected, received and found. */
function submissionSheet(c: Consolidation, { year, subtitle }: ViewContext): SheetSpec {
  return buildTableSheet({
    name: SUBMISSION_SHEET_NAME,
    title: `提出状況（${year}）`,
    subtitle,
    columns: [
      { header: '実践課', width: 18 },
      { header: '対象', width: 6, kind: 'number' },
      { header: '提出', width: 6, kind: 'number' },
      { header: '未提出', width: 8, kind: 'number' },
      { header: '未提出の取組項目', width: 20 },
      { header: '全課への記入', width: 14, kind: 'number' },
      { header: 'エラー', width: 8, kind: 'number' },
      { header: '警告', width: 6, kind: 'number' },
      { header: '状況', width: 12 },
      { header: '最新の提出ファイル', width: 21 },
    ],
    rows: c.submissions.map((s) => [
      s.department,
      s.expected,
      s.received,
      s.missing.length,
      s.missing.join('、'),
      s.contributions,
      s.errors,
      s.warnings,
      s.expected === 0
        ? s.contributions > 0
          ? '全課に記入'
          : '対象なし'
        : s.missing.length > 0
          ? '未提出あり'
          : s.errors > 0
            ? '要修正'
            : '完了',
      s.lastFile ?? '',
    ]),
    tableName: 'Submissions',
    rowStyles: Object.fromEntries(
      c.submissions.flatMap((s, i) => (s.missing.length > 0 || s.errors > 0 ? [[i, 'warn' as const]] : [])),
    ),
    tabColor: '#548235',
  });
}

const rate = (c: AchievementCounts): number => (totalOf(c) === 0 ? 0 : c.achieved / totalOf(c));

/** 達成状況: the 目標の達成 counts overall, by 基本項目, 推進項目 and 実践課. */
function achievementSheet(c: Consolidation, { year, subtitle }: ViewContext): SheetSpec {
  const achievementRow = (kind: string, g: AchievementGroup): CellValue[] => [
    kind,
    g.label,
    g.counts.achieved,
    g.counts.partial,
    g.counts.notAchieved,
    g.counts.blank,
    totalOf(g.counts),
    rate(g.counts),
  ];
  const achievementRows =
    1 + c.achievement.byBasic.length + c.achievement.byPromotion.length + c.achievement.byDepartment.length;
  const achievementTable = buildTableSheet({
    name: ACHIEVEMENT_SHEET_NAME,
    title: `目標の達成状況（${year}）`,
    subtitle,
    columns: [
      { header: '区分', width: 10 },
      { header: '項目', width: 36 },
      { header: '達成できた', width: 12, kind: 'number', dataBar: '#5B9BD5' },
      { header: '一部達成できた', width: 16, kind: 'number', dataBar: '#FFC000' },
      { header: '達成できなかった', width: 18, kind: 'number', dataBar: '#ED7D31' },
      { header: '未記入', width: 8, kind: 'number', dataBar: '#A5A5A5' },
      { header: '計', width: 6, kind: 'number' },
      { header: '達成率', width: 8, kind: 'percent', dataBar: '#70AD47' },
    ],
    rows: [
      achievementRow('全体', { label: '全体', counts: c.achievement.total }),
      ...c.achievement.byBasic.map((g) => achievementRow('基本項目', g)),
      ...c.achievement.byPromotion.map((g) => achievementRow('推進項目', g)),
      ...c.achievement.byDepartment.map((g) => achievementRow('実践課', g)),
    ],
    tableName: 'Achievement',
    tabColor: '#BF9000',
  });
  // In Excel, a stacked bar chart of the counts beside the table (項目 + the four counts, header included).
  return {
    ...achievementTable,
    charts: [
      {
        kind: 'stackedBar',
        title: `目標の達成状況（${year}）`,
        data: range(HEADER_ROW, 1, HEADER_ROW + achievementRows, 5),
        anchor: range(HEADER_ROW, 9, HEADER_ROW + Math.max(18, achievementRows + 2), 17),
      },
    ],
  };
}

/** 集約ログ: a record for every sheet of every input, then every finding. */
function logSheet(c: Consolidation, { year, subtitle, fit }: ViewContext): SheetSpec {
  const logRows: CellValue[][] = [
    ...c.log.map((r, i) => [
      r.file,
      r.sheet,
      OUTCOME_LABELS[r.outcome],
      r.code ?? '',
      r.department ?? '',
      r.seq ?? '',
      r.detail,
      fit(
        r.keptText ?? '',
        { sheet: LOG_SHEET_NAME, cell: cellAddress(FIRST_DATA_ROW + i, LOG_TEXT_COLUMN) },
        `「${r.file}」の「${r.sheet}」シートの保存テキスト`,
      ),
    ]),
    ...c.findings.map((f) => [
      f.place.file ?? '',
      f.place.sheet ?? '',
      f.severity === 'error' ? 'エラー' : f.severity === 'warning' ? '警告' : '情報',
      f.place.code ?? '',
      f.place.department ?? '',
      f.place.seq ?? '',
      `${f.place.cell ? `${f.place.cell}: ` : ''}${f.message}`,
      f.code,
    ]),
  ];
  return buildTableSheet({
    name: LOG_SHEET_NAME,
    title: `集約ログ（${year}）`,
    subtitle: `${subtitle}　入力ファイル ${new Set(c.log.map((r) => r.file)).size} 件、シート ${c.log.filter((r) => r.sheet !== '').length} 枚、指摘 ${c.findings.length} 件`,
    columns: [
      { header: 'ファイル', width: 24 },
      { header: 'シート', width: 24 },
      { header: '結果', width: 16 },
      { header: '取組項目コード', width: 16 },
      { header: '実践課', width: 18 },
      { header: '番号', width: 6, kind: 'number' },
      { header: '内容', width: 50 },
      { header: '保存テキスト / 指摘コード', width: 50 },
    ],
    rows: logRows,
    tableName: 'ConsolidationLog',
    pagesWide: 0,
    rowStyles: Object.fromEntries(
      c.log.flatMap((r, i) =>
        ['rejected', 'duplicate', 'unreadable', 'flagged'].includes(r.outcome) ? [[i, 'warn' as const]] : [],
      ),
    ),
    tabColor: '#7F7F7F',
  });
}
