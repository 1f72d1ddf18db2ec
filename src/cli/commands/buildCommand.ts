import { join, resolve } from 'node:path';
import {
  buildDepartmentFiles,
  buildMasterTemplateFile,
  departmentFileName,
  selectDepartments,
} from '../../app/buildWorkbooks';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
import { EXIT, println, type CliIo, type ExitCode } from '../cliIo';
import { erroneousPart, loadedHasErrors, loadPlan, printLoadedFindings } from '../loadPlan';
import { parseCommandArgs } from '../parseCommandArgs';
import { progressReporter } from '../progressReporter';
import { fileSystemMessage } from '../readInputFile';
import { unusableInput, usageError } from '../reportError';
import { resolveFiscalYear } from '../resolveFiscalYear';
import { showUsage } from '../usage';
import { makeOutputFolder, overwriteProblem, writeFileAtomic } from '../writeFileAtomic';
import { cliFileFactory } from '../cliFileFactory';

/** The master template's file name: 体系 + an empty 全体計画, the file `consolidate --out` updates. */
export const MASTER_TEMPLATE_FILE = '全体計画.xlsx';

/** `suishin build`: one <課>.xlsx per department, and with --master the master template. */
export async function buildCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: {
      plan: { type: 'string' },
      out: { type: 'string' },
      year: { type: 'string' },
      department: { type: 'string', multiple: true },
      master: { type: 'boolean' },
      title: { type: 'string' },
      overwrite: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (!parsed.ok) return usageError(io, 'build', parsed.error);
  const { values } = parsed.value;
  if (values.help) return showUsage(io, 'build');
  if (!values.plan) return usageError(io, 'build', '--plan で体系を指定してください。');
  if (!values.out) return usageError(io, 'build', '--out で出力先のフォルダーを指定してください。');

  const loaded = await loadPlan(values.plan, io.cwd);
  if (!loaded.ok) return unusableInput(io, loaded.error);
  const { plan, form } = loaded.value;
  if (loadedHasErrors(loaded.value)) {
    const part = erroneousPart(loaded.value);
    println(
      io.stderr,
      `${part}「${loaded.value.source}」にエラーがあるため、シートを作れません。${
        // A 様式 finding says 「この行は使いません」 (how the 様式 is read): the sheets are not built without it.
        part === '様式' ? '誤りのある行を除いたままでは、その欄のないシートになります。' : ''
      }下の誤りを直してから実行してください。`,
    );
    printLoadedFindings(io.stderr, loaded.value);
    return EXIT.unusable;
  }
  printLoadedFindings(io.stderr, loaded.value);
  const year = resolveFiscalYear(values.year, loaded.value.fiscalYear, io.now());
  if (!year.ok) return usageError(io, 'build', year.error);
  const selected = selectDepartments(plan, values.department);
  if (!selected.ok) return usageError(io, 'build', selected.message);

  const title = values.title ?? loaded.value.title ?? DEFAULT_PLAN_TITLE;
  const outDir = resolve(io.cwd, values.out);
  const unwritable = await makeOutputFolder(outDir, values.out);
  if (unwritable) return unusableInput(io, unwritable);
  // Checked before the build: nothing says 「作成しました」 and then refuses to write.
  const written = [
    ...selected.departments.map(departmentFileName),
    ...(values.master ? [MASTER_TEMPLATE_FILE] : []),
  ];
  const taken = values.overwrite ? undefined : await overwriteProblem(outDir, values.out, written);
  if (taken) return unusableInput(io, taken);
  const reporter = progressReporter(io.stderr);
  const files = await buildDepartmentFiles(
    cliFileFactory,
    { plan, fiscalYear: year.value, departments: selected.departments, title, ...(form && { form }) },
    reporter.progress,
  );
  reporter.end();
  try {
    for (const f of files) await writeFileAtomic(join(outDir, f.fileName), f.bytes);
    if (values.master)
      await writeFileAtomic(
        join(outDir, MASTER_TEMPLATE_FILE),
        await buildMasterTemplateFile(cliFileFactory, {
          plan,
          fiscalYear: year.value,
          title,
          ...(form && { form }),
        }),
      );
  } catch (error) {
    return unusableInput(io, fileSystemMessage(error, values.out));
  }

  println(
    io.stdout,
    `${formatFiscalYear(year.value)}の取組項目シートを作りました（体系: ${loaded.value.source}）`,
  );
  for (const f of files)
    println(
      io.stdout,
      `  ${join(values.out, f.fileName)}  ${f.department}（取組項目 ${f.sheets - 1} シート＋目次）`,
    );
  if (values.master)
    println(io.stdout, `  ${join(values.out, MASTER_TEMPLATE_FILE)}  全体計画のひな形（体系＋全体計画）`);
  return EXIT.ok;
}
