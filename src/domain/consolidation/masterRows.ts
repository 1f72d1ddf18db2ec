import { entryKeyString } from '../entry/types';
import type { Finding } from '../finding';
import { planAssignees } from '../plan/planItems';
import type { Plan, PlanItem } from '../plan/types';
import { groupBy } from './groupBy';
import type { Placed } from './placeEntries';
import type { findingsBySheet } from './readingFindings';
import type { MasterRow } from './types';

export interface RowFindings {
  readonly readOnSheet: ReturnType<typeof findingsBySheet>;
  readonly byKey: ReadonlyMap<string, readonly Finding[]>;
  readonly unusedFor: ReadonlyMap<string, readonly Finding[]>;
  /** Sheets that came back blank (the log's 未記入 records), by item × department. */
  readonly blankFor?: ReadonlyMap<string, { readonly file: string; readonly sheet: string }>;
  /** Files named for a department that could not be read (受付不可), by department: its first. */
  readonly refusedFor?: ReadonlyMap<string, string>;
}

/** The rows in 体系 order: each item × department's entries (or a 未提出 row), then the flagged entries. */
export function masterRows(
  plan: Plan,
  items: ReadonlyMap<string, PlanItem>,
  placed: readonly Placed[],
  { readOnSheet, byKey, unusedFor, blankFor, refusedFor }: RowFindings,
): MasterRow[] {
  const readingOf = (p: Placed): readonly Finding[] => {
    const e = p.candidate.received.entry;
    return readOnSheet(p.candidate.file, p.candidate.received.sheet).filter(
      (f) =>
        f.place.code === undefined ||
        (f.place.code === e.code && f.place.department === e.department && (f.place.seq ?? e.seq) === e.seq),
    );
  };
  const toRow = (p: Placed): MasterRow => ({
    code: p.entry.code,
    ...(p.planItem && { planItem: p.planItem }),
    department: p.entry.department,
    seq: p.entry.seq,
    status: p.flag ? 'flagged' : 'submitted',
    entry: p.entry,
    source: { file: p.candidate.file, sheet: p.candidate.received.sheet, cells: p.candidate.received.cells },
    ...(p.mergedFrom && { mergedFrom: p.mergedFrom }),
    ...(p.parts &&
      p.parts.length > 1 && {
        parts: p.parts.map((c) => ({ file: c.file, sheet: c.received.sheet })),
      }),
    ...(p.flag && { flag: p.flag }),
    findings: [...readingOf(p), ...(byKey.get(entryKeyString(p.entry)) ?? [])],
  });

  // Placed entries by item × department (an index: a season's batch holds thousands of entries).
  const byAssignee = groupBy(
    placed.filter((p) => !p.flag),
    (p) => `${p.entry.code}\u0000${p.entry.department}`,
  );
  const rows: MasterRow[] = [];
  for (const a of planAssignees(plan)) {
    const mine = [...(byAssignee.get(`${a.code}\u0000${a.department}`) ?? [])].sort(
      (x, y) => x.entry.seq - y.entry.seq,
    );
    if (mine.length > 0) rows.push(...mine.map(toRow));
    else {
      const key = `${a.code}\u0000${a.department}`;
      const blank = blankFor?.get(key);
      const refused = blank ? undefined : refusedFor?.get(a.department);
      rows.push({
        code: a.code,
        planItem: items.get(a.code)!,
        department: a.department,
        seq: 1,
        status: 'missing',
        findings: unusedFor.get(key) ?? [],
        ...(blank && { blankSheet: blank }),
        ...(refused !== undefined && { refusedFile: refused }),
      });
    }
  }
  const flagged = placed
    .filter((p) => p.flag)
    .sort(
      (x, y) =>
        (x.entry.code < y.entry.code ? -1 : x.entry.code > y.entry.code ? 1 : 0) ||
        x.entry.department.localeCompare(y.entry.department, 'ja') ||
        x.entry.seq - y.entry.seq,
    );
  rows.push(...flagged.map(toRow));
  return rows;
}
