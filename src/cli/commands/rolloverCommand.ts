import { carrySummary } from '../../domain/rollover/carrySummary';
import { join, resolve } from 'node:path';
import { rollover } from '../../app/rollover';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { EXIT, println, type CliIo, type ExitCode } from '../cliIo';
import { parseCommandArgs } from '../parseCommandArgs';
import { progressReporter } from '../progressReporter';
import { fileSystemMessage, readInputFile } from '../readInputFile';
import { unusableInput, usageError } from '../reportError';
import { resolveFiscalYear } from '../resolveFiscalYear';
import { showUsage } from '../usage';
import { makeOutputFolder, overwriteProblem, writeFileAtomic } from '../writeFileAtomic';
import { MASTER_TEMPLATE_FILE } from './buildCommand';
import { cliFileFactory } from '../cliFileFactory';

/** The 対応表 rollover writes beside the workbooks (and reads back with --mapping). */
export const MAPPING_FILE = 'mapping.json';

/**
 * `suishin rollover <master.xlsx> --year 令和3年度 --out <フォルダー>`: next year's department workbooks from
 * this year's master, the 対応表 (mapping.json) and next year's master template.
 */
export async function rolloverCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: {
      year: { type: 'string' },
      out: { type: 'string' },
      plan: { type: 'string' },
      mapping: { type: 'string' },
      department: { type: 'string', multiple: true },
      'print-reference': { type: 'boolean' },
      title: { type: 'string' },
      overwrite: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (!parsed.ok) return usageError(io, 'rollover', parsed.error);
  const { values, positionals } = parsed.value;
  if (values.help) return showUsage(io, 'rollover');
  if (positionals.length !== 1)
    return usageError(
      io,
      'rollover',
      positionals.length === 0
        ? '今年度の集約した全体計画のブック（master.xlsx）を指定してください。'
        : 'ブックは1つだけ指定してください。',
    );
  if (!values.year) return usageError(io, 'rollover', '--year で翌年度を指定してください（例: 令和3年度）。');
  if (!values.out) return usageError(io, 'rollover', '--out で出力先のフォルダーを指定してください。');
  const year = resolveFiscalYear(values.year, undefined, io.now());
  if (!year.ok) return usageError(io, 'rollover', year.error);

  const source = positionals[0] ?? '';
  const master = await readInputFile(resolve(io.cwd, source), source);
  if (!master.ok) return unusableInput(io, master.error);
  const plan =
    values.plan !== undefined ? await readInputFile(resolve(io.cwd, values.plan), values.plan) : undefined;
  if (plan && !plan.ok) return unusableInput(io, plan.error);
  const mapping =
    values.mapping !== undefined
      ? await readInputFile(resolve(io.cwd, values.mapping), values.mapping)
      : undefined;
  if (mapping && !mapping.ok) return unusableInput(io, mapping.error);

  const outDir = resolve(io.cwd, values.out);
  const unwritable = await makeOutputFolder(outDir, values.out);
  if (unwritable) return unusableInput(io, unwritable);
  // The files every rollover writes, checked before the work (the departments' after it, once they are known):
  // a second run into the same folder is refused before 「作成しました」.
  const fixed = values.overwrite
    ? undefined
    : await overwriteProblem(outDir, values.out, [MASTER_TEMPLATE_FILE, MAPPING_FILE]);
  if (fixed) return unusableInput(io, fixed);
  const reporter = progressReporter(io.stderr);
  const result = await rollover({
    master: { bytes: master.value.bytes, file: source },
    fiscalYear: year.value,
    ...(plan?.ok && { plan: { bytes: plan.value.bytes, file: values.plan ?? '' } }),
    ...(mapping?.ok && {
      mapping: { text: new TextDecoder().decode(mapping.value.bytes), file: values.mapping ?? '' },
    }),
    ...(values.department && { departments: values.department }),
    ...(values['print-reference'] && { printReference: true }),
    ...(values.title !== undefined && { title: values.title }),
    factory: cliFileFactory,
    onProgress: reporter.progress,
  });
  reporter.end();
  if (!result.ok) return unusableInput(io, result.error);
  const r = result.value;
  // The departments' workbooks, now that they are known (全体計画.xlsx and mapping.json were checked above).
  const taken = values.overwrite
    ? undefined
    : await overwriteProblem(
        outDir,
        values.out,
        r.files.map((f) => f.fileName),
      );
  if (taken) return unusableInput(io, taken);
  try {
    for (const f of r.files) await writeFileAtomic(join(outDir, f.fileName), f.bytes);
    await writeFileAtomic(join(outDir, MASTER_TEMPLATE_FILE), r.masterTemplate);
    await writeFileAtomic(join(outDir, MAPPING_FILE), r.mappingJson);
  } catch (error) {
    return unusableInput(io, fileSystemMessage(error, values.out));
  }

  println(
    io.stdout,
    `${formatFiscalYear(r.nextYear)}の取組項目シートを${formatFiscalYear(r.lastYear)}の全体計画から作りました（${source}${values.plan ? `、体系: ${values.plan}` : ''}）`,
  );
  println(
    io.stdout,
    `  ${carrySummary(r.form, r.starting.length, r.nextYear, { printReference: !!values['print-reference'] })}`,
  );
  for (const f of r.files)
    println(
      io.stdout,
      `  ${join(values.out, f.fileName)}  ${f.department}（取組項目 ${f.sheets - 1} シート＋目次）`,
    );
  println(
    io.stdout,
    `  ${join(values.out, MASTER_TEMPLATE_FILE)}  ${formatFiscalYear(r.nextYear)}の全体計画のひな形`,
  );
  println(io.stdout, `  ${join(values.out, MAPPING_FILE)}  対応表（編集して --mapping で渡せます）`);
  for (const line of r.summary) println(io.stdout, line);
  return EXIT.ok;
}
