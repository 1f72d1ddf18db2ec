import type { AchievementSummary, Consolidation } from '../domain/consolidation/types';
import { OUTCOME_LABELS } from '../domain/consolidation/types';
import type { Finding } from '../domain/finding';
import type { YearDecision } from '../domain/fiscal/decideFiscalYear';

/**
 * 達成状況 in report.json: the 集計 field, its choices best first, the count of each, and 未記入 (incl.
 * 未提出); null when the form has no 集計 field (nothing is counted).
 */
export function achievementReport(a: AchievementSummary): {
  readonly field: { readonly key: string; readonly label: string };
  readonly choices: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
  readonly blank: number;
} | null {
  if (!a.field) return null;
  return {
    field: a.field,
    choices: a.choices,
    counts: Object.fromEntries(a.choices.map((choice, i) => [choice, a.total.byChoice[i] ?? 0])),
    blank: a.total.blank,
  };
}

/**
 * `report.json` of `suishin consolidate`: the year and why (when known), inputs → sheets → outcome, the
 * entries, the gaps, every finding.
 */
export function consolidationReport(
  c: Consolidation,
  viewFindings: readonly Finding[] = [],
  year?: YearDecision,
) {
  const files = [...new Set(c.log.map((r) => r.file))];
  return {
    stamp: c.stamp,
    fiscalYear: c.fiscalYear,
    ...(year && { year }),
    summary: {
      files: files.length,
      rejectedFiles: c.log.filter((r) => r.outcome === 'rejected').length,
      sheets: c.log.filter((r) => r.sheet !== '').length,
      wrongYearSheets: c.log.filter((r) => r.outcome === 'wrong-year').length,
      entries: c.rows.filter((r) => r.status !== 'missing').length,
      missing: c.rows.filter((r) => r.status === 'missing').length,
      flagged: c.rows.filter((r) => r.status === 'flagged').length,
      achievement: achievementReport(c.achievement),
    },
    inputs: files.map((file) => {
      const records = c.log.filter((r) => r.file === file);
      const rejected = records.find((r) => r.outcome === 'rejected');
      return {
        file,
        status: rejected ? 'rejected' : 'read',
        ...(rejected && { reason: rejected.detail }),
        sheets: records
          .filter((r) => r.sheet !== '')
          .map((r) => ({
            sheet: r.sheet,
            outcome: r.outcome,
            outcomeLabel: OUTCOME_LABELS[r.outcome],
            ...(r.code !== undefined && { code: r.code, department: r.department, seq: r.seq }),
            ...(r.detail !== '' && { detail: r.detail }),
            ...(r.keptText !== undefined && { keptText: r.keptText }),
            ...(r.retired !== undefined && { retired: r.retired }),
            ...(r.changes !== undefined && { changes: r.changes }),
          })),
      };
    }),
    entries: c.rows
      .filter((r) => r.status !== 'missing')
      .map((r) => ({
        code: r.code,
        department: r.department,
        seq: r.seq,
        status: r.status,
        ...(r.flag && { flag: r.flag }),
        file: r.source?.file,
        sheet: r.source?.sheet,
      })),
    missing: c.rows
      .filter((r) => r.status === 'missing')
      .map((r) => ({
        code: r.code,
        department: r.department,
        ...(r.blankSheet && { blankSheet: r.blankSheet }),
        ...(r.refusedFile !== undefined && { refusedFile: r.refusedFile }),
      })),
    submissions: c.submissions,
    findings: [...c.findings, ...viewFindings],
  };
}
