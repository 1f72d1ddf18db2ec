import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
import { println, type CliIo, type ExitCode, type OutStream } from '../cliIo';
import { expandInputs } from '../expandInputs';
import { formatConsolidationSummary } from '../formatConsolidationSummary';
import { erroneousPart, loadedHasErrors, loadPlan, printLoadedFindings } from '../loadPlan';
import { parseCommandArgs } from '../parseCommandArgs';
import { parseStage } from '../parseStage';
import { unusableInput, usageError } from '../reportError';
import { historyLine, readHistory, spreadHistoryArgs } from '../readHistory';
import { resolveFiscalYear } from '../resolveFiscalYear';
import { runConsolidation } from '../runConsolidation';
import { showUsage } from '../usage';
import { untilInterrupted, watchFolder } from '../watchFolder';

/** `suishin consolidate --plan P FILE… --out master.xlsx`. */
export async function consolidateCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    // `--history a.xlsx b.xlsx`: each master after --history is a past year, never a department's file.
    args: spreadHistoryArgs(args, io.cwd),
    options: {
      plan: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      stage: { type: 'string' },
      year: { type: 'string' },
      title: { type: 'string' },
      watch: { type: 'boolean' },
      history: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (!parsed.ok) return usageError(io, 'consolidate', parsed.error);
  const { values, positionals } = parsed.value;
  if (values.help) return showUsage(io, 'consolidate');
  if (!values.out)
    return usageError(io, 'consolidate', '--out で集約先のブック（例: master.xlsx）を指定してください。');
  // The master is an Excel workbook whatever its name: out.csv would be an .xlsx nothing opens as CSV.
  if (!/\.xls[xm]$/iu.test(values.out))
    return usageError(
      io,
      'consolidate',
      `--out には .xlsx（または .xlsm）のブックを指定してください（「${values.out}」）。CSV は suishin publish が書き出します。`,
    );
  if (positionals.length === 0)
    return usageError(io, 'consolidate', '集約する各課のファイル（またはフォルダー）を指定してください。');
  const stage = parseStage(values.stage);
  if (!stage.ok) return usageError(io, 'consolidate', stage.error);

  const outPath = resolve(io.cwd, values.out);
  const planSpec =
    values.plan ??
    ((await stat(outPath).then(
      () => true,
      () => false,
    ))
      ? values.out
      : undefined);
  if (planSpec === undefined)
    return usageError(
      io,
      'consolidate',
      '--plan で体系を指定してください（--out のブックがまだないため、体系を読めません）。',
    );
  const loaded = await loadPlan(planSpec, io.cwd);
  if (!loaded.ok) return unusableInput(io, loaded.error);
  printLoadedFindings(io.stderr, loaded.value);
  if (loadedHasErrors(loaded.value))
    return unusableInput(
      io,
      `${erroneousPart(loaded.value)}「${loaded.value.source}」にエラーがあるため集約できません。上の指摘を直してから実行してください。`,
    );
  const year = resolveFiscalYear(values.year, loaded.value.fiscalYear, io.now());
  if (!year.ok) return usageError(io, 'consolidate', year.error);
  // Past years' masters, each read by its own 体系 and 様式, for the 推移 sheet.
  const history = await readHistory(values.history ?? [], io.cwd);
  if (!history.ok) return unusableInput(io, history.error);

  // Notes on skipped lock files once, from this first listing (--watch lists again every second).
  const list = (notes?: OutStream) => expandInputs(positionals, io.cwd, [outPath], notes);
  if ((await list(io.stderr)).length === 0)
    return unusableInput(io, '集約するファイルがありません（指定したフォルダーに .xlsx がありません）。');
  const outDisplay = values.out;
  const once = async (): Promise<ExitCode> => {
    const inputs = await list();
    const run = await runConsolidation(
      {
        plan: loaded.value.plan,
        inputs,
        out: { path: outPath, display: outDisplay },
        ...(values.report !== undefined && {
          report: { path: resolve(io.cwd, values.report), display: values.report },
        }),
        stage: stage.value,
        fiscalYear: year.value,
        // Without --year the files decide; the plan's (or today's) year is only the default.
        inferYear: values.year === undefined,
        title: values.title ?? loaded.value.title ?? DEFAULT_PLAN_TITLE,
        ...(loaded.value.form && { form: loaded.value.form }),
        ...(history.value.length > 0 && { history: history.value }),
      },
      io,
    );
    if (run.kind === 'failed') return unusableInput(io, run.message);
    for (const line of formatConsolidationSummary(run, {
      out: outDisplay,
      stage: stage.value,
      ...(values.report !== undefined && { report: values.report }),
      defaultYearFrom: loaded.value.fiscalYear !== undefined ? '体系の年度' : '今日の日付の年度',
    }))
      println(io.stdout, line);
    if (history.value.length > 0 && run.masterWritten)
      println(io.stdout, historyLine(history.value, run.result.consolidation.fiscalYear));
    return run.exitCode;
  };
  if (!values.watch) return once();
  // --watch: consolidate again whenever an input changes, until Ctrl+C.
  const interrupt = untilInterrupted();
  try {
    return (
      await watchFolder({
        list: () => list(),
        consolidate: once,
        out: io.stdout,
        signal: interrupt.signal,
        now: io.now,
      })
    ).lastCode;
  } finally {
    interrupt.dispose();
  }
}
