import { checkNearDuplicateSheets } from '../compare/nearDuplicateSheets';
import { groupBy } from './groupBy';
import { STANDARD_FORM, type FormDefinition, type Stage } from '../entry/formDefinition';
import { entryKeyString, type Entry } from '../entry/types';
import {
  changeExpectedKeys,
  checkUnchangedEntries,
  countUnchangedByDepartment,
  previousByKey,
  UNCHANGED_FROM_LAST_YEAR_CODE,
} from '../compare/unchangedFromLastYear';
import type { Finding } from '../finding';
import { planItems } from '../plan/planItems';
import type { Plan } from '../plan/types';
import type { ValidationContext } from '../validation/context';
import { checkRequiredFields } from '../validation/requiredFields';
import { validateEntries } from '../validation/validateEntries';
import { MASTER_SHEET_NAME } from '../template/sheetName';
import { masterRows } from './masterRows';
import { MERGE_DISAGREEMENT_CODE, placeEntries, type Placed } from './placeEntries';
import { currentReadingFindings, findingDepartments, findingsBySheet } from './readingFindings';
import { selectEntries, sortSources, type Candidate } from './selectEntries';
import { summarizeAchievement } from './summarizeAchievement';
import { departmentInFileName, summarizeSubmissions } from './summarizeSubmissions';
import type { Consolidation, DepartmentSubmission, LogRecord, MasterRow, SourceFile } from './types';
import { droppedFromPrevious } from './droppedFromPrevious';

export interface ConsolidateOptions {
  /** The one run stamp written everywhere (ISO date-time). */
  readonly stamp: string;
  readonly fiscalYear: number;
  readonly stage: Stage;
  readonly form?: FormDefinition;
  /**
   * Last year's entries (a past master given to the run): each entry's 文章 fields that the 様式 does not
   * carry (引継ぎ ○) are compared with its predecessor's of the same code, department and seq, and a text
   * carried over unchanged gets 「前年度と同じ文です」 — unless the entry's own sheet already said so.
   */
  readonly lastYear?: readonly Entry[];
  /**
   * The rows of this year's master the run replaces (readMasterRows), when there is one: a row it held that
   * this run's files no longer give is warned about (droppedFromPrevious).
   */
  readonly previous?: readonly MasterRow[];
}

/**
 * Department workbooks (already read) → the master plan view: every entry in 体系 order, a 未提出 row for
 * every item × department with no entry, 全課 parts merged for the coordinator, and a log record for
 * every sheet of every input. Pure and deterministic: the same inputs and stamp give the same result.
 */
export function consolidateEntries(
  plan: Plan,
  sources: readonly SourceFile[],
  options: ConsolidateOptions,
): Consolidation {
  const form = options.form ?? STANDARD_FORM;
  const items = new Map(planItems(plan).map((p) => [p.code, p]));
  const selection = selectEntries(sources, options.fiscalYear, form);
  const reading = currentReadingFindings(sortSources(sources), selection.log);
  const {
    placed,
    log: placedLog,
    findings: mergeFindings,
  } = placeEntries(selection.winners, items, plan, form);
  const blankFor = new Map<string, { file: string; sheet: string }>();
  for (const r of selection.log) {
    const key = `${r.code ?? ''}\u0000${r.department ?? ''}`;
    if (r.outcome === 'empty' && !blankFor.has(key)) blankFor.set(key, { file: r.file, sheet: r.sheet });
  }
  const { own: validated, whole } = validatePlaced(
    placed,
    mergeFindings,
    { stage: options.stage, form, plan },
    blankFor,
  );
  // Two sheets of one department for one item with (nearly) the same text: both kept, a warning on the later.
  const copies = checkNearDuplicateSheets(
    selection.winners.map((w) => ({
      ...w.received.entry,
      file: w.file,
      sheet: w.received.sheet,
      ...(w.received.cells[form.fields[0]?.key ?? ''] !== undefined && {
        cell: w.received.cells[form.fields[0]?.key ?? ''],
      }),
    })),
    form,
  );
  // Last year: the past master given (--history), else what rolled-over sheets carry in their 前年度 column.
  const carried = selection.winners.flatMap(({ received: r }) =>
    r.previous ? [{ ...r.entry, fiscalYear: r.previous.fiscalYear, fields: r.previous.fields }] : [],
  );
  const lastYear = options.lastYear ?? (carried.length > 0 ? carried : undefined);

  const entryFindings = locateEntryFindings(placed, [
    ...selection.entryFindings,
    ...copies,
    ...validated,
    ...(lastYear ? unchangedFromLastYear(placed, lastYear, form, [...validated, ...whole, ...reading]) : []),
  ]);
  // What the master this run replaces held and this run's files no longer give: on its 未提出 row, or on the
  // 全課 row that lost a part.
  const dropped = options.previous
    ? droppedFromPrevious(options.previous, placed, form, plan.departments, blankFor)
    : [];
  // Merge findings are placed already (placeEntries: at a sheet that gave one of the values), a 全課 item's
  // whole ones at the coordinator's blank sheet or 全体計画, and dropped ones at 全体計画: on their row, not
  // moved to the row's first sheet.
  for (const f of [...mergeFindings, ...whole, ...dropped]) {
    const key = entryKeyString({
      code: f.place.code ?? '',
      department: f.place.department ?? '',
      seq: f.place.seq ?? 1,
    });
    const list = entryFindings.byKey.get(key);
    if (list) list.push(f);
    else entryFindings.byKey.set(key, [f]);
  }
  const findings: Finding[] = [
    ...reading,
    ...selection.findings,
    ...entryFindings.all,
    ...mergeFindings,
    ...whole,
    ...dropped,
  ];
  const log: LogRecord[] = [...fileRecords(sources), ...selection.log, ...placedLog];
  // Findings on sheets that could not be used for an item × department (年度違い) stay with its 未提出 row.
  const unusedFor = groupBy(
    [...selection.findings, ...dropped],
    (f) => `${f.place.code ?? ''}\u0000${f.place.department ?? ''}`,
  );
  const refusedFor = new Map<string, string>();
  for (const s of sortSources(sources)) {
    const department = s.kind === 'rejected' ? departmentInFileName(s.file, plan.departments) : undefined;
    if (department !== undefined && !refusedFor.has(department)) refusedFor.set(department, s.file);
  }
  const rows = masterRows(plan, items, placed, {
    readOnSheet: findingsBySheet(reading),
    byKey: entryFindings.byKey,
    unusedFor,
    blankFor,
    refusedFor,
  });

  return {
    stamp: options.stamp,
    fiscalYear: options.fiscalYear,
    stage: options.stage,
    form,
    rows,
    submissions: withUnchanged(
      summarizeSubmissions(
        plan,
        rows,
        selection.winners,
        findings,
        findingDepartments(sources),
        sources.flatMap((s) =>
          s.kind === 'read'
            ? s.entries.map((e) => ({ department: e.entry.department, file: s.file, modified: s.modified }))
            : [],
        ),
        sources.flatMap((s) => (s.kind === 'rejected' ? [s.file] : [])),
      ),
      lastYear && countUnchangedByDepartment(findings),
    ),
    achievement: summarizeAchievement(plan, rows, form),
    log: sortLog(log, sources),
    findings,
  };
}

/** 提出状況's 前年度と同じ per department, when this year was compared with last year. */
const withUnchanged = (
  submissions: DepartmentSubmission[],
  unchanged: ReadonlyMap<string, number> | undefined,
): DepartmentSubmission[] =>
  unchanged ? submissions.map((s) => ({ ...s, unchanged: unchanged.get(s.department) ?? 0 })) : submissions;

/** An entry's field a finding is about: code, department, seq and field key. */
const findingField = (f: Finding): string =>
  `${entryKeyString({ code: f.place.code ?? '', department: f.place.department ?? '', seq: f.place.seq ?? 0 })}\u0000${f.place.field ?? ''}`;

/** 「前年度と同じ文です」 against last year's entries, on fields the entry's own checks did not already flag. */
function unchangedFromLastYear(
  placed: readonly Placed[],
  lastYear: readonly Entry[],
  form: FormDefinition,
  already: readonly Finding[],
): Finding[] {
  const flagged = new Set(already.filter((f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE).map(findingField));
  return checkUnchangedEntries(
    placed.map((p) => p.entry),
    previousByKey(lastYear),
    form,
    { keys: changeExpectedKeys(form) },
  ).filter((f) => !flagged.has(findingField(f)));
}

/** The records of whole files (rejected, or giving no entry) and of their sheets that are not entries. */
function fileRecords(sources: readonly SourceFile[]): LogRecord[] {
  const log: LogRecord[] = [];
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
        log.push({
          file: source.file,
          sheet: s.sheet,
          outcome: s.kind,
          detail: s.reason ?? '',
          ...(s.text !== undefined && s.text !== '' && { keptText: s.text }),
        });
  }
  return log;
}

/**
 * Every placed entry checked as 検証 checks it; a 全課 item's sheets each as its department wrote it (`own`:
 * placed at their sheets later). Without the coordinator's sheet, the merged entry is also checked for what
 * the item as a whole lacks (`whole`: 未記入), except a value left blank because the departments gave different
 * ones (its own warning says so: a 未記入 on the cell would send 総務課 after a department that did write it)
 * and a field a part's finding is already about. Those are the coordinator's to write: they are said so, at
 * the coordinator's sheet that came back blank, else at 全体計画 — never at another department's cells.
 */
function validatePlaced(
  placed: readonly Placed[],
  mergeFindings: readonly Finding[],
  ctx: ValidationContext,
  blankFor: ReadonlyMap<string, { readonly file: string; readonly sheet: string }>,
): { own: Finding[]; whole: Finding[] } {
  const at = (f: Finding) => `${f.place.code ?? ''}\u0000${f.place.field ?? ''}`;
  const entries: Entry[] = [];
  const wholes: Entry[] = [];
  for (const p of placed) {
    if (!p.parts) entries.push(p.entry);
    else {
      for (const c of p.parts) entries.push(c.received.entry);
      if (!p.parts.some((c) => c.received.entry.department === p.entry.department)) wholes.push(p.entry);
    }
  }
  const own = validateEntries(entries, ctx);
  // A field a part's own finding is about (「達成できなかった」の理由) does not also get the item's 未記入.
  const said = new Set([
    ...mergeFindings.filter((f) => f.code === MERGE_DISAGREEMENT_CODE).map(at),
    ...own.filter((f) => f.place.field !== undefined).map(at),
  ]);
  const whole = wholes
    .flatMap((e) => checkRequiredFields(e, ctx))
    .filter((f) => !said.has(at(f)))
    .map((f): Finding => {
      const coordinator = f.place.department ?? '';
      const blank = blankFor.get(`${f.place.code ?? ''}\u0000${coordinator}`);
      const { cell: _cell, ...place } = f.place;
      return {
        ...f,
        message: `全課の取組で、とりまとめ課（${coordinator}）のシートが${blank ? '空欄で届きました' : '届いていません'}。${f.message}`,
        place: blank
          ? { ...place, file: blank.file, sheet: blank.sheet }
          : { ...place, sheet: MASTER_SHEET_NAME },
      };
    });
  return { own, whole };
}

/** Validation findings given the file, sheet and cell of the entry they are about, in order and by entry. */
function locateEntryFindings(
  placed: readonly Placed[],
  entryFindings: readonly Finding[],
): { all: Finding[]; byKey: Map<string, Finding[]> } {
  const all: Finding[] = [];
  const byKey = new Map<string, Finding[]>();
  // Each entry's sheet, and the master row it is on: a 全課 part's findings go on the item's row, at its own sheet.
  const sheetOf = new Map<string, { candidate: Candidate; row: string }>();
  for (const p of placed) {
    const row = entryKeyString(p.entry);
    for (const c of p.parts ?? []) sheetOf.set(entryKeyString(c.received.entry), { candidate: c, row });
    if (!sheetOf.has(row)) sheetOf.set(row, { candidate: p.candidate, row });
  }
  for (const f of entryFindings) {
    const own = entryKeyString({
      code: f.place.code ?? '',
      department: f.place.department ?? '',
      seq: f.place.seq ?? 0,
    });
    const p = sheetOf.get(own);
    const key = p?.row ?? own;
    const cell = p && f.place.field ? p.candidate.received.cells[f.place.field] : undefined;
    const at: Finding = p
      ? {
          ...f,
          place: {
            ...f.place,
            file: p.candidate.file,
            sheet: p.candidate.received.sheet,
            ...(cell && { cell }),
          },
        }
      : f;
    const list = byKey.get(key);
    if (list) list.push(at);
    else byKey.set(key, [at]);
    all.push(at);
  }
  return { all, byKey };
}

/** Log in input order (newest file last), then sheet order as received, file-level records first. */
function sortLog(log: readonly LogRecord[], sources: readonly SourceFile[]): LogRecord[] {
  const fileOrder = new Map(sortSources(sources).map((s, i) => [s.file, i]));
  const sheetOrder = new Map<string, number>();
  for (const s of sources)
    if (s.kind === 'read') {
      s.sheets.forEach((sh, i) => sheetOrder.set(`${s.file}\u0000${sh.sheet}`, i));
    }
  // Each record's place is looked up once, not in every comparison.
  return log
    .map((r, i) => ({
      r,
      i,
      file: fileOrder.get(r.file) ?? 0,
      sheet: r.sheet === '' ? -1 : (sheetOrder.get(`${r.file}\u0000${r.sheet}`) ?? 0),
    }))
    .sort((a, b) => a.file - b.file || a.sheet - b.sheet || a.i - b.i)
    .map(({ r }) => r);
}
