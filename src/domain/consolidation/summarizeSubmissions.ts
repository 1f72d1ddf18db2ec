import { planAssignees, planItems } from '../plan/planItems';
import type { Plan } from '../plan/types';
import type { Candidate } from './selectEntries';
import type { DepartmentSubmission, MasterRow } from './types';

/**
 * 提出状況 per department: expected = its item × department assignments (全課 items count for the
 * coordinator only; other departments' parts are contributions), received, missing, errors, warnings and
 * the newest file it sent.
 */
export function summarizeSubmissions(plan: Plan, rows: readonly MasterRow[], winners: readonly Candidate[]): DepartmentSubmission[] {
  const allCodes = new Set(planItems(plan).filter((p) => p.item.assignment.kind === 'all').map((p) => p.code));
  const assignees = planAssignees(plan);
  const extra = [...new Set(winners.map((w) => w.received.entry.department))].filter((d) => !plan.departments.includes(d));
  return [...plan.departments, ...extra].map((department) => {
    const expected = [...new Set(assignees.filter((a) => a.department === department).map((a) => a.code))];
    const mine = rows.filter((r) => r.department === department);
    const received = expected.filter((code) => mine.some((r) => r.code === code && r.status === 'submitted'));
    const sent = winners.filter((w) => w.received.entry.department === department);
    const newest = [...sent].sort((a, b) => a.modified - b.modified || (a.file < b.file ? -1 : 1)).at(-1);
    const findings = mine.flatMap((r) => r.findings);
    return {
      department,
      expected: expected.length,
      received: received.length,
      missing: expected.filter((code) => !received.includes(code)),
      contributions: sent.filter((w) => allCodes.has(w.received.entry.code) && !expected.includes(w.received.entry.code)).length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      ...(newest && { lastFile: newest.file }),
    };
  });
}
