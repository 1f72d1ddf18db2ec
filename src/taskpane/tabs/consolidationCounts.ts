import type { ConsolidateResult } from '../../app/consolidate';
import { OUTCOME_LABELS, type Outcome } from '../../domain/consolidation/types';
import { countBySeverity } from '../../domain/finding';

/** The outcome of a sheet (or file) whose year is not the year being consolidated. */
export const WRONG_YEAR = 'wrong-year';
/** Its name in the 集約ログ, once the domain has it. */
export const WRONG_YEAR_LABEL =
  (OUTCOME_LABELS as Readonly<Record<string, string>>)[WRONG_YEAR] ?? '年度違い';

/** What a consolidation did, counted as the CLI's summary counts it (report.json's summary and findings). */
export interface ConsolidationCounts {
  readonly files: number;
  readonly rejected: number;
  /** 取組項目 rows written to 全体計画 (entries, 全課 merged, flagged). */
  readonly entries: number;
  readonly missing: number;
  readonly sheets: number;
  /** Sheets by outcome, in the 集約ログ's words, most frequent first. */
  readonly outcomes: readonly { readonly outcome: Outcome; readonly label: string; readonly count: number }[];
  readonly wrongYear: number;
  /** Every finding: made while reading each file, checking its entries, and writing the view. */
  readonly errors: number;
  readonly warnings: number;
}

/** Files are counted from the log, as report.json counts them: every input has at least one record. */
export function consolidationCounts(r: ConsolidateResult): ConsolidationCounts {
  const c = r.consolidation;
  const sheets = c.log.filter((l) => l.sheet !== '');
  const byOutcome = new Map<Outcome, number>();
  for (const l of sheets) byOutcome.set(l.outcome, (byOutcome.get(l.outcome) ?? 0) + 1);
  const severity = countBySeverity([...c.findings, ...r.viewFindings]);
  return {
    files: new Set(c.log.map((l) => l.file)).size,
    rejected: r.rejected,
    entries: c.rows.filter((row) => row.status !== 'missing').length,
    missing: c.rows.filter((row) => row.status === 'missing').length,
    sheets: sheets.length,
    outcomes: [...byOutcome]
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, count]) => ({ outcome, label: OUTCOME_LABELS[outcome], count })),
    wrongYear: c.log.filter((l) => (l.outcome as string) === WRONG_YEAR).length,
    errors: severity.error,
    warnings: severity.warning,
  };
}

/** What the pane says when a consolidation ends: what was counted, and everything that needs a look. */
export function consolidationMessage(n: ConsolidationCounts): {
  readonly intent: 'success' | 'warning';
  readonly message: string;
} {
  // The files read: one that could not be is not a file the entries came from (it is in the issues below).
  const done = `${n.files - n.rejected} 個のファイルから取組項目 ${n.entries} 件を「全体計画」に集約しました（未提出 ${n.missing} 件）。`;
  const issues = [
    ...(n.rejected > 0 ? [`受け付けられなかったファイル ${n.rejected} 個`] : []),
    ...(n.wrongYear > 0 ? [`${WRONG_YEAR_LABEL} ${n.wrongYear} 件`] : []),
    ...(n.errors > 0 ? [`エラー ${n.errors} 件`] : []),
    ...(n.warnings > 0 ? [`警告 ${n.warnings} 件`] : []),
  ];
  return issues.length === 0
    ? { intent: 'success', message: `${done}エラー・警告はありません。` }
    : { intent: 'warning', message: `${done}確認が必要です: ${issues.join('、')}。` };
}
