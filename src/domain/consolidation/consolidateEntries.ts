import { groupBy } from './groupBy';
import { STANDARD_FORM, type FormDefinition, type Stage } from '../entry/formDefinition';
import { entryKeyString, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { formatAssignment, planAssignees, planItems } from '../plan/planItems';
import type { Plan, PlanItem } from '../plan/types';
import { validateEntries } from '../validation/validateEntries';
import { mergeAllDepartments, type Contribution } from './mergeAllDepartments';
import { currentReadingFindings, findingDepartments, findingsBySheet } from './readingFindings';
import { entryText, selectEntries, sortSources, type Candidate } from './selectEntries';
import { summarizeAchievement } from './summarizeAchievement';
import { summarizeSubmissions } from './summarizeSubmissions';
import type { Consolidation, LogRecord, MasterRow, SourceFile } from './types';

export interface ConsolidateOptions {
  /** The one run stamp written everywhere (ISO date-time). */
  readonly stamp: string;
  readonly fiscalYear: number;
  readonly stage: Stage;
  readonly form?: FormDefinition;
}

interface Placed {
  readonly entry: Entry;
  readonly candidate: Candidate;
  readonly planItem?: PlanItem;
  readonly flag?: string;
  readonly mergedFrom?: readonly string[];
}

/**
 * Department workbooks (already read) → the master plan view: every entry in 体系 order, a 未提出 row for
 * every item × department with no entry, 全課 parts merged for the coordinator, and a log record for
 * every sheet of every input. Pure and deterministic: the same inputs and stamp give the same result.
 */
export function consolidateEntries(plan: Plan, sources: readonly SourceFile[], options: ConsolidateOptions): Consolidation {
  const items = new Map(planItems(plan).map((p) => [p.code, p]));
  const log: LogRecord[] = [];
  const findings: Finding[] = [];

  for (const source of sortSources(sources)) {
    if (source.kind === 'rejected') {
      log.push({ file: source.file, sheet: '', outcome: 'rejected', detail: source.message });
      continue;
    }
    // A file that gives no entry at all is rejected as a whole, with the reason, besides its sheets' records.
    if (source.entries.length === 0)
      log.push({
        file: source.file,
        sheet: '',
        outcome: 'rejected',
        detail:
          source.findings.find((f) => f.code === 'extract.no-entry-sheet')?.message ??
          `「${source.file}」から読み取れた取組項目がありません。シートごとの理由（集約ログ）を確かめ、直して提出し直してください。`,
      });
    for (const s of source.sheets)
      if (s.kind !== 'entry')
        log.push({ file: source.file, sheet: s.sheet, outcome: s.kind, detail: s.reason ?? '', ...(s.text !== undefined && s.text !== '' && { keptText: s.text }) });
  }

  const selection = selectEntries(sources, options.fiscalYear);
  log.push(...selection.log);
  const reading = currentReadingFindings(sortSources(sources), selection.log);
  findings.push(...reading, ...selection.findings);
  const readOnSheet = findingsBySheet(reading);
  // Findings on sheets that could not be used for an item × department (年度違い) stay with its 未提出 row.
  const unusedFor = groupBy(selection.findings, (f) => `${f.place.code ?? ''}\u0000${f.place.department ?? ''}`);

  const placed: Placed[] = [];
  const allGroups = new Map<string, Candidate[]>();
  const record = (c: Candidate, outcome: LogRecord['outcome'], detail: string, keptText?: string) => {
    const e = c.received.entry;
    log.push({ file: c.file, sheet: c.received.sheet, outcome, code: e.code, department: e.department, seq: e.seq, detail, ...(keptText !== undefined && { keptText }) });
  };

  for (const candidate of selection.winners) {
    const entry = candidate.received.entry;
    const planItem = items.get(entry.code);
    if (!planItem) {
      const flag = `取組項目 ${entry.code} は体系にありません。`;
      placed.push({ entry, candidate, flag });
      record(candidate, 'flagged', flag);
    } else if (planItem.item.assignment.kind === 'all') {
      const group = allGroups.get(entry.code);
      if (group) group.push(candidate);
      else allGroups.set(entry.code, [candidate]);
    } else if (!planItem.item.assignment.departments.includes(entry.department)) {
      const flag = `${entry.department}はこの取組項目の実践課（${formatAssignment(planItem.item.assignment)}）ではありません。`;
      placed.push({ entry, candidate, planItem, flag });
      record(candidate, 'flagged', flag);
    } else {
      placed.push({ entry, candidate, planItem });
      record(candidate, 'consolidated', '');
    }
  }

  for (const [code, group] of allGroups) {
    const planItem = items.get(code)!;
    const coordinator = planItem.item.assignment.kind === 'all' ? planItem.item.assignment.coordinator : '';
    const contributions: Contribution[] = group.map((c) => ({ department: c.received.entry.department, entry: c.received.entry }));
    const merged = mergeAllDepartments(coordinator, contributions, plan.departments);
    const own = group.find((c) => c.received.entry.department === coordinator);
    const lead = own ?? group[0]!;
    if (merged.kind === 'compiled') {
      for (const c of group)
        if (c === own) record(c, 'consolidated', `${coordinator}が集約済みのシートをそのまま採用しました。`);
        else record(c, 'compiled-kept', `${coordinator}の集約済みシートを採用したため、このシートは統合していません（内容は下に保存）。`, entryText(c.received.entry));
      placed.push({ entry: merged.entry, candidate: lead, planItem });
    } else if (group.every((c) => c === own)) {
      record(lead, 'consolidated', '');
      placed.push({ entry: group.length === 1 ? lead.received.entry : merged.entry, candidate: lead, planItem });
    } else {
      for (const c of group)
        if (c === own) record(c, 'consolidated', `他課の記入を【課名】の見出しで統合しました（${merged.departments.join('、')}）。`);
        else record(c, 'merged', `全課の取組として${coordinator}のシートに【${c.received.entry.department}】の見出しで統合しました。`);
      placed.push({ entry: merged.entry, candidate: lead, planItem, mergedFrom: merged.departments });
    }
  }

  const form = options.form ?? STANDARD_FORM;
  const entryFindings = validateEntries(
    placed.map((p) => p.entry),
    { stage: options.stage, form, plan },
  );
  const findingsByKey = new Map<string, Finding[]>();
  const placedByKey = new Map(placed.map((p) => [entryKeyString(p.entry), p]));
  for (const f of entryFindings) {
    const key = entryKeyString({ code: f.place.code ?? '', department: f.place.department ?? '', seq: f.place.seq ?? 0 });
    const p = placedByKey.get(key);
    const cell = p && f.place.field ? p.candidate.received.cells[f.place.field] : undefined;
    const at: Finding = p ? { ...f, place: { ...f.place, file: p.candidate.file, sheet: p.candidate.received.sheet, ...(cell && { cell }) } } : f;
    const list = findingsByKey.get(key);
    if (list) list.push(at);
    else findingsByKey.set(key, [at]);
    findings.push(at);
  }

  const readingOf = (p: Placed): readonly Finding[] => {
    const e = p.candidate.received.entry;
    return readOnSheet(p.candidate.file, p.candidate.received.sheet).filter(
      (f) => f.place.code === undefined || (f.place.code === e.code && f.place.department === e.department && (f.place.seq ?? e.seq) === e.seq),
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
    ...(p.flag && { flag: p.flag }),
    findings: [...readingOf(p), ...(findingsByKey.get(entryKeyString(p.entry)) ?? [])],
  });

  // Placed entries by item × department (an index: a season's batch holds thousands of entries).
  const byAssignee = groupBy(
    placed.filter((p) => !p.flag),
    (p) => `${p.entry.code}\u0000${p.entry.department}`,
  );
  const rows: MasterRow[] = [];
  for (const a of planAssignees(plan)) {
    const mine = [...(byAssignee.get(`${a.code}\u0000${a.department}`) ?? [])].sort((x, y) => x.entry.seq - y.entry.seq);
    if (mine.length > 0) rows.push(...mine.map(toRow));
    else rows.push({ code: a.code, planItem: items.get(a.code)!, department: a.department, seq: 1, status: 'missing', findings: unusedFor.get(`${a.code}\u0000${a.department}`) ?? [] });
  }
  const flagged = placed
    .filter((p) => p.flag)
    .sort((x, y) => (x.entry.code < y.entry.code ? -1 : x.entry.code > y.entry.code ? 1 : 0) || x.entry.department.localeCompare(y.entry.department, 'ja') || x.entry.seq - y.entry.seq);
  rows.push(...flagged.map(toRow));

  return {
    stamp: options.stamp,
    fiscalYear: options.fiscalYear,
    rows,
    submissions: summarizeSubmissions(
      plan,
      rows,
      selection.winners,
      findings,
      findingDepartments(sources),
      sources.flatMap((s) => (s.kind === 'read' ? s.entries.map((e) => ({ department: e.entry.department, file: s.file, modified: s.modified })) : [])),
    ),
    achievement: summarizeAchievement(plan, rows),
    log: sortLog(log, sources),
    findings,
  };
}

/** Log in input order (newest file last), then sheet order as received, file-level records first. */
function sortLog(log: readonly LogRecord[], sources: readonly SourceFile[]): LogRecord[] {
  const fileOrder = new Map(sortSources(sources).map((s, i) => [s.file, i]));
  const sheetOrder = new Map<string, number>();
  for (const s of sources)
    if (s.kind === 'read') {
      s.sheets.forEach((sh, i) => sheetOrder.set(`${s.file}\u0000${sh.sheet}`, i));
    }
  return log
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.r.file) ?? 0) - (fileOrder.get(b.r.file) ?? 0) ||
        (a.r.sheet === '' ? -1 : sheetOrder.get(`${a.r.file}\u0000${a.r.sheet}`) ?? 0) - (b.r.sheet === '' ? -1 : sheetOrder.get(`${b.r.file}\u0000${b.r.sheet}`) ?? 0) ||
        a.i - b.i,
    )
    .map(({ r }) => r);
}
