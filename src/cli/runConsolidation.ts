import {
  consolidateSources,
  decideRunYear,
  readSources,
  masterYearProblem,
  targetProblem,
  type ConsolidateResult,
  type SourceInput,
} from '../app/consolidate';
import { consolidationReport } from '../app/consolidationReport';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { decidedYear } from '../domain/fiscal/decideFiscalYear';
import type { FormDefinition, Stage } from '../domain/entry/formDefinition';
import type { HistoryYear } from '../domain/history/yearHistory';
import type { Plan } from '../domain/plan/types';
import { readDepartmentFile } from '../app/readDepartmentFile';
import { EXIT, type CliIo, type ExitCode } from './cliIo';
import { shortNames, type InputPath } from './expandInputs';
import { localStamp } from '../domain/fiscal/localStamp';
import { openMaster, type OpenedMaster } from './openMaster';
import { progressReporter } from './progressReporter';
import { fileSystemMessage, readInputFile } from './readInputFile';
import { writeFileAtomic } from './writeFileAtomic';
import { undecidedYearMessage } from './formatYearDecision';
import { cliFileFactory } from './cliFileFactory';

export interface ConsolidationRequest {
  readonly plan: Plan;
  readonly inputs: readonly InputPath[];
  /** The master workbook: updated when it exists, else created from the template. */
  readonly out: InputPath;
  readonly report?: InputPath;
  readonly stage: Stage;
  /** The year consolidated (--year); with `inferYear`, only the default when the files carry no year. */
  readonly fiscalYear: number;
  /** No --year was given: the files decide the year (decideRunYear). */
  readonly inferYear?: boolean;
  readonly title: string;
  /** The form of the 体系 workbook's 様式 sheet (default: the built-in R2 form). */
  readonly form?: FormDefinition;
  /** Past years' masters (--history): the master gets a 推移 sheet. */
  readonly history?: readonly HistoryYear[];
}

export type ConsolidationReport = ReturnType<typeof consolidationReport>;

export type ConsolidationRun =
  /**
   * The master could not be opened, or the master or the report could not be written, or no --year was given
   * and the files carry different years (nothing is written then).
   */
  | { readonly kind: 'failed'; readonly exitCode: ExitCode; readonly message: string }
  | {
      readonly kind: 'done';
      readonly exitCode: ExitCode;
      readonly result: ConsolidateResult;
      /** report.json's content, with inputs that could not even be read from disk added as rejected. */
      readonly report: ConsolidationReport;
      /** False when no input was usable: the master is left as it was. */
      readonly masterWritten: boolean;
      readonly masterCreated: boolean;
    };

/** Add inputs rejected before consolidation (missing, unreadable) so report.json accounts for every input. */
function withUnreadable(
  report: ConsolidationReport,
  unreadable: readonly { file: string; reason: string }[],
): ConsolidationReport {
  if (unreadable.length === 0) return report;
  return {
    ...report,
    summary: {
      ...report.summary,
      files: report.summary.files + unreadable.length,
      rejectedFiles: report.summary.rejectedFiles + unreadable.length,
    },
    inputs: [
      ...report.inputs,
      ...unreadable.map((u) => ({ file: u.file, status: 'rejected', reason: u.reason, sheets: [] })),
    ],
  };
}

/**
 * `suishin consolidate` (and the demo's last step): read every input, consolidate into the master with
 * consolidate(), write the master atomically and report.json. Exit 0 consolidated, 1 some input rejected,
 * 2 nothing usable (the master is then left untouched).
 */
export async function runConsolidation(request: ConsolidationRequest, io: CliIo): Promise<ConsolidationRun> {
  const master = await openMaster(request);
  if (!master.ok) return { kind: 'failed', exitCode: EXIT.unusable, message: master.message };
  try {
    const problem = master.created
      ? undefined
      : await targetProblem(master.port, request.out.display, {
          plan: request.plan,
          ...(request.form && { form: request.form }),
        });
    if (problem)
      return {
        kind: 'failed',
        exitCode: EXIT.unusable,
        message: `${problem}--out には全体計画のブックか、まだないファイル名（新しく作ります）を指定してください。`,
      };
    return await consolidateInto(master, request, io);
  } finally {
    await master.port.close();
  }
}

async function consolidateInto(
  master: Extract<OpenedMaster, { ok: true }>,
  request: ConsolidationRequest,
  io: CliIo,
): Promise<ConsolidationRun> {
  const names = shortNames(request.inputs);
  const sources: SourceInput[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const input of request.inputs) {
    const read = await readInputFile(input.path, input.display);
    if (read.ok)
      sources.push({
        file: names.get(input.path) ?? input.display,
        modified: read.value.modified,
        bytes: read.value.bytes,
      });
    else unreadable.push({ file: input.display, reason: read.error });
  }

  const reporter = progressReporter(io.stderr);
  const read = await readSources(request.plan, sources, {
    factory: cliFileFactory,
    // Department files are only read: take their snapshots straight from the bytes (the one reader).
    readSnapshot: readDepartmentFile,
    fiscalYear: request.fiscalYear,
    onProgress: reporter.progress,
    ...(request.form && { form: request.form }),
  });
  // Decided over the files just read: nothing is read twice to learn their year.
  const year = decideRunYear(
    read,
    request.inferYear ? { fallback: request.fiscalYear } : { explicit: request.fiscalYear },
  );
  if (year.kind === 'undecided') {
    reporter.end();
    return { kind: 'failed', exitCode: EXIT.unusable, message: undecidedYearMessage(year) };
  }
  const used = decidedYear(year) ?? request.fiscalYear;
  const held = await masterYearProblem(master.port, request.out.display, used);
  if (held.problem) {
    reporter.end();
    return {
      kind: 'failed',
      exitCode: EXIT.unusable,
      message: `${held.problem}${formatFiscalYear(used)}の集約は別の --out（新しいファイル名）に書いてください。${held.heldYear !== undefined ? `${formatFiscalYear(held.heldYear)}の全体計画を集約し直すときは、${formatFiscalYear(held.heldYear)}のファイルを指定してください。` : ''}`,
    };
  }
  const result = await consolidateSources(request.plan, read, year, {
    target: master.port,
    ...(held.master && { previousMaster: held.master }),
    stage: request.stage,
    fiscalYear: request.fiscalYear,
    stamp: localStamp(io.now()),
    title: request.title,
    onProgress: reporter.progress,
    ...(request.form && { form: request.form }),
    ...(request.history && { history: request.history }),
  });
  reporter.end();
  const report = withUnreadable(
    consolidationReport(result.consolidation, result.viewFindings, result.year),
    unreadable,
  );
  const rejected = result.rejected + unreadable.length;
  const usable = request.inputs.length - rejected;

  try {
    if (usable > 0) await writeFileAtomic(request.out.path, await master.port.toBuffer());
  } catch (error) {
    return {
      kind: 'failed',
      exitCode: EXIT.unusable,
      message: `集約先に書き込めません: ${fileSystemMessage(error, request.out.display)}`,
    };
  }
  try {
    if (request.report) await writeFileAtomic(request.report.path, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    return {
      kind: 'failed',
      exitCode: EXIT.unusable,
      message: `集約レポートを書き込めません: ${fileSystemMessage(error, request.report?.display ?? '')}`,
    };
  }
  const exitCode = usable === 0 ? EXIT.unusable : rejected > 0 ? EXIT.findings : EXIT.ok;
  return { kind: 'done', exitCode, result, report, masterWritten: usable > 0, masterCreated: master.created };
}
