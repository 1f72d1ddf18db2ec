import { isAbsolute, join, relative, resolve } from 'node:path';
import { buildDepartmentFiles, buildMasterTemplateFile, type BuiltFile } from '../../app/buildWorkbooks';
import { readDepartmentFile } from '../../app/readDepartmentFile';
import { validateSnapshot } from '../../app/validateWorkbook';
import type { FormDefinition } from '../../domain/entry/formDefinition';
import type { Entry } from '../../domain/entry/types';
import { countBySeverity, type Finding } from '../../domain/finding';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { planItems } from '../../domain/plan/planItems';
import type { Plan } from '../../domain/plan/types';
import { DEFAULT_SAMPLE_ID, sampleById, sampleIds } from '../../domain/sample/samples';
import { EXIT, println, type CliIo, type ExitCode } from '../cliIo';
import { fillDepartmentFiles } from '../fillDepartmentFiles';
import { formatConsolidationSummary } from '../formatConsolidationSummary';
import { formatCounts, formatPlace, SEVERITY_LABELS } from '../formatFindings';
import { formatPlanCounts } from '../formatPlanTree';
import { parseCommandArgs } from '../parseCommandArgs';
import { progressPhases, progressReporter } from '../progressReporter';
import { fileSystemMessage } from '../readInputFile';
import { unusableInput, usageError } from '../reportError';
import { runConsolidation } from '../runConsolidation';
import { showUsage } from '../usage';
import { writeFileAtomic } from '../writeFileAtomic';
import { demoNextYear } from '../demoNextYear';
import { cliFileFactory } from '../cliFileFactory';

export const DEMO_DIRS = { blank: '配布', filled: '提出' } as const;

/** A sheet left blank by a department that only contributes to a 全課 item: consolidation skips it. */
function isBlankContribution(plan: Plan, entry: Entry): boolean {
  const item = planItems(plan).find((p) => p.code === entry.code)?.item;
  return (
    item?.assignment.kind === 'all' &&
    item.assignment.coordinator !== entry.department &&
    Object.values(entry.fields).every((v) => v.trim() === '')
  );
}

interface DemoValidation {
  /** Findings on filled sheets. */
  readonly findings: readonly Finding[];
  readonly filledSheets: number;
  /** 全課 sheets another department left blank (their one info finding is not listed). */
  readonly blankSheets: number;
}

async function validateFilled(
  files: readonly BuiltFile[],
  plan: Plan,
  fiscalYear: number,
  form: FormDefinition,
): Promise<DemoValidation> {
  const findings: Finding[] = [];
  let filledSheets = 0;
  let blankSheets = 0;
  for (const file of files) {
    const read = await readDepartmentFile(file.bytes, file.fileName);
    if (!read.ok) throw new Error(`The workbook just built does not open: ${read.error.message}`);
    const result = validateSnapshot(read.value, {
      file: file.fileName,
      plan,
      fiscalYear,
      stage: 'year-end',
      form,
    });
    const blank = new Set(
      result.extraction.entries.filter((e) => isBlankContribution(plan, e.entry)).map((e) => e.source.sheet),
    );
    blankSheets += blank.size;
    filledSheets += result.extraction.entries.length - blank.size;
    for (const f of result.findings) {
      if (f.place.sheet === undefined || !blank.has(f.place.sheet)) findings.push(f);
    }
  }
  return { findings, filledSheets, blankSheets };
}

/**
 * `suishin demo [--sample r2|kpi]`: build, fill, validate and consolidate a built-in sample (R2 by default;
 * kpi: the fictional こもれび町 on its own 様式), with a short summary. R2 then goes on into its second year
 * (demoNextYear: rollover, the R3 sample constructed for the demo, consolidation with R2 as history).
 */
export async function demoCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: {
      out: { type: 'string' },
      sample: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (!parsed.ok) return usageError(io, 'demo', parsed.error);
  if (parsed.value.values.help) return showUsage(io, 'demo');
  const sampleId = parsed.value.values.sample ?? DEFAULT_SAMPLE_ID;
  const sample = sampleById(sampleId.trim().toLowerCase());
  if (!sample)
    return usageError(
      io,
      'demo',
      `--sample「${sampleId}」というサンプルはありません。${sampleIds().join(' / ')} のどれかを指定してください。`,
    );
  const out = parsed.value.values.out ?? 'out/demo';
  const dir = resolve(io.cwd, out);
  /** Paths under the working folder relative to it, others absolute. */
  const show = (path: string): string => {
    const rel = relative(io.cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  };
  const started = io.now().getTime();
  const { plan, fiscalYear, form } = sample;
  const title = sample.planTitle;
  const masterPath = join(dir, 'master.xlsx');
  const reportPath = join(dir, 'report.json');
  const reporter = progressReporter(io.stderr);

  println(
    io.stdout,
    `デモ: ${sample.town} ${sample.title}（${formatFiscalYear(fiscalYear)}）— ${formatPlanCounts(plan)}`,
  );
  // Building the blank files and building them again filled: one bar, 配布 then 記入.
  const phase = progressPhases(reporter.progress, 2);
  const blank = await buildDepartmentFiles(
    cliFileFactory,
    { plan, fiscalYear, title, form },
    phase(0, '配布'),
  );
  const filled = await fillDepartmentFiles(
    blank,
    { plan, fiscalYear, entries: sample.entries, title, form },
    phase(1, '記入'),
  );
  reporter.end();
  if (!filled.ok) return unusableInput(io, `記入の確認に失敗しました: ${filled.error}`);
  try {
    for (const f of blank) await writeFileAtomic(join(dir, DEMO_DIRS.blank, f.fileName), f.bytes);
    await writeFileAtomic(
      masterPath,
      await buildMasterTemplateFile(cliFileFactory, { plan, fiscalYear, title, form }),
    );
    for (const f of filled.value) await writeFileAtomic(join(dir, DEMO_DIRS.filled, f.fileName), f.bytes);
  } catch (error) {
    return unusableInput(io, fileSystemMessage(error, out));
  }
  const entrySheets = blank.reduce((n, f) => n + f.sheets - 1, 0);
  println(
    io.stdout,
    `1. 配布: 各課のブック ${blank.length} ファイル（取組項目シート ${entrySheets} 枚＋目次）→ ${show(join(dir, DEMO_DIRS.blank))}、全体計画のひな形 → ${show(masterPath)}`,
  );
  println(
    io.stdout,
    `2. 記入: 各課のシートに${sample.shortName}の記入内容を入力（${sample.entries.length} シート、記入欄の位置を配布版と照合済み）→ ${show(join(dir, DEMO_DIRS.filled))}`,
  );

  const checked = await validateFilled(filled.value, plan, fiscalYear, form);
  println(
    io.stdout,
    `3. 検証（年度末）: 記入済み ${checked.filledSheets} シート — ${formatCounts(checked.findings)}`,
  );
  for (const f of checked.findings)
    println(
      io.stdout,
      `     ${SEVERITY_LABELS[f.severity]}  ${formatPlace(f.place, { withFile: true })}  ${f.message}`,
    );
  if (checked.blankSheets > 0)
    println(
      io.stdout,
      `   ほかに、全課の取組で他課が空欄のままのシート ${checked.blankSheets} 枚（空欄で問題ありません。集約の対象外です）`,
    );

  const run = await runConsolidation(
    {
      plan,
      inputs: filled.value.map((f) => ({
        path: join(dir, DEMO_DIRS.filled, f.fileName),
        display: join(out, DEMO_DIRS.filled, f.fileName),
      })),
      out: { path: masterPath, display: show(masterPath) },
      report: { path: reportPath, display: show(reportPath) },
      stage: 'year-end',
      fiscalYear,
      title,
      form,
    },
    io,
  );
  if (run.kind === 'failed') return unusableInput(io, run.message);
  const [headline = '', ...details] = formatConsolidationSummary(run, {
    out: show(masterPath),
    report: show(reportPath),
    stage: 'year-end',
  });
  println(io.stdout, `4. 集約: ${headline}`);
  for (const line of details) println(io.stdout, `   ${line}`);
  const seconds = ((io.now().getTime() - started) / 1000).toFixed(1);
  const counts = countBySeverity(checked.findings);
  // Errors first when there are any (the KPI sample's sheets keep a few, for the checks to show).
  const checks =
    counts.error > 0
      ? `検証のエラー ${counts.error} 件・警告 ${counts.warning} 件`
      : `検証の警告 ${counts.warning} 件`;
  println(
    io.stdout,
    `完了（${seconds} 秒）: ${run.report.summary.files} ファイル、取組項目 ${run.report.summary.entries} 件、未提出 ${run.report.summary.missing} 件、${checks}。${show(masterPath)} を Excel で開いてください。`,
  );
  const firstYear = run.exitCode === EXIT.ok ? EXIT.ok : EXIT.findings;
  if (sample.id !== 'r2') return firstYear;
  // The yearly cycle (issue 17): the R2 master rolled over to 令和3年度, filled, consolidated with history.
  const second = await demoNextYear({
    io,
    dir,
    out,
    show,
    sample,
    masterPath,
    validate: (files, s) => validateFilled(files, s.plan, s.fiscalYear, s.form),
  });
  if (second.kind === 'failed') return unusableInput(io, second.message);
  const total = ((io.now().getTime() - started) / 1000).toFixed(1);
  println(
    io.stdout,
    `2年目も完了（計 ${total} 秒）: ${second.files} ファイル、取組項目 ${second.entries} 件。${second.master} の「推移」シートで2年分を見比べられます。`,
  );
  return firstYear === EXIT.ok && second.exitCode === EXIT.ok ? EXIT.ok : EXIT.findings;
}
