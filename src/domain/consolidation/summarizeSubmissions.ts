import { planAssignees, planItems } from '../plan/planItems';
import { groupBy } from './groupBy';
import type { Finding } from '../finding';
import type { Plan } from '../plan/types';
import type { Candidate } from './selectEntries';
import type { DepartmentSubmission, MasterRow } from './types';

/**
 * 提出状況 per department: expected = its item × department assignments (全課 items count for the
 * coordinator only; other departments' parts are contributions), received, missing, the newest file it sent,
 * and errors and warnings: every finding that counts for the department (`departmentOf`), those made while
 * reading its files and on its 年度違い sheets as much as the rules' findings on its entries; and the files
 * that could not be read, by the department their names name.
 */
export function summarizeSubmissions(
  plan: Plan,
  rows: readonly MasterRow[],
  winners: readonly Candidate[],
  findings: readonly Finding[],
  departmentOf: (f: Finding) => string | undefined,
  /** Every file each department sent entries in, used or not (年度違い, blank): its newest when none was used. */
  sentFiles: readonly {
    readonly department: string;
    readonly file: string;
    readonly modified: number;
  }[] = [],
  /** Files that could not be read (受付不可): each counts for the department its name names, if one does. */
  refusedFiles: readonly string[] = [],
): DepartmentSubmission[] {
  const allCodes = new Set(
    planItems(plan)
      .filter((p) => p.item.assignment.kind === 'all')
      .map((p) => p.code),
  );
  // By department once (a large season has hundreds of departments and thousands of rows).
  const assigneesOf = groupBy(planAssignees(plan), (a) => a.department);
  const rowsOf = groupBy(rows, (r) => r.department);
  const findingsOf = groupBy(findings, (f) => departmentOf(f) ?? '');
  const sentBy = groupBy(winners, (w) => w.received.entry.department);
  const refusedBy = groupBy(
    refusedFiles.flatMap((file) => {
      const department = departmentInFileName(file, plan.departments);
      return department === undefined ? [] : [{ department, file }];
    }),
    (r) => r.department,
  );
  const known = new Set(plan.departments);
  const extra = [...sentBy.keys()].filter((d) => !known.has(d));
  return [...plan.departments, ...extra].map((department) => {
    const expected = [...new Set((assigneesOf.get(department) ?? []).map((a) => a.code))];
    const mine = rowsOf.get(department) ?? [];
    const submitted = new Set(mine.filter((r) => r.status === 'submitted').map((r) => r.code));
    const received = expected.filter((code) => submitted.has(code));
    const sent = sentBy.get(department) ?? [];
    const files = sent.length > 0 ? sent : sentFiles.filter((f) => f.department === department);
    const newest = [...files].sort((a, b) => a.modified - b.modified || (a.file < b.file ? -1 : 1)).at(-1);
    const counted = findingsOf.get(department) ?? [];
    const expectedCodes = new Set(expected);
    const blank = mine.filter((r) => r.status === 'missing' && r.blankSheet !== undefined).length;
    return {
      department,
      expected: expected.length,
      received: received.length,
      missing: expected.filter((code) => !submitted.has(code)),
      ...(blank > 0 && { blank }),
      contributions: sent.filter(
        (w) => allCodes.has(w.received.entry.code) && !expectedCodes.has(w.received.entry.code),
      ).length,
      errors: counted.filter((f) => f.severity === 'error').length,
      warnings: counted.filter((f) => f.severity === 'warning').length,
      ...(newest && { lastFile: newest.file }),
      ...(refusedBy.has(department) && { refusedFiles: refusedBy.get(department)!.map((r) => r.file) }),
    };
  });
}

/**
 * The department a file's name names (`建設水道課.xlsx`, `R3_建設水道課_提出.xlsx`), the longest that fits when
 * several do (`総務課` in `総務課分室.xlsx`… only a listed department counts); undefined when none does. For
 * files that could not be read, which say nothing else about who sent them.
 */
export function departmentInFileName(file: string, departments: readonly string[]): string | undefined {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  let found: string | undefined;
  for (const d of departments) if (d !== '' && name.includes(d) && d.length > (found?.length ?? 0)) found = d;
  return found;
}
