import type { FormDefinition } from '../domain/entry/formDefinition';
import type { Entry } from '../domain/entry/types';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { placedMessage } from '../domain/finding';
import { planItems } from '../domain/plan/planItems';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import { carryEntries, type LeftBehind } from '../domain/rollover/carryEntries';
import {
  mappingDocument,
  mappingSummary,
  parseMapping,
  type ParsedMapping,
  type MappingDocument,
} from '../domain/rollover/itemMapping';
import { buildMappingSheet } from '../domain/rollover/mappingSheet';
import { departmentRenamer, matchDepartments } from '../domain/rollover/matchDepartments';
import { matchItems, type ItemMatching } from '../domain/rollover/matchItems';
import { DEFAULT_PLAN_TITLE } from '../domain/template/buildDepartmentWorkbook';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import type { FileWorkbookFactory, Progress } from '../workbook/port';
import {
  buildDepartmentFiles,
  buildMasterTemplateFile,
  selectDepartments,
  type BuiltFile,
} from './buildWorkbooks';
import { formOf, openPlanFile, type WorkbookPlan } from './openPlan';
import { holdsEntries, readConsolidatedMaster } from './readConsolidatedMaster';

export interface WorkbookBytes {
  readonly bytes: Uint8Array;
  /** The name findings and messages give it. */
  readonly file: string;
}

export interface RolloverInput {
  /** This year's consolidated master (体系, 様式 and 全体計画). */
  readonly master: WorkbookBytes;
  /** Next year, April-start (令和3年度 → 2021). */
  readonly fiscalYear: number;
  /** Next year's 体系 (and 様式) workbook; default the master's own. */
  readonly plan?: WorkbookBytes;
  /** A mapping.json 総務課 edited (the 対応表): its pairs replace the automatic matching. */
  readonly mapping?: { readonly text: string; readonly file: string };
  /** Only these departments' workbooks (default every department of next year's 体系). */
  readonly departments?: readonly string[];
  /** Print the 前年度 column too (default: the form A:D only). */
  readonly printReference?: boolean;
  readonly title?: string;
  readonly factory: FileWorkbookFactory;
  readonly onProgress?: Progress;
}

export interface RolloverResult {
  readonly lastYear: number;
  readonly nextYear: number;
  readonly plan: Plan;
  readonly form: FormDefinition;
  readonly title: string;
  /** One workbook per department: carried fields pre-filled, last year's values in the 前年度 column. */
  readonly files: readonly BuiltFile[];
  /** Next year's master template (体系, 様式 when not the built-in form, empty 全体計画, the 対応表 sheet). */
  readonly masterTemplate: Uint8Array;
  readonly matching: ItemMatching;
  /** The 対応表 as written to mapping.json. */
  readonly mapping: MappingDocument;
  readonly mappingJson: string;
  /** Next year's starting entries and last year's values, as the workbooks hold them. */
  readonly starting: readonly Entry[];
  readonly previous: readonly Entry[];
  /** Last year's entries not in next year's workbooks (item removed, department no longer assigned). */
  readonly leftBehind: readonly LeftBehind[];
  /** Japanese lines for a person (the 対応表 in brief, what is new, what was left behind, notes). */
  readonly summary: readonly string[];
}

interface ThisYear {
  readonly found: WorkbookPlan;
  readonly form: FormDefinition;
  readonly fiscalYear: number;
  readonly entries: readonly Entry[];
  readonly notes: readonly string[];
}

/** A consolidated master's 体系, 様式 and 全体計画 entries (read by readMasterRows, as `publish` does). */
async function readThisYear({ bytes, file }: WorkbookBytes): Promise<Result<ThisYear, string>> {
  const read = await readConsolidatedMaster(bytes, file);
  if (!read.ok) return read;
  const { found, form, fiscalYear, rows, missingColumns } = read.value;
  const entries = rows.flatMap((r) => (r.entry ? [r.entry] : []));
  const notes = missingColumns.map(
    (label) => `「${MASTER_SHEET_NAME}」シートに「${label}」の列がないため、前年度の値を空欄としました。`,
  );
  const missing = rows.filter((r) => r.status === 'missing');
  // A template never consolidated, or a department that sent nothing this year: its sheets start blank, and
  // 総務課 is told why (a 令和4年度 sheet of a department that skipped 令和3年度 came out blank, unexplained).
  if (!holdsEntries(read.value))
    notes.push(
      `「${file}」の「${MASTER_SHEET_NAME}」シートに集約した記入がありません（集約する前のひな形ではありませんか）。記入を引き継がずに作りました。`,
    );
  else if (missing.length > 0)
    notes.push(
      `${formatFiscalYear(fiscalYear)}に未提出だった ${missing.length} 件は、引き継ぐ文がないため空欄で作りました: ${missing
        .slice(0, LISTED)
        .map((r) => `${r.code} ${r.department}`)
        .join('、')}${missing.length > LISTED ? ` ほか ${missing.length - LISTED} 件` : ''}。`,
    );
  return ok({ found, form, fiscalYear, entries, notes });
}

const LISTED = 10;

/**
 * Next year's department workbooks from this year's master (issue 17): next year's 体系 (default the
 * master's) matched to this year's by code and title (or the 対応表 given), each of this year's entries moved
 * to its item's successor, the form's carried fields (引継ぎ ○) pre-filled with this year's text and the 参考
 * fields shown in the 前年度 column. Nothing is lost silently: items without a successor and entries that
 * cannot move are in `leftBehind`, the 対応表 and the summary.
 */
export async function rollover(input: RolloverInput): Promise<Result<RolloverResult, string>> {
  const thisYear = await readThisYear(input.master);
  if (!thisYear.ok) return thisYear;
  const { found, form: lastForm, fiscalYear: lastYear, entries } = thisYear.value;
  if (input.fiscalYear <= lastYear)
    return err(
      `${formatFiscalYear(input.fiscalYear)}は「${input.master.file}」の年度（${formatFiscalYear(lastYear)}）より後の年度にしてください。`,
    );

  let next: WorkbookPlan = found;
  if (input.plan) {
    const opened = await openPlanFile(input.plan.bytes, input.plan.file);
    if (!opened.ok) return err(`「${input.plan.file}」を開けません: ${opened.error.message}`);
    if (!opened.value) return err(`「${input.plan.file}」に体系のシートがありません。`);
    const errors = [...opened.value.findings, ...opened.value.formFindings].filter(
      (f) => f.severity === 'error',
    );
    if (errors.length > 0)
      return err(`「${input.plan.file}」にエラーがあります:\n${errors.map(placedMessage).join('\n')}`);
    next = opened.value;
  }
  const nextForm = input.plan ? formOf(next) : lastForm;
  const selected = selectDepartments(next.plan, input.departments);
  if (!selected.ok) return err(selected.message);

  let manual: ParsedMapping = { items: new Map(), departments: new Map() };
  if (input.mapping) {
    const parsed = parseMapping(
      input.mapping.text,
      input.mapping.file,
      {
        previous: new Set([...planItems(found.plan).map((p) => p.code), ...entries.map((e) => e.code)]),
        next: new Set(planItems(next.plan).map((p) => p.code)),
        previousDepartments: new Set(found.plan.departments),
        nextDepartments: new Set(next.plan.departments),
      },
      { from: formatFiscalYear(lastYear), to: formatFiscalYear(input.fiscalYear) },
    );
    if (!parsed.ok) return parsed;
    manual = parsed.value;
  }
  const matching = matchItems(found.plan, next.plan, manual.items);
  const departments = matchDepartments(found.plan, next.plan, matching, manual.departments);
  const carried = carryEntries({
    renamed: departmentRenamer(departments),
    entries,
    lastPlan: found.plan,
    lastForm,
    matching,
    nextPlan: next.plan,
    nextForm,
    nextYear: input.fiscalYear,
  });
  const entryCounts = new Map<string, number>();
  for (const e of entries) entryCounts.set(e.code, (entryCounts.get(e.code) ?? 0) + 1);
  const mapping = mappingDocument({
    matching,
    lastPlan: found.plan,
    nextPlan: next.plan,
    lastYear,
    nextYear: input.fiscalYear,
    entryCounts,
    leftBehind: carried.leftBehind,
    departments,
  });

  const title = input.title ?? next.title ?? found.title ?? DEFAULT_PLAN_TITLE;
  const files = await buildDepartmentFiles(
    input.factory,
    {
      plan: next.plan,
      fiscalYear: input.fiscalYear,
      title,
      form: nextForm,
      entries: carried.starting,
      previous: carried.previous,
      ...(input.departments && { departments: input.departments }),
      ...(input.printReference && { printReference: true }),
    },
    input.onProgress,
  );
  const masterTemplate = await buildMasterTemplateFile(input.factory, {
    plan: next.plan,
    fiscalYear: input.fiscalYear,
    title,
    form: nextForm,
    extraSheets: [buildMappingSheet(mapping)],
  });
  return ok({
    lastYear,
    nextYear: input.fiscalYear,
    plan: next.plan,
    form: nextForm,
    title,
    files,
    masterTemplate,
    matching,
    mapping,
    mappingJson: `${JSON.stringify(mapping, null, 2)}\n`,
    starting: carried.starting,
    previous: carried.previous,
    leftBehind: carried.leftBehind,
    summary: [
      ...mappingSummary(mapping),
      ...thisYear.value.notes,
      // A year skipped: 前年度 is the master's year, not the one before the new year.
      ...(input.fiscalYear > lastYear + 1
        ? [
            `${formatFiscalYear(lastYear)}の全体計画から${formatFiscalYear(input.fiscalYear)}のシートを作りました（${formatFiscalYear(lastYear + 1)}${input.fiscalYear > lastYear + 2 ? `～${formatFiscalYear(input.fiscalYear - 1)}` : ''}を飛ばしています）。前年度の欄は${formatFiscalYear(lastYear)}の値です。`,
          ]
        : []),
    ],
  });
}
