import { cellAddress } from '../cellAddress';
import { stageIndex, STAGE_LABELS } from '../entry/formDefinition';
import type { Place } from '../finding';
import { buildTableSheet, FIRST_DATA_ROW, HEADER_ROW, type TableColumn } from '../template/buildTableSheet';
import { range, type CellValue, type SheetSpec } from '../template/sheetSpec';
import { firstChoiceRate, firstChoiceShare, tallyTitle, totalOf } from './summarizeAchievement';
import type { AchievementGroup, Consolidation, DepartmentSubmission, RetiredField } from './types';
import { OUTCOME_LABELS } from './types';
import { ACHIEVEMENT_SHEET_NAME, LOG_SHEET_NAME, SUBMISSION_SHEET_NAME } from './viewSheetNames';

/** 集約ログ: the 保存テキスト column. */
const LOG_TEXT_COLUMN = 7;

/** What every sheet of the master view shares: the year, the subtitle, and text cut at Excel's cell limit. */
export interface ViewContext {
  readonly year: string;
  readonly subtitle: string;
  /** The text, cut at the limit; `at` (the cell written and what the text is) is asked only for a cut. */
  readonly fit: (
    text: string,
    at: () => { readonly place: Place & { sheet: string; cell: string }; readonly what: string },
  ) => string;
}

/** 提出状況, 達成状況 and 集約ログ: the sheets that sum up a consolidation. */
export function buildSummarySheets(c: Consolidation, ctx: ViewContext): [SheetSpec, SheetSpec, SheetSpec] {
  return [submissionSheet(c, ctx), achievementSheet(c, ctx), logSheet(c, ctx)];
}

/** 提出状況: per department, what was expected, received and found. */
function submissionSheet(c: Consolidation, { year, subtitle }: ViewContext): SheetSpec {
  const compared = c.submissions.some((s) => s.unchanged !== undefined);
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
      // Only when this year was compared with last year (a past master, or rolled-over sheets).
      ...(compared ? [{ header: '前年度と同じ', width: 10, kind: 'number' as const }] : []),
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
      submissionStatus(s),
      s.lastFile ?? (s.refusedFiles ? `${s.refusedFiles.join('、')}（受付不可）` : ''),
      ...(compared ? [s.unchanged ?? 0] : []),
    ]),
    tableName: 'Submissions',
    rowStyles: Object.fromEntries(
      c.submissions.flatMap((s, i) =>
        s.missing.length > 0 || s.errors > 0 || s.refusedFiles ? [[i, 'warn' as const]] : [],
      ),
    ),
    tabColor: '#548235',
  });
}

/**
 * 提出状況's 状況: a department with 全課 items only is 対象なし, （提出なし） when no sheet of it came back at
 * all; a department whose file could not be read and that has nothing else in is 受付不可あり
 * (it sent something: ask for the file again), not 未提出あり; one whose every missing item came back as a
 * blank sheet is 未記入あり (it sent its workbook: ask it to fill those sheets).
 */
function submissionStatus(s: DepartmentSubmission): string {
  const refused = (s.refusedFiles?.length ?? 0) > 0;
  // Nothing of its own to write (全課 items only): whether its workbook came back at all is still told.
  if (s.expected === 0)
    return s.contributions > 0
      ? '全課に記入'
      : refused
        ? '受付不可あり'
        : s.lastFile === undefined
          ? '対象なし（提出なし）'
          : '対象なし';
  if (s.missing.length > 0)
    return refused ? '受付不可あり' : s.blank === s.missing.length ? '未記入あり' : '未提出あり';
  return s.errors > 0 ? '要修正' : '完了';
}

/** Data bar colours of the choices, best first (R2: 達成できた blue, 一部達成できた amber, 達成できなかった orange). */
const CHOICE_SCALE = ['#5B9BD5', '#9DC3E6', '#FFC000', '#F4B183', '#ED7D31'];
const MORE_CHOICES = ['#C00000', '#7030A0', '#264478', '#636363'];
export function choiceColors(n: number): string[] {
  if (n <= CHOICE_SCALE.length) {
    const last = CHOICE_SCALE.length - 1;
    return Array.from({ length: n }, (_, i) => CHOICE_SCALE[n === 1 ? 0 : Math.round((i * last) / (n - 1))]!);
  }
  return Array.from({ length: n }, (_, i) =>
    i < CHOICE_SCALE.length
      ? CHOICE_SCALE[i]!
      : MORE_CHOICES[(i - CHOICE_SCALE.length) % MORE_CHOICES.length]!,
  );
}

/** A header as wide as its text (R2: 達成できた 12, 一部達成できた 16, 達成できなかった 18, 未記入 8). */
const headerWidth = (header: string): number => Math.max(6, 2 * [...header].length + 2);

/**
 * 達成状況: the 集計 field's counts (R2: 目標の達成) per choice and 未記入 (うち未提出: no sheet came in),
 * overall, by 基本項目, 推進項目 and 実践課, with the first choice's share (達成率, blank where nothing came in)
 * and a stacked bar chart. A form without a 集計 field gets a
 * sheet that says there is nothing to count.
 */
function achievementSheet(c: Consolidation, { year, subtitle }: ViewContext): SheetSpec {
  const a = c.achievement;
  if (!a.field)
    return buildTableSheet({
      name: ACHIEVEMENT_SHEET_NAME,
      title: `達成状況（${year}）`,
      subtitle,
      columns: [{ header: '達成状況', width: 90 }],
      rows: [[NO_TALLY_MESSAGE]],
      tabColor: '#BF9000',
    });
  const choices = a.choices;
  const rateHeader = firstChoiceRate(choices);
  const achievementRow = (kind: string, g: AchievementGroup): CellValue[] => [
    kind,
    g.label,
    ...g.counts.byChoice,
    g.counts.blank,
    g.counts.missing,
    totalOf(g.counts),
    ...(rateHeader ? [firstChoiceShare(g.counts)] : []),
  ];
  const achievementRows = 1 + a.byBasic.length + a.byPromotion.length + a.byDepartment.length;
  const colors = choiceColors(choices.length);
  const columns: TableColumn[] = [
    { header: '区分', width: 10 },
    { header: '項目', width: 30 },
    ...choices.map((choice, i) => ({
      header: choice,
      width: headerWidth(choice),
      kind: 'number' as const,
      dataBar: colors[i]!,
    })),
    { header: '未記入', width: 8, kind: 'number', dataBar: '#A5A5A5' },
    // Of 未記入, the rows no sheet came in for (outside the chart, which ends at 未記入).
    { header: 'うち未提出', width: 12, kind: 'number' },
    { header: '計', width: 6, kind: 'number' },
    ...(rateHeader
      ? [{ header: rateHeader, width: headerWidth(rateHeader), kind: 'percent' as const, dataBar: '#70AD47' }]
      : []),
  ];
  const title = `${tallyTitle(a.field.label)}（${year}）`;
  const notYet = tallyNotYetNote(c);
  const achievementTable = buildTableSheet({
    name: ACHIEVEMENT_SHEET_NAME,
    title,
    subtitle: notYet ? `${subtitle}　※${notYet}` : subtitle,
    columns,
    rows: [
      achievementRow('全体', { label: '全体', counts: a.total }),
      ...a.byBasic.map((g) => achievementRow('基本項目', g)),
      ...a.byPromotion.map((g) => achievementRow('推進項目', g)),
      ...a.byDepartment.map((g) => achievementRow('実践課', g)),
    ],
    tableName: 'Achievement',
    tabColor: '#BF9000',
  });
  // In Excel, a stacked bar chart of the counts beside the table (項目 + the counts and 未記入, header included).
  const lastCount = 2 + choices.length;
  const chartLeft = columns.length + 1;
  return {
    ...achievementTable,
    charts: [
      {
        kind: 'stackedBar',
        title,
        data: range(HEADER_ROW, 1, HEADER_ROW + achievementRows, lastCount),
        anchor: range(HEADER_ROW, chartLeft, HEADER_ROW + Math.max(18, achievementRows + 2), chartLeft + 8),
      },
    ],
  };
}

/**
 * Why the 集計 field may be blank at this stage (R2: 目標の達成 is filled at 年度末; an April or October
 * consolidation counts 未記入 everywhere, as planned, and 達成状況's rates are 0 %): said on 達成状況, by the CLI and the pane.
 * Undefined when the field is required by the stage (or optional).
 */
export function tallyNotYetNote(
  c: Pick<Consolidation, 'form' | 'stage' | 'achievement'>,
): string | undefined {
  const field = c.form.fields.find((f) => f.key === c.achievement.field?.key);
  const from = field?.requiredFrom;
  return field === undefined ||
    from === undefined ||
    from === 'optional' ||
    stageIndex(from) <= stageIndex(c.stage)
    ? undefined
    : `「${field.label}」は${STAGE_LABELS[from]}に記入する欄のため、${STAGE_LABELS[c.stage]}の集約では未記入でも構いません。`;
}

/** 達成状況 of a form without a 集計 field (the sheet and the CLI say the same). */
export const NO_TALLY_MESSAGE =
  'この様式には 達成状況 で数える選択欄（様式の「集計」に ○ のある 選択 の欄）がないため、達成状況は数えていません。';

/** 集約ログ's line for a field of an older 様式 version that the current form lacks. */
export const retiredFieldDetail = (f: RetiredField): string =>
  `現在の様式にない欄「${f.label}」（キー ${f.key}）の記入を保管しました${f.cell ? `（${f.cell}）` : ''}。`;

/**
 * 集約ログ: a record for every sheet of every input (and under it, a line for each field of an older 様式
 * version the current form lacks, with its text), then every finding.
 */
function logSheet(c: Consolidation, { year, subtitle, fit }: ViewContext): SheetSpec {
  const logRows: CellValue[][] = [];
  const warnRows: number[] = [];
  const kept = (text: string, what: () => string): string => {
    const row = logRows.length;
    return fit(text, () => ({
      place: { sheet: LOG_SHEET_NAME, cell: cellAddress(FIRST_DATA_ROW + row, LOG_TEXT_COLUMN) },
      what: what(),
    }));
  };
  for (const r of c.log) {
    const head = [r.file, r.sheet, OUTCOME_LABELS[r.outcome], r.code ?? '', r.department ?? '', r.seq ?? ''];
    if (['rejected', 'duplicate', 'unreadable', 'flagged'].includes(r.outcome)) warnRows.push(logRows.length);
    logRows.push([
      ...head,
      r.detail,
      kept(r.keptText ?? '', () => `「${r.file}」の「${r.sheet}」シートの保存テキスト`),
    ]);
    for (const f of r.retired ?? [])
      logRows.push([
        ...head,
        retiredFieldDetail(f),
        kept(f.text, () => `「${r.file}」の「${r.sheet}」シートの「${f.label}」`),
      ]);
  }
  logRows.push(
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
  );
  return buildTableSheet({
    name: LOG_SHEET_NAME,
    title: `集約ログ（${year}）`,
    subtitle: `${subtitle}　入力ファイル ${new Set(c.log.map((r) => r.file)).size} 件、シート ${c.log.filter((r) => r.sheet !== '').length} 枚、指摘 ${c.findings.length} 件`,
    columns: [
      // Widths that print one page wide at 8 pt or more: a long file or sheet name wraps.
      { header: 'ファイル', width: 16 },
      { header: 'シート', width: 18 },
      { header: '結果', width: 14 },
      { header: '取組項目コード', width: 16 },
      { header: '実践課', width: 12 },
      { header: '番号', width: 6, kind: 'number' },
      { header: '内容', width: 39 },
      { header: '保存テキスト / 指摘コード', width: 50 },
    ],
    rows: logRows,
    tableName: 'ConsolidationLog',
    // Printed one page wide, a little shrunk: a record's 結果 and 内容 on the same page as its 取組項目コード (two
    // pages wide, the 内容 page held lines without their item). The last column (保存テキスト / 指摘コード) is
    // for the screen.
    pagesWide: 1,
    printColumns: 7,
    rowStyles: Object.fromEntries(warnRows.map((i) => [i, 'warn' as const])),
    tabColor: '#7F7F7F',
  });
}
