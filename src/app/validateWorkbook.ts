import { findFormSheet, readFormSheet } from './openPlan';
import { STAGE_LABELS, STANDARD_FORM, type FormDefinition, type Stage } from '../domain/entry/formDefinition';
import { parseCellAddress } from '../domain/cellAddress';
import { changeExpectedKeys, checkUnchangedFromLastYear } from '../domain/compare/unchangedFromLastYear';
import { entryKeyString } from '../domain/entry/types';
import { extractWorkbook } from '../domain/extract/extractWorkbook';
import { cellText, type WorkbookSnapshot } from '../domain/extract/snapshot';
import { isContributionCell } from '../domain/template/departmentCell';
import { placeFindings } from '../domain/extract/placeFindings';
import { findPlanInWorkbook } from '../domain/extract/readPlanSheet';
import type { WorkbookExtraction } from '../domain/extract/types';
import { countBySeverity, type Finding } from '../domain/finding';
import type { Plan } from '../domain/plan/types';
import { defaultContext } from '../domain/validation/context';
import { validateEntries } from '../domain/validation/validateEntries';
import type { Progress, WorkbookPort } from '../workbook/port';

export interface ReadOptions {
  readonly file: string;
  /** Resolves labels and checks assignments; when omitted, the workbook's own 体系 sheet is used if it has one. */
  readonly plan?: Plan;
  readonly fiscalYear?: number;
  /** The form the sheets were built from: the 体系 workbook's 様式 (default: the built-in R2 form). */
  readonly form?: FormDefinition;
}

/** The workbook's own 様式 sheet read as a form, when it has one. */
function workbookForm(snapshot: WorkbookSnapshot): ReturnType<typeof readFormSheet> | undefined {
  const sheet = findFormSheet(snapshot.sheets.map((s) => s.name));
  return sheet === undefined ? undefined : readFormSheet(snapshot, sheet);
}

export interface ReadResult {
  readonly extraction: WorkbookExtraction;
  /** The plan used: the one given, or the workbook's own 体系. */
  readonly plan?: Plan;
  readonly planSource: 'given' | 'workbook' | 'none';
  /** The form the sheets were read with: the one given, else the workbook's own 様式, else the R2 form. */
  readonly form: FormDefinition;
}

/** Every 取組項目 sheet of the workbook → entries with provenance (one read of the workbook). */
export async function readWorkbook(
  port: WorkbookPort,
  options: ReadOptions,
  onProgress?: Progress,
): Promise<ReadResult> {
  return readSnapshot(await takeSnapshot(port, options, onProgress), options, onProgress);
}

async function takeSnapshot(
  port: WorkbookPort,
  options: ReadOptions,
  onProgress?: Progress,
): Promise<WorkbookSnapshot> {
  onProgress?.({ done: 0, total: 2, label: `${options.file} を読み込み中` });
  return port.readSnapshot();
}

/**
 * The same reading from a snapshot already taken (readDepartmentFile): a file that is only read needs no
 * open workbook.
 */
export function readSnapshot(
  snapshot: WorkbookSnapshot,
  options: ReadOptions,
  onProgress?: Progress,
): ReadResult {
  // No form given (extract without --plan): the workbook's own 様式, which a department workbook carries.
  const form = options.form ?? workbookForm(snapshot)?.form;
  const inWorkbook = options.plan ? undefined : findPlanInWorkbook(snapshot);
  const plan = options.plan ?? inWorkbook?.parsed.plan;
  onProgress?.({ done: 1, total: 2, label: 'シートを読み取り中' });
  const extraction = extractWorkbook(snapshot, {
    file: options.file,
    ...(plan && { plan }),
    ...(options.fiscalYear !== undefined && { fiscalYear: options.fiscalYear }),
    ...(form && { form }),
  });
  onProgress?.({ done: 2, total: 2, label: '読み取りました' });
  return {
    extraction,
    ...(plan && { plan }),
    planSource: options.plan ? 'given' : plan ? 'workbook' : 'none',
    form: form ?? STANDARD_FORM,
  };
}

/**
 * Entries whose 実践課 cell marks another department's part of a 全課 item (`保健福祉課（全課【総務課】）`):
 * a department workbook carries no 体系, yet its blank 全課 parts must not be reported as 未記入.
 */
function contributionsByCell(snapshot: WorkbookSnapshot, extraction: WorkbookExtraction): Set<string> {
  const keys = new Set<string>();
  for (const e of extraction.entries) {
    const at = e.source.departmentCell ? parseCellAddress(e.source.departmentCell) : undefined;
    const sheet = snapshot.sheets.find((s) => s.name === e.source.sheet);
    if (at && sheet && isContributionCell(cellText(sheet.values[at.row]?.[at.column] ?? null)))
      keys.add(entryKeyString(e.entry));
  }
  return keys;
}

export interface ValidationSummary {
  readonly entries: number;
  /** Entries with no error finding. */
  readonly complete: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly stageLabel: string;
}

export interface ValidationResult extends ReadResult {
  /** Reading and rule findings, each placed at its file, sheet and cell. */
  readonly findings: readonly Finding[];
  readonly summary: ValidationSummary;
}

/**
 * Findings sheet by sheet in the workbook's tab order (findings about the whole workbook first), each sheet's
 * reading findings before its rule findings: a person walks the tabs from left to right.
 */
function inWorkbookOrder(
  findings: readonly Finding[],
  extraction: Pick<WorkbookExtraction, 'sheets'>,
): Finding[] {
  const tab = new Map(extraction.sheets.map((s, i) => [s.sheet, i]));
  const position = (f: Finding) => (f.place.sheet === undefined ? -1 : (tab.get(f.place.sheet) ?? tab.size));
  return [...findings].sort((a, b) => position(a) - position(b));
}

/** The task pane's 検証 and `suishin validate`: read the workbook, run every rule for the stage. */
export async function validateWorkbook(
  port: WorkbookPort,
  options: ValidateOptions,
  onProgress?: Progress,
): Promise<ValidationResult> {
  return validateSnapshot(await takeSnapshot(port, options, onProgress), options, onProgress);
}

export type ValidateOptions = ReadOptions & { readonly stage: Stage };

/** validateWorkbook on a snapshot already taken (readDepartmentFile): the same findings, no port. */
export function validateSnapshot(
  snapshot: WorkbookSnapshot,
  options: ValidateOptions,
  onProgress?: Progress,
): ValidationResult {
  // A department's file is checked against the form it was built from: its own 様式 sheet when it carries
  // one (the 体系 workbook's 様式 may have moved on since), else the form given, else the built-in R2 form.
  const own = workbookForm(snapshot);
  const form = own?.form ?? options.form ?? STANDARD_FORM;
  const read = readSnapshot(snapshot, { ...options, form }, onProgress);
  const entries = read.extraction.entries.map((e) => e.entry);
  const contributions = contributionsByCell(snapshot, read.extraction);
  const ruleFindings = [
    ...validateEntries(entries, { ...defaultContext(options.stage, read.plan), form, contributions }),
    // A rollover's sheet carries last year's values (前年度 column): text left as it was gets a warning.
    ...read.extraction.entries.flatMap((e) =>
      e.previous
        ? checkUnchangedFromLastYear(
            e.entry,
            { ...e.entry, fiscalYear: e.previous.fiscalYear, fields: e.previous.fields },
            form,
            { keys: changeExpectedKeys(form) },
          )
        : [],
    ),
  ];
  const findings = inWorkbookOrder(
    [
      ...(own?.formFindings ?? []),
      ...read.extraction.findings,
      ...placeFindings(ruleFindings, read.extraction),
    ],
    read.extraction,
  );
  const counts = countBySeverity(findings);
  const withErrors = new Set(
    findings
      .filter((f) => f.severity === 'error' && f.place.code)
      .map((f) => `${f.place.code}|${f.place.department}|${f.place.seq}`),
  );
  return {
    ...read,
    findings,
    summary: {
      entries: entries.length,
      complete: entries.filter((e) => !withErrors.has(`${e.code}|${e.department}|${e.seq}`)).length,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      stageLabel: STAGE_LABELS[options.stage],
    },
  };
}
