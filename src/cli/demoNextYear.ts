import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildMasterTemplateFile, type BuiltFile } from '../app/buildWorkbooks';
import { readPastMaster } from '../app/pastMaster';
import { rollover } from '../app/rollover';
import { SAME_IN_BOTH_HALVES_CODE } from '../domain/compare/sameInBothHalves';
import { UNCHANGED_FROM_LAST_YEAR_CODE } from '../domain/compare/unchangedFromLastYear';
import type { Finding } from '../domain/finding';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';
import { r3Sample } from '../domain/sample/r3';
import type { Sample } from '../domain/sample/r2';
import { EXIT, println, type CliIo, type ExitCode } from './cliIo';
import { fillDepartmentFiles } from './fillDepartmentFiles';
import { formatConsolidationSummary } from './formatConsolidationSummary';
import { formatCounts, formatPlace, SEVERITY_LABELS } from './formatFindings';
import { fileSystemMessage } from './readInputFile';
import { historyLine } from './readHistory';
import { runConsolidation } from './runConsolidation';
import { writeFileAtomic } from './writeFileAtomic';
import { cliFileFactory } from './cliFileFactory';

/** The second year's folders under the demo's: 令和3年度/配布, 令和3年度/提出. */
export const NEXT_YEAR_DIRS = { blank: '配布', filled: '提出' } as const;

/** The findings the second year is there to show: a text left as last year's, and 後期 = 前期. */
const SHOWN = new Set([UNCHANGED_FROM_LAST_YEAR_CODE, SAME_IN_BOTH_HALVES_CODE]);

export interface NextYearContext {
  readonly io: CliIo;
  /** The demo's folder (absolute) and as the user wrote it. */
  readonly dir: string;
  readonly out: string;
  readonly show: (path: string) => string;
  /** The first year's sample and its consolidated master. */
  readonly sample: Sample;
  readonly masterPath: string;
  /** Validates filled department files as the first year's step 3 does. */
  readonly validate: (
    files: readonly BuiltFile[],
    sample: Sample,
  ) => Promise<{ findings: readonly Finding[]; filledSheets: number }>;
}

export type NextYearOutcome =
  | {
      readonly kind: 'done';
      readonly exitCode: ExitCode;
      readonly entries: number;
      readonly files: number;
      /** The second year's master, as shown. */
      readonly master: string;
    }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The demo's second year (issue 17): the first year's master rolled over to next year (rollover, with the
 * next year's 体系 where one item is renamed and one added), the department files filled with the R3 sample
 * (constructed for the demo), validated, and consolidated with the first year's master as --history. Its
 * progress is not drawn (the first year's bars stay as they were); each step prints its line.
 */
export async function demoNextYear(ctx: NextYearContext): Promise<NextYearOutcome> {
  const { io, show } = ctx;
  const next = r3Sample();
  const year = formatFiscalYear(next.fiscalYear);
  const yearDir = join(ctx.dir, year);
  const masterPath = join(yearDir, 'master.xlsx');
  const reportPath = join(yearDir, 'report.json');
  const mappingPath = join(yearDir, 'mapping.json');
  println(
    io.stdout,
    `翌年度: ${year}（${next.shortName}の記入内容は R2 からデモ用に作ったもので、公表資料ではありません）`,
  );

  let lastMaster: Uint8Array;
  try {
    lastMaster = new Uint8Array(await readFile(ctx.masterPath));
  } catch (error) {
    return { kind: 'failed', message: fileSystemMessage(error, ctx.show(ctx.masterPath)) };
  }
  // Next year's 体系 as 総務課 would give it: a workbook with the 体系 sheet.
  const nextPlan = await buildMasterTemplateFile(cliFileFactory, {
    plan: next.plan,
    fiscalYear: next.fiscalYear,
    title: next.planTitle,
    form: next.form,
  });
  const rolled = await rollover({
    master: { bytes: lastMaster, file: show(ctx.masterPath) },
    fiscalYear: next.fiscalYear,
    plan: { bytes: nextPlan, file: `${year} 体系` },
    title: next.planTitle,
    factory: cliFileFactory,
  });
  if (!rolled.ok) return { kind: 'failed', message: `翌年度のブックを作れません: ${rolled.error}` };
  const filled = await fillDepartmentFiles(rolled.value.files, {
    plan: next.plan,
    fiscalYear: next.fiscalYear,
    entries: next.entries,
    title: next.planTitle,
    form: next.form,
    previous: rolled.value.previous,
  });
  if (!filled.ok) return { kind: 'failed', message: `翌年度の記入の確認に失敗しました: ${filled.error}` };
  try {
    for (const f of rolled.value.files)
      await writeFileAtomic(join(yearDir, NEXT_YEAR_DIRS.blank, f.fileName), f.bytes);
    await writeFileAtomic(masterPath, rolled.value.masterTemplate);
    await writeFileAtomic(mappingPath, rolled.value.mappingJson);
    for (const f of filled.value)
      await writeFileAtomic(join(yearDir, NEXT_YEAR_DIRS.filled, f.fileName), f.bytes);
  } catch (error) {
    return { kind: 'failed', message: fileSystemMessage(error, ctx.out) };
  }
  const carried = next.form.fields.filter((f) => f.carry === 'carry').map((f) => f.label);
  const reference = next.form.fields.filter((f) => f.carry !== undefined).map((f) => f.label);
  println(
    io.stdout,
    `5. 翌年度へ: ${show(ctx.masterPath)} から${year}の各課のブック ${rolled.value.files.length} ファイル（${carried.join('・')}は前年度の文から書き始め、前年度の欄に${reference.join('・')}）→ ${show(join(yearDir, NEXT_YEAR_DIRS.blank))}、対応表 → ${show(mappingPath)}`,
  );
  for (const line of rolled.value.summary) println(io.stdout, `   ${line}`);
  println(
    io.stdout,
    `6. 記入: 各課のシートに${next.shortName}の記入内容を入力（${next.entries.length} シート）→ ${show(join(yearDir, NEXT_YEAR_DIRS.filled))}`,
  );

  const checked = await ctx.validate(filled.value, next);
  // A field carried on purpose (引継ぎ ○) starts as last year's text: counted, not listed one by one.
  const carriedKeys = new Set(next.form.fields.filter((f) => f.carry === 'carry').map((f) => f.key));
  const onCarried = (f: Finding): boolean =>
    f.code === UNCHANGED_FROM_LAST_YEAR_CODE && carriedKeys.has(f.place.field ?? '');
  const shown = checked.findings.filter((f) => SHOWN.has(f.code) && !onCarried(f));
  const carriedSame = checked.findings.filter(onCarried).length;
  println(
    io.stdout,
    `7. 検証（年度末）: 記入済み ${checked.filledSheets} シート — ${formatCounts(checked.findings)}`,
  );
  for (const f of shown)
    println(
      io.stdout,
      `     ${SEVERITY_LABELS[f.severity]}（${year}）  ${formatPlace(f.place, { withFile: true })}  ${f.message}`,
    );
  if (carriedSame > 0)
    println(
      io.stdout,
      `   ほかに、引継ぎ（○）の欄（${carried.join('・')}）が前年度のままのもの ${carriedSame} 件（前年度の文から書き始める欄です）`,
    );

  const history = await readPastMaster(lastMaster, show(ctx.masterPath));
  if (!history.ok) return { kind: 'failed', message: history.error };
  const quiet: CliIo = { ...io, stderr: { write: () => undefined } };
  const run = await runConsolidation(
    {
      plan: next.plan,
      inputs: filled.value.map((f) => ({
        path: join(yearDir, NEXT_YEAR_DIRS.filled, f.fileName),
        display: join(ctx.out, year, NEXT_YEAR_DIRS.filled, f.fileName),
      })),
      out: { path: masterPath, display: show(masterPath) },
      report: { path: reportPath, display: show(reportPath) },
      stage: 'year-end',
      fiscalYear: next.fiscalYear,
      title: next.planTitle,
      form: next.form,
      history: [history.value],
    },
    quiet,
  );
  if (run.kind === 'failed') return { kind: 'failed', message: run.message };
  const [headline = '', ...details] = formatConsolidationSummary(run, {
    out: show(masterPath),
    report: show(reportPath),
    stage: 'year-end',
  });
  println(
    io.stdout,
    `8. 集約（${formatFiscalYear(history.value.fiscalYear)}の全体計画を推移に）: ${headline}`,
  );
  for (const line of details) println(io.stdout, `   ${line}`);
  println(io.stdout, `   ${historyLine([history.value], run.result.consolidation.fiscalYear)}`);
  const copies = run.result.consolidation.findings.filter((f) => f.code === UNCHANGED_FROM_LAST_YEAR_CODE);
  for (const f of copies)
    println(
      io.stdout,
      `   ${SEVERITY_LABELS[f.severity]}（${year}）  ${formatPlace(f.place, { withFile: true })}  ${f.message}`,
    );
  return {
    kind: 'done',
    exitCode: run.exitCode === EXIT.ok ? EXIT.ok : EXIT.findings,
    entries: run.report.summary.entries,
    files: run.report.summary.files,
    master: show(masterPath),
  };
}
