import {
  buildMasterView,
  REPORT_SHEET_PREFIX,
  VIEW_SHEET_NAMES,
} from '../domain/consolidation/buildMasterView';
import { consolidateEntries } from '../domain/consolidation/consolidateEntries';
import { readRemarks } from '../domain/consolidation/readRemarks';
import { LOG_SHEET_NAME } from '../domain/consolidation/viewSheetNames';
import type { Consolidation, ReceivedEntry, SourceFile } from '../domain/consolidation/types';
import { STANDARD_FORM, type FormDefinition, type Stage } from '../domain/entry/formDefinition';
import { extractWorkbook } from '../domain/extract/extractWorkbook';
import type { SheetSnapshot, WorkbookSnapshot } from '../domain/extract/snapshot';
import type { WorkbookExtraction } from '../domain/extract/types';
import type { Finding } from '../domain/finding';
import { buildFormSheet } from '../domain/form/buildFormSheet';
import {
  decideFiscalYear,
  decidedYear,
  yearCarrier,
  type YearDecision,
} from '../domain/fiscal/decideFiscalYear';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { alignYear } from '../domain/history/alignYear';
import { buildHistory, type HistoryYear } from '../domain/history/yearHistory';
import type { Plan } from '../domain/plan/types';
import { MAPPING_SHEET_NAME, readMappingSheet } from '../domain/rollover/mappingSheet';
import type { Result } from '../domain/result';
import { masterYear, readMasterRows } from '../domain/publish/readMasterRows';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import type { FileWorkbookFactory, OpenError, Progress, WorkbookPort } from '../workbook/port';
import { findFormSheet } from './openPlan';
import { readDepartmentFile } from './readDepartmentFile';
import { yieldToHost } from './yieldToHost';

export interface SourceInput {
  readonly file: string;
  /** Last-modified time (ms): the newer file wins a resubmission. */
  readonly modified: number;
  readonly bytes: Uint8Array;
}

/** How a department file's bytes become its snapshot, or the reason the file cannot be read. */
export type SnapshotReader = (
  bytes: Uint8Array,
  file: string,
) => Promise<Result<WorkbookSnapshot, OpenError>>;

/**
 * The reader of department files: the factory's own (the pane's worker reads them off the page) or
 * readDepartmentFile — the one bounded reader either way; no department workbook is opened or kept.
 */
const snapshotReaderOf = (factory: FileWorkbookFactory): SnapshotReader =>
  factory.readSnapshot ? (bytes, file) => factory.readSnapshot!(bytes, file) : readDepartmentFile;

export interface ConsolidateOptions {
  readonly factory: FileWorkbookFactory;
  /**
   * Reads each department file (default: the factory's readSnapshot, else readDepartmentFile).
   */
  readonly readSnapshot?: SnapshotReader;
  /** The master workbook the view is written into (its previous view is replaced, 備考 kept). */
  readonly target: WorkbookPort;
  readonly stage: Stage;
  /** The year consolidated; with `inferYear`, only the default for files that carry no year. */
  readonly fiscalYear: number;
  /** Let the files decide the year (decideRunYear): true when the user did not name one. */
  readonly inferYear?: boolean;
  /** One run stamp for the whole result (ISO date-time). */
  readonly stamp: string;
  readonly title: string;
  /** The form the department sheets were built from: the 体系 workbook's 様式 (default: the built-in R2 form). */
  readonly form?: FormDefinition;
  readonly onProgress?: Progress;
  /**
   * The 全体計画 of the master this run replaces, when `target` is a new workbook standing in for it (the CLI
   * rewrites a master it made itself): its 備考 are carried over. Read from `target` when omitted.
   */
  readonly previousMaster?: SheetSnapshot;
  /**
   * Past years' masters (readPastMaster): the master gets a 推移 sheet over them and this run's year, each
   * 全体計画 row linked to its history there.
   */
  readonly history?: readonly HistoryYear[];
}

export interface ConsolidateResult {
  readonly consolidation: Consolidation;
  /** Findings made while writing the view (cells cut at Excel's limit). */
  readonly viewFindings: readonly Finding[];
  readonly rejected: number;
  /** The year consolidated and why (named, read from the files, or a default the files did not contradict). */
  readonly year: YearDecision;
}

/**
 * The year a consolidation works on: the one named (`explicit`), else the one every file carries, else the
 * default when the files carry none or it is one of theirs; `undecided` when the files disagree otherwise.
 * One function for the CLI and the pane, over files already read (no file is read twice).
 */
export function decideRunYear(
  sources: readonly SourceFile[],
  question: { readonly explicit?: number; readonly fallback?: number },
): YearDecision {
  return decideFiscalYear({
    ...question,
    carriers: sources.flatMap((s) => (s.kind === 'read' ? [yearCarrier(s.file, s.entries)] : [])),
  });
}

/** Open and read one department file; a bad file becomes a rejected source, never an exception. */
export async function readSource(
  factory: FileWorkbookFactory,
  input: SourceInput,
  plan: Plan,
  fiscalYear: number,
  readSnapshot: SnapshotReader = snapshotReaderOf(factory),
  form?: FormDefinition,
): Promise<SourceFile> {
  const read = await readSnapshot(input.bytes, input.file);
  if (!read.ok)
    return {
      kind: 'rejected',
      file: input.file,
      modified: input.modified,
      code: read.error.code,
      message: read.error.message,
    };
  const extraction = extractWorkbook(read.value, {
    file: input.file,
    plan,
    fiscalYear,
    ...(form && { form }),
  });
  // A consolidated master among the returns (last year's, given for the 推移 by mistake): its 報告 sheets are
  // laid out as entry sheets, and were read as dozens of wrong-year returns with advice to resubmit them.
  if (
    extraction.sheets.some((s) => s.sheet === MASTER_SHEET_NAME) &&
    extraction.sheets.some((s) => s.kind === 'plan')
  )
    return {
      kind: 'rejected',
      file: input.file,
      modified: input.modified,
      code: MASTER_GIVEN_CODE,
      message: `「${input.file}」は集約した全体計画のブック（「${MASTER_SHEET_NAME}」シートと体系があります）で、各課から届いたファイルではないため集約しませんでした。過去の年度の推移に使うときは --history（ペインでは「過去の集約ファイルを追加」）で渡してください。`,
    };
  return toSourceFile(input, extraction);
}

/** A consolidated master given among the department files. */
export const MASTER_GIVEN_CODE = 'file.master';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An extraction as consolidation's input. The reader's year warning is left out: it compares with the year
 * given to the reader, while the consolidation judges every sheet against the run's year (年度違い).
 */
export function toSourceFile(
  input: Pick<SourceInput, 'file' | 'modified'>,
  extraction: WorkbookExtraction,
): SourceFile {
  return {
    kind: 'read',
    file: input.file,
    modified: input.modified,
    entries: extraction.entries.map((e) => {
      // Built property by property, not by spreads: every entry of every file passes here.
      const received: Mutable<ReceivedEntry> = {
        entry: e.entry,
        sheet: e.source.sheet,
        cells: e.source.cells,
      };
      if (e.source.fiscalYearCell !== undefined) received.yearCell = e.source.fiscalYearCell;
      if (e.yearAssumed) received.yearAssumed = true;
      // Fields of an older 様式 version: consolidation keeps them in 集約ログ.
      if (e.retired && e.retired.length > 0) received.retired = e.retired;
      if (e.previous) received.previous = e.previous;
      return received;
    }),
    sheets: extraction.sheets.map((s) => ({
      sheet: s.sheet,
      kind: s.kind,
      ...(s.reason !== undefined && { reason: s.reason }),
    })),
    findings: extraction.findings.filter((f) => f.code !== 'extract.fiscal-year-mismatch'),
  };
}

export type ReadSourcesOptions = Pick<
  ConsolidateOptions,
  'factory' | 'readSnapshot' | 'fiscalYear' | 'onProgress' | 'form'
>;

/** Read every department file, one at a time (memory stays flat); progress counts toward the whole run. */
export async function readSources(
  plan: Plan,
  inputs: readonly SourceInput[],
  options: ReadSourcesOptions,
): Promise<SourceFile[]> {
  const total = inputs.length + 2;
  const sources: SourceFile[] = [];
  for (const [i, input] of inputs.entries()) {
    options.onProgress?.({
      done: i,
      total,
      label: `${input.file} を読み込み中（${i + 1} / ${inputs.length}）`,
    });
    // A reader that answers at once (the main thread's, where no worker runs) would read every file in one task.
    await yieldToHost();
    sources.push(
      await readSource(options.factory, input, plan, options.fiscalYear, options.readSnapshot, options.form),
    );
  }
  return sources;
}

/**
 * 総務課's consolidation: read every department file (one at a time, so memory stays flat), consolidate,
 * and replace the master view in the target workbook. The same code serves the task pane and the CLI.
 */
export async function consolidate(
  plan: Plan,
  inputs: readonly SourceInput[],
  options: ConsolidateOptions,
): Promise<ConsolidateResult> {
  const sources = await readSources(plan, inputs, options);
  const year = decideRunYear(
    sources,
    options.inferYear ? { fallback: options.fiscalYear } : { explicit: options.fiscalYear },
  );
  return consolidateSources(plan, sources, year, options);
}

/**
 * Why `target` must not take the master view, or undefined. A department's own workbook (取組項目 sheets and
 * no 全体計画; a 体系 inserted into it in the pane does not make it a master) given as the master would get
 * 全体計画 and the report sheets among its own, and be read as that department's return ever after. Checked
 * before anything is written, by the CLI and the pane (each adds what to do instead: another --out, or
 * opening the 全体計画).
 */
export async function targetProblem(
  target: WorkbookPort,
  file: string,
  options: { readonly plan: Plan; readonly form?: FormDefinition },
): Promise<string | undefined> {
  const names = (await target.listSheets()).map((s) => s.name);
  // A master (its 報告 sheets are laid out as entry sheets) or an empty workbook: nothing to refuse.
  if (names.length === 0 || names.includes(MASTER_SHEET_NAME)) return undefined;
  const extraction = extractWorkbook(await target.readSnapshot(), {
    file,
    plan: options.plan,
    ...(options.form && { form: options.form }),
  });
  const entries = extraction.sheets.filter((s) => s.entries > 0).length;
  return entries > 0
    ? `集約先の「${file}」は各課の取組項目シートのブックです（取組項目シート ${entries} 枚）。集約の結果は全体計画のブックに書きます。`
    : undefined;
}

/**
 * Why `target`'s 全体計画 must not take `fiscalYear`'s consolidation (`problem`), or none: it already holds
 * another year's consolidation (its title names the year), which the run would replace — 令和3年度's returns
 * given to 令和4年度's master wrote 令和3年度 over it. Checked once the year is decided, before anything is
 * written, by the CLI and the pane (each adds what to do instead). The 全体計画 read for it (`master`) is
 * passed on as consolidateSources' previousMaster, so a large master is not parsed twice.
 */
export async function masterYearProblem(
  target: WorkbookPort,
  file: string,
  fiscalYear: number,
): Promise<{ readonly problem?: string; readonly heldYear?: number; readonly master?: SheetSnapshot }> {
  const names = (await target.listSheets()).map((s) => s.name);
  if (!names.includes(MASTER_SHEET_NAME)) return {};
  const master = (await target.readSnapshot([MASTER_SHEET_NAME])).sheets[0];
  // Only a consolidated master (every run writes a 集約ログ) has a year to lose: an empty template of another
  // year (the 体系 workbook kept from last year) simply takes this year's.
  const held = master && names.includes(LOG_SHEET_NAME) ? masterYear(master) : undefined;
  return held === undefined || held === fiscalYear
    ? { ...(master && { master }) }
    : {
        heldYear: held,
        problem: `集約先の「${file}」は${formatFiscalYear(held)}の全体計画です。${formatFiscalYear(fiscalYear)}として集約すると${formatFiscalYear(held)}の全体計画が失われるため、何も書かずに止めました。`,
      };
}

/**
 * Consolidate files already read (readSources) for the year decided (decideRunYear), and replace the master
 * view in the target workbook. An `undecided` year consolidates under `options.fiscalYear`: every sheet of
 * another year is then 年度違い, and `year` tells the caller which files carry which year.
 */
export async function consolidateSources(
  plan: Plan,
  sources: readonly SourceFile[],
  year: YearDecision,
  options: Omit<ConsolidateOptions, 'factory' | 'readSnapshot'>,
): Promise<ConsolidateResult> {
  const { onProgress } = options;
  const total = sources.length + 2;
  const fiscalYear = decidedYear(year) ?? options.fiscalYear;
  onProgress?.({ done: sources.length, total, label: '集約中' });
  await yieldToHost();
  const existing = await options.target.listSheets();
  // Past years (--history) under this year's codes and department names, matched as rollover matched them:
  // by the 対応表 rollover wrote into this master (総務課's edits in it) for the year it maps from.
  const carried =
    options.history && existing.some((s) => s.name === MAPPING_SHEET_NAME)
      ? readMappingSheet((await options.target.readSnapshot([MAPPING_SHEET_NAME])).sheets[0]!)
      : undefined;
  const pastYears = options.history?.map((y) =>
    alignYear(y, plan, y.fiscalYear === carried?.from ? carried.mapping : undefined),
  );
  // The latest past year before this one: its entries are what this year's text is compared with.
  const lastYear = [...(pastYears ?? [])]
    .filter((y) => y.fiscalYear < fiscalYear)
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0]
    ?.rows.flatMap((r) => (r.status !== 'missing' && r.entry ? [r.entry] : []));
  const hasMaster = existing.some((s) => s.name === MASTER_SHEET_NAME);
  const previous =
    options.previousMaster ??
    (hasMaster ? (await options.target.readSnapshot([MASTER_SHEET_NAME])).sheets[0] : undefined);
  // This year's master consolidated before: what it held and this run's files no longer give is warned about.
  const before =
    previous && masterYear(previous) === fiscalYear
      ? readMasterRows(previous, plan, options.form ?? STANDARD_FORM)
      : undefined;
  const consolidation = consolidateEntries(plan, sources, {
    stamp: options.stamp,
    fiscalYear,
    stage: options.stage,
    ...(options.form && { form: options.form }),
    ...(lastYear && { lastYear }),
    ...(before?.ok && { previous: before.value.rows }),
  });

  const remarks = previous ? readRemarks(previous) : new Map<string, string>();
  const view = buildMasterView({
    consolidation,
    title: options.title,
    remarks,
    ...(pastYears &&
      pastYears.length > 0 && {
        history: buildHistory([
          ...pastYears,
          { fiscalYear, source: 'この集約', plan, form: consolidation.form, rows: consolidation.rows },
        ]),
      }),
  });

  onProgress?.({ done: sources.length + 1, total, label: '全体計画を書き込み中' });
  await yieldToHost();
  const stale = existing
    .map((s) => s.name)
    .filter(
      (n) =>
        n.startsWith(REPORT_SHEET_PREFIX) ||
        ((VIEW_SHEET_NAMES as readonly string[]).includes(n) && n !== MASTER_SHEET_NAME),
    );
  if (stale.length > 0) await options.target.deleteSheets(stale);
  // A master without a 様式 keeps the form its sheets were read by (the next run reads it from there).
  const form = options.form;
  const keepForm =
    form !== undefined && form !== STANDARD_FORM && findFormSheet(existing.map((s) => s.name)) === undefined;
  await options.target.writeSheets(keepForm ? [buildFormSheet(form), ...view.sheets] : view.sheets);
  onProgress?.({ done: total, total, label: '集約しました' });
  // A file that opened but held no 取組項目 sheet is rejected too (the log says why): count the log, not the opens.
  const rejected = consolidation.log.filter((r) => r.outcome === 'rejected' && r.sheet === '').length;
  return { consolidation, viewFindings: view.findings, rejected, year };
}
