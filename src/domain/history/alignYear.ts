import type { MasterRow } from '../consolidation/types';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { planItems } from '../plan/planItems';
import type { Plan } from '../plan/types';
import type { ParsedMapping } from '../rollover/itemMapping';
import { departmentRenamer, matchDepartments } from '../rollover/matchDepartments';
import { matchItems } from '../rollover/matchItems';
import type { HistoryYear } from './yearHistory';

/**
 * A past year's rows under this year's codes and department names, matched as rollover matches them
 * (matchItems: the same code and title, the same title renumbered, the same code renamed; matchDepartments:
 * a department renamed). History and 前年度と同じ then pair an item with what it was last year, not with
 * whatever held its code: a past item that has no successor keeps its code, marked with its year when this
 * year's 体系 gives that code to another item. `manual` is the 対応表 rollover wrote for this year (from
 * that past year), 総務課's edits in it: taken first, as rollover took it.
 */
export function alignYear(year: HistoryYear, current: Plan, manual?: ParsedMapping): HistoryYear {
  const matching = matchItems(year.plan, current, manual?.items);
  const successor = new Map(matching.pairs.map((p) => [p.previous, p.next]));
  const rename = departmentRenamer(matchDepartments(year.plan, current, matching, manual?.departments));
  const taken = new Set(planItems(current).map((p) => p.code));
  const codeOf = (code: string): string =>
    successor.get(code) ?? (taken.has(code) ? `${code}（${formatFiscalYear(year.fiscalYear)}）` : code);
  const rows = year.rows.map((r): MasterRow => {
    const code = codeOf(r.code);
    const department = rename(r.department, r.code);
    if (code === r.code && department === r.department) return r;
    const formerly = [code !== r.code && r.code, department !== r.department && r.department]
      .filter((x): x is string => typeof x === 'string')
      .join('・');
    return {
      ...r,
      code,
      department,
      formerly,
      ...(r.entry && { entry: { ...r.entry, code, department } }),
    };
  });
  return { ...year, rows };
}
