import { countBySeverity, hasErrors } from '../../domain/finding';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { planCounts } from '../../domain/plan/planItems';
import { EXIT, printJson, println, type CliIo, type ExitCode } from '../cliIo';
import { formatCounts } from '../formatFindings';
import { formatPlanCounts, formatPlanTree } from '../formatPlanTree';
import { loadPlan } from '../loadPlan';
import { parseCommandArgs } from '../parseCommandArgs';
import { printPlanFindings, unusableInput, usageError } from '../reportError';
import { showUsage } from '../usage';

/** `suishin plan FILE`: the 体系 as a tree with counts (or JSON); exit 1 when the 体系 has errors. */
export async function planCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (!parsed.ok) return usageError(io, 'plan', parsed.error);
  const { values, positionals } = parsed.value;
  if (values.help) return showUsage(io, 'plan');
  if (positionals.length !== 1)
    return usageError(
      io,
      'plan',
      positionals.length === 0
        ? '体系のファイル（または sample:r2）を指定してください。'
        : '体系のファイルは1つだけ指定してください。',
    );

  const loaded = await loadPlan(positionals[0] ?? '', io.cwd);
  if (!loaded.ok) return unusableInput(io, loaded.error);
  const { plan, findings, source, sheet, fiscalYear } = loaded.value;
  const code = hasErrors(findings) ? EXIT.findings : EXIT.ok;

  if (values.json) {
    printJson(io, {
      source,
      ...(sheet !== undefined && { sheet }),
      ...(fiscalYear !== undefined && { fiscalYear: formatFiscalYear(fiscalYear) }),
      counts: planCounts(plan),
      plan,
      findings,
    });
    return code;
  }
  println(
    io.stdout,
    `体系: ${source}${sheet ? `（「${sheet}」シート）` : ''}${fiscalYear !== undefined ? `  ${formatFiscalYear(fiscalYear)}` : ''}`,
  );
  println(io.stdout, formatPlanCounts(plan));
  println(io.stdout);
  for (const line of formatPlanTree(plan)) println(io.stdout, line);
  println(io.stdout);
  println(io.stdout, `実践課（${plan.departments.length}）: ${plan.departments.join('、')}`);
  const { form, formSheet, formFindings } = loaded.value;
  println(
    io.stdout,
    form && formSheet !== undefined
      ? `様式: 「${formSheet}」シート（項目 ${form.fields.length}、${formatCounts(formFindings)}）— suishin form で確認できます`
      : '様式: 組み込みの R2 の様式（様式シートなし）',
  );
  if (findings.length > 0) {
    const c = countBySeverity(findings);
    println(io.stdout);
    println(io.stdout, `体系の指摘: エラー ${c.error} 件、警告 ${c.warning} 件、情報 ${c.info} 件`);
    printPlanFindings(io.stdout, findings);
  }
  return code;
}
