import { cellAddress } from '../cellAddress';
import { FIELD_KEYS, fieldDef, STANDARD_FORM, type FieldKey } from '../entry/formDefinition';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { formatStamp } from '../fiscal/formatStamp';
import { finding, type Finding, type Place } from '../finding';
import { basicLabel, formatAssignment, fullItemLabel, promotionLabel } from '../plan/planItems';
import { buildEntrySheet } from '../template/buildEntrySheet';
import { MASTER_COLUMN_WIDTHS, MASTER_PLAN_HEADERS } from '../template/buildMasterTemplate';
import { buildTableSheet, FIRST_DATA_ROW, fitCellText, HEADER_ROW, type TableColumn } from '../template/buildTableSheet';
import { entryLayout } from '../template/entryLayout';
import { MASTER_SHEET_NAME, sanitizeSheetName, SheetNameSet, uniqueSheetName } from '../template/sheetName';
import { range, type CellValue, type SheetSpec } from '../template/sheetSpec';
import { totalOf } from './summarizeAchievement';
import type { AchievementCounts, AchievementGroup, Consolidation, MasterRow } from './types';
import { OUTCOME_LABELS } from './types';
import { WRONG_YEAR_CODE } from './selectEntries';

export const SUBMISSION_SHEET_NAME = '提出状況';
export const ACHIEVEMENT_SHEET_NAME = '達成状況';
export const LOG_SHEET_NAME = '集約ログ';
/** Report sheets start with this, so a new consolidation can replace the previous run's. */
export const REPORT_SHEET_PREFIX = '報告 ';
export const VIEW_SHEET_NAMES = [MASTER_SHEET_NAME, SUBMISSION_SHEET_NAME, ACHIEVEMENT_SHEET_NAME, LOG_SHEET_NAME] as const;
export const SEQ_HEADER = '番号';
export const REMARKS_HEADER = '備考';

/** 全体計画 columns: the template's, with 番号 (seq) after 実践課 so that every row has a key. */
export const MASTER_VIEW_COLUMNS: readonly TableColumn[] = MASTER_PLAN_HEADERS.flatMap((header, i) => {
  const column: TableColumn = { header, width: MASTER_COLUMN_WIDTHS[i] ?? 12 };
  return header === '実践課' ? [column, { header: SEQ_HEADER, width: 6, kind: 'number' as const }] : [column];
});

export const rowKey = (code: string, department: string, seq: number): string => `${code}|${department}|${seq}`;

/** 全体計画: the column of the first field (目指す姿); the fields follow in form order. */
/** 全体計画: columns printed, up to 備考 (where each row came from is on screen only). */
const MASTER_PRINTED_COLUMNS = MASTER_VIEW_COLUMNS.findIndex((c) => c.header === REMARKS_HEADER) + 1;
const FIRST_FIELD_COLUMN = MASTER_VIEW_COLUMNS.findIndex((c) => c.header === fieldDef(STANDARD_FORM, FIELD_KEYS[0] ?? 'vision').label);
/** 集約ログ: the 保存テキスト column. */
const LOG_TEXT_COLUMN = 7;
/** A report sheet's input cell per field (the entry form's layout). */
const REPORT_CELLS = Object.fromEntries(
  entryLayout(STANDARD_FORM).inputs.map((input) => [input.field.key, cellAddress(input.range.top, input.range.left)]),
) as Record<FieldKey, string>;

export interface MasterViewInput {
  readonly consolidation: Consolidation;
  readonly title: string;
  /** 備考 typed by 総務課 in the previous 全体計画, by rowKey: kept across re-consolidation. */
  readonly remarks?: ReadonlyMap<string, string>;
}

export interface MasterView {
  readonly sheets: readonly SheetSpec[];
  /** Cells that had to be cut at Excel's limit. */
  readonly findings: readonly Finding[];
}

const statusText = (row: MasterRow): string => {
  const errors = row.findings.filter((f) => f.severity === 'error').length;
  const warnings = row.findings.filter((f) => f.severity === 'warning').length;
  const base = errors > 0 ? `エラー ${errors}` : warnings > 0 ? `警告 ${warnings}` : 'OK';
  // A 未提出 row may still have findings: a sheet for it that could not be used (年度違い).
  if (row.status === 'missing') {
    const wrongYear = row.findings.filter((f) => f.code === WRONG_YEAR_CODE).length;
    return wrongYear > 0 ? `未提出（年度違いのシート ${wrongYear} 枚、集約ログ参照）` : base === 'OK' ? '未提出' : `未提出（${base}、集約ログ参照）`;
  }
  return row.status === 'flagged' ? `要確認: ${row.flag ?? ''} ${base}` : base;
};

const rate = (c: AchievementCounts): number => (totalOf(c) === 0 ? 0 : c.achieved / totalOf(c));

/** The master plan view: 全体計画, 提出状況, 達成状況, 集約ログ and one report sheet per entry in 体系 order. */
export function buildMasterView(input: MasterViewInput): MasterView {
  const { consolidation: c, title, remarks = new Map<string, string>() } = input;
  const findings: Finding[] = [];
  const year = formatFiscalYear(c.fiscalYear);
  const subtitle = `${year}　集約日時: ${formatStamp(c.stamp)}`;
  /** Text cut at Excel's cell limit, with a finding at the cell written (and the entry it came from). */
  const fit = (text: string, place: Place & { sheet: string; cell: string }, what: string): string => {
    const r = fitCellText(text);
    if (r.truncated)
      findings.push(finding('consolidate.cell-too-long', 'warning', `${what}が Excel の1セルの上限（32,767文字）を超えたため、「${place.sheet}」の${place.cell}には途中までを書きました（${[...text].length.toLocaleString('ja-JP')}文字）。全文は元のシートにあります。`, place));
    return r.text;
  };
  const label = (key: FieldKey): string => `「${fieldDef(STANDARD_FORM, key).label}」`;
  const entryPlace = (row: MasterRow, key: FieldKey) => ({ code: row.code, department: row.department, seq: row.seq, field: key });

  const planRows: CellValue[][] = c.rows.map((row, i) => {
    const p = row.planItem;
    const fields = (key: FieldKey) =>
      fit(
        row.entry?.fields[key] ?? '',
        { sheet: MASTER_SHEET_NAME, cell: cellAddress(FIRST_DATA_ROW + i, FIRST_FIELD_COLUMN + FIELD_KEYS.indexOf(key)), ...entryPlace(row, key) },
        `${row.code} ${row.department} の${label(key)}`,
      );
    return [
      row.code,
      p ? basicLabel(p.basic) : '',
      p ? promotionLabel(p.promotion) : '',
      p ? fullItemLabel(p) : '（体系にない取組項目）',
      row.department,
      row.seq,
      p?.item.assignment.kind === 'all' ? p.item.assignment.coordinator : '',
      ...FIELD_KEYS.map(fields),
      statusText(row),
      remarks.get(rowKey(row.code, row.department, row.seq)) ?? '',
      row.source?.file ?? '',
      row.source?.sheet ?? '',
    ];
  });
  const master = buildTableSheet({
    name: MASTER_SHEET_NAME,
    title: `${title} 全体計画（${year}）`,
    subtitle,
    columns: MASTER_VIEW_COLUMNS,
    rows: planRows,
    tableName: 'MasterPlan',
    pagesWide: 0,
    repeatColumns: 1,
    printColumns: MASTER_PRINTED_COLUMNS,
    rowStyles: Object.fromEntries(c.rows.flatMap((r, i) => (r.status === 'missing' ? [[i, 'warn' as const]] : r.status === 'flagged' ? [[i, 'warn' as const]] : []))),
    tabColor: '#2F5597',
  });

  const submissions = buildTableSheet({
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
      s.expected === 0 ? (s.contributions > 0 ? '全課に記入' : '対象なし') : s.missing.length > 0 ? '未提出あり' : s.errors > 0 ? '要修正' : '完了',
      s.lastFile ?? '',
    ]),
    tableName: 'Submissions',
    rowStyles: Object.fromEntries(c.submissions.flatMap((s, i) => (s.missing.length > 0 || s.errors > 0 ? [[i, 'warn' as const]] : []))),
    tabColor: '#548235',
  });

  const achievementRow = (kind: string, g: AchievementGroup): CellValue[] => [kind, g.label, g.counts.achieved, g.counts.partial, g.counts.notAchieved, g.counts.blank, totalOf(g.counts), rate(g.counts)];
  const achievementRows = 1 + c.achievement.byBasic.length + c.achievement.byPromotion.length + c.achievement.byDepartment.length;
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
  const achievement: SheetSpec = {
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

  const logRows: CellValue[][] = [
    ...c.log.map((r, i) => [r.file, r.sheet, OUTCOME_LABELS[r.outcome], r.code ?? '', r.department ?? '', r.seq ?? '', r.detail, fit(r.keptText ?? '', { sheet: LOG_SHEET_NAME, cell: cellAddress(FIRST_DATA_ROW + i, LOG_TEXT_COLUMN) }, `「${r.file}」の「${r.sheet}」シートの保存テキスト`)]),
    ...c.findings.map((f) => [f.place.file ?? '', f.place.sheet ?? '', f.severity === 'error' ? 'エラー' : f.severity === 'warning' ? '警告' : '情報', f.place.code ?? '', f.place.department ?? '', f.place.seq ?? '', `${f.place.cell ? `${f.place.cell}: ` : ''}${f.message}`, f.code]),
  ];
  const log = buildTableSheet({
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
    rowStyles: Object.fromEntries(c.log.flatMap((r, i) => (['rejected', 'duplicate', 'unreadable', 'flagged'].includes(r.outcome) ? [[i, 'warn' as const]] : []))),
    tabColor: '#7F7F7F',
  });

  const taken = new SheetNameSet(VIEW_SHEET_NAMES);
  const reports = c.rows
    .filter((r) => r.status !== 'missing' && r.entry && r.planItem)
    .map((r) => {
      const name = uniqueSheetName(sanitizeSheetName(`${REPORT_SHEET_PREFIX}${r.code} ${r.department}`), taken, r.seq > 1 ? ` (${r.seq})` : '');
      taken.add(name);
      const fields = Object.fromEntries(FIELD_KEYS.map((k) => [k, fit(r.entry!.fields[k], { sheet: name, cell: REPORT_CELLS[k], ...entryPlace(r, k) }, `${r.code} ${r.department} の${label(k)}`)])) as Record<FieldKey, string>;
      return { ...buildEntrySheet({ item: r.planItem!, department: r.department, seq: r.seq, fiscalYear: c.fiscalYear, fields, sheetName: name }), protect: true };
    });

  return { sheets: [master, submissions, achievement, log, ...reports], findings };
}

/** 実践課 cell text of a master row, for UIs. */
export const rowDepartments = (row: MasterRow): string => (row.planItem ? formatAssignment(row.planItem.item.assignment) : row.department);
