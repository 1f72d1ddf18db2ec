import { validateSnapshot, type ValidationResult } from '../../app/validateWorkbook';
import { STAGE_LABELS, type FormDefinition } from '../../domain/entry/formDefinition';
import type { Entry } from '../../domain/entry/types';
import { cliStage, stageMismatch } from '../../domain/validation/stageMismatch';
import { countBySeverity, hasErrors, type Finding } from '../../domain/finding';
import { decideFiscalYear, yearCarrier, type YearCarrier } from '../../domain/fiscal/decideFiscalYear';
import { EXIT, printJson, println, worst, type CliIo, type ExitCode } from '../cliIo';
import { expandInputs } from '../expandInputs';
import { formatCounts, formatFindingsBySheet } from '../formatFindings';
import { formatYearDecision } from '../formatYearDecision';
import { loadOptionalPlan } from '../loadOptionalPlan';
import { readWorkbookFile } from '../readWorkbookFile';
import { parseCommandArgs } from '../parseCommandArgs';
import { parseStage } from '../parseStage';
import { unusableInput, usageError } from '../reportError';
import { resolveFiscalYear } from '../resolveFiscalYear';
import { showUsage } from '../usage';

type FileReport =
  | {
      readonly file: string;
      readonly status: 'read';
      readonly planSource: ValidationResult['planSource'];
      readonly summary: ValidationResult['summary'];
    }
  | { readonly file: string; readonly status: 'rejected'; readonly code: string; readonly reason: string };

const PLAN_NOTES: Readonly<Record<ValidationResult['planSource'], string>> = {
  given: '',
  workbook: '（体系: ブック内の体系シート）',
  none: '（体系なし: 実践課の割当は確認していません。--plan で指定できます）',
};

function printFile(io: CliIo, report: FileReport, findings: readonly Finding[]): void {
  if (report.status === 'rejected') {
    println(io.stdout, `■ ${report.file}  開けませんでした`);
    println(io.stdout, `    エラー  ${report.reason}`);
    println(io.stdout, `  → 検証できませんでした（エラー 1 件）`);
    return;
  }
  const s = report.summary;
  println(
    io.stdout,
    `■ ${report.file}  ${s.stageLabel}の検証: 取組項目 ${s.entries} シート、エラーのないシート ${s.complete}${PLAN_NOTES[report.planSource]}`,
  );
  for (const line of formatFindingsBySheet(findings)) println(io.stdout, line);
  println(
    io.stdout,
    `  → ${formatCounts(findings)}${hasErrors(findings) ? '' : findings.length === 0 ? '（問題はありません）' : '（エラーはありません）'}`,
  );
}

/** `suishin validate FILE…`: every rule of the stage; exit 1 when any error, 2 when a file cannot be loaded. */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: {
      plan: { type: 'string' },
      stage: { type: 'string' },
      json: { type: 'boolean' },
      year: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (!parsed.ok) return usageError(io, 'validate', parsed.error);
  const { values, positionals } = parsed.value;
  if (values.help) return showUsage(io, 'validate');
  if (positionals.length === 0) return usageError(io, 'validate', '検証するファイルを指定してください。');
  const stage = parseStage(values.stage);
  if (!stage.ok) return usageError(io, 'validate', stage.error);
  const year = values.year === undefined ? undefined : resolveFiscalYear(values.year, undefined, io.now());
  if (year && !year.ok) return usageError(io, 'validate', year.error);
  const plan = await loadOptionalPlan(values.plan, io);
  if (!plan.ok) return unusableInput(io, plan.error);

  let code: ExitCode = EXIT.ok;
  const files: FileReport[] = [];
  const findings: Finding[] = [];
  const carriers: YearCarrier[] = [];
  const checked: Entry[] = [];
  let form: FormDefinition | undefined;
  for (const input of await expandInputs(positionals, io.cwd, [], io.stderr)) {
    const loaded = await readWorkbookFile(input);
    if (!loaded.ok) {
      const report: FileReport = {
        file: input.display,
        status: 'rejected',
        code: loaded.error.code,
        reason: loaded.error.message,
      };
      files.push(report);
      findings.push(loaded.error);
      code = worst(code, EXIT.unusable);
      if (!values.json) printFile(io, report, [loaded.error]);
      continue;
    }
    const result = validateSnapshot(loaded.value.snapshot, {
      file: input.display,
      stage: stage.value,
      ...(plan.value && { plan: plan.value.plan }),
      ...(plan.value?.form && { form: plan.value.form }),
      ...(year?.ok && { fiscalYear: year.value }),
    });
    const report: FileReport = {
      file: input.display,
      status: 'read',
      planSource: result.planSource,
      summary: result.summary,
    };
    files.push(report);
    findings.push(...result.findings);
    carriers.push(yearCarrier(input.display, result.extraction.entries));
    checked.push(...result.extraction.entries.map((e) => e.entry));
    form ??= result.form;
    if (hasErrors(result.findings)) code = worst(code, EXIT.findings);
    if (!values.json) printFile(io, report, result.findings);
  }

  // The year checked and why: the one named, else the one the files carry; files that disagree are named.
  const yearDecision = decideFiscalYear({ ...(year?.ok && { explicit: year.value }), carriers });
  const counts = countBySeverity(findings);
  const rejected = files.filter((f) => f.status === 'rejected').length;
  const summary = {
    files: files.length,
    rejected,
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
  };
  // The stage chosen against what the sheets hold (a 年度末 check of October's sheets): said, never an error.
  const mismatch = form && stageMismatch(checked, form, stage.value, { what: '検証', how: cliStage });
  if (values.json)
    printJson(io, {
      stage: stage.value,
      stageLabel: STAGE_LABELS[stage.value],
      ...(mismatch && { stageMismatch: mismatch }),
      year: yearDecision,
      files,
      summary,
      findings,
    });
  else
    for (const line of formatYearDecision(yearDecision, '検証'))
      println(io.stdout, line.trimStart() === line ? line : line.slice(2));
  if (!values.json && mismatch) println(io.stdout, `時期: ${mismatch}`);
  if (!values.json && files.length > 1)
    println(
      io.stdout,
      `合計: ${files.length} ファイル（開けなかったファイル ${rejected}）、${formatCounts(findings)}`,
    );
  return code;
}
