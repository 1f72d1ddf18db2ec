import { STAGE_LABELS, type Stage } from '../domain/entry/formDefinition';
import { BLANK_SHEET_NOTE, OUTCOME_LABELS, type Outcome } from '../domain/consolidation/types';
import { tallyNotYetNote } from '../domain/consolidation/buildSummarySheets';
import { droppedSummary } from '../domain/consolidation/droppedFromPrevious';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { cliStage, stageMismatch } from '../domain/validation/stageMismatch';
import { formatStamp } from '../domain/fiscal/formatStamp';
import { formatCounts } from './formatFindings';
import { formatYearDecision } from './formatYearDecision';
import type { ConsolidationRun } from './runConsolidation';

const LISTED = 10;

/** `I-1-2-1 町民生活課、… ほか 3 件`. */
const list = (items: readonly string[]): string =>
  items.length <= LISTED
    ? items.join('、')
    : `${items.slice(0, LISTED).join('、')} ほか ${items.length - LISTED} 件`;

/** The short Japanese summary of a consolidation, for stdout. 集約日時 reads as on the printed sheets (report.json keeps ISO). */
export function formatConsolidationSummary(
  run: Extract<ConsolidationRun, { kind: 'done' }>,
  paths: {
    readonly out: string;
    readonly report?: string;
    readonly stage: Stage;
    /** Where the default year came from, for the year line: 体系の年度, 今日の年度. */
    readonly defaultYearFrom?: string;
  },
): string[] {
  const { report, result } = run;
  const c = result.consolidation;
  const s = report.summary;
  const rejected = report.inputs.filter((i) => i.status === 'rejected');
  const outcomes = new Map<Outcome, number>();
  for (const r of c.log) if (r.sheet !== '') outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  const a = s.achievement;
  const blank = report.missing.filter((m) => m.blankSheet).length;
  const dropped = droppedSummary(c.findings);
  const notYet = tallyNotYetNote(c);
  const mismatch = stageMismatch(
    c.rows.flatMap((r) => (r.status !== 'missing' && r.entry ? [r.entry] : [])),
    c.form,
    c.stage,
    { what: '集約', how: cliStage },
  );
  return [
    run.masterWritten
      ? `全体計画に集約しました（${formatFiscalYear(c.fiscalYear)}・${STAGE_LABELS[paths.stage]}、集約日時 ${formatStamp(c.stamp)}）`
      : `集約できるファイルがありませんでした。全体計画は変更していません（${formatFiscalYear(c.fiscalYear)}・${STAGE_LABELS[paths.stage]}）`,
    ...formatYearDecision(result.year, '集約', paths.defaultYearFrom),
    `  入力ファイル: ${s.files} 件（読み込み ${s.files - s.rejectedFiles} 件、受け付けられなかったファイル ${s.rejectedFiles} 件）`,
    ...rejected.map((i) => `    × ${i.file} — ${i.reason ?? ''}`),
    `  シート: ${s.sheets} 枚（${[...outcomes].map(([o, n]) => `${OUTCOME_LABELS[o]} ${n}`).join('、') || 'なし'}）`,
    // Rows of 全体計画, not sheets: a 全課 item's sheets from every department make one row. 全体計画 also
    // has a row for each 未提出 (the next line): the total is said, so the two counts add up to what it shows.
    `  取組項目: ${s.entries} 件（全体計画 ${s.entries + s.missing} 行のうち未提出の ${s.missing} 行を除く${s.flagged > 0 ? `。うち体系外・要確認 ${s.flagged} 件` : ''}）`,
    `  未提出: ${s.missing === 0 ? 'なし' : `${s.missing} 件（取組項目×実践課${blank > 0 ? `。うち${BLANK_SHEET_NOTE} ${blank} 件` : ''}）— ${list(report.missing.map((m) => `${m.code} ${m.department}${m.blankSheet && blank < s.missing ? `（${BLANK_SHEET_NOTE}）` : ''}`))}`}`,
    a
      ? `  ${a.field.label}: ${[...a.choices.map((choice) => `${choice} ${a.counts[choice] ?? 0}`), `未記入 ${a.blank}`].join('、')}${notYet ? `（${notYet}）` : ''}`
      : `  達成状況: 様式に「集計」の選択欄がないため数えていません`,
    ...(dropped
      ? [`  前回の集約から外れた記入: ${dropped.rows.length} 件 — ${list(dropped.rows)}。${dropped.advice}`]
      : []),
    ...(mismatch ? [`  時期: ${mismatch}`] : []),
    `  指摘: ${formatCounts(report.findings)}（詳細は全体計画の「集約ログ」シート${paths.report ? 'と集約レポート' : ''}）`,
    ...(run.masterWritten
      ? [`  全体計画: ${paths.out}（${run.masterCreated ? 'ひな形から新規作成' : '既存のブックを更新'}）`]
      : []),
    ...(paths.report ? [`  集約レポート: ${paths.report}`] : []),
  ];
}
