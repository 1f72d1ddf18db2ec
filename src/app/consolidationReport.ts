import type { Consolidation } from '../domain/consolidation/types';
import { OUTCOME_LABELS } from '../domain/consolidation/types';
import type { Finding } from '../domain/finding';
import type { YearDecision } from '../domain/fiscal/decideFiscalYear';

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
      achievement: c.achievement.total,
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
      .map((r) => ({ code: r.code, department: r.department })),
    submissions: c.submissions,
    findings: [...c.findings, ...viewFindings],
  };
}
