import { resolve } from 'node:path';
import { openFormFile } from '../../app/openPlan';
import {
  kindLabel,
  REQUIREMENT_LABELS,
  STANDARD_FORM,
  type FieldDef,
  type FormDefinition,
} from '../../domain/entry/formDefinition';
import { countBySeverity, hasErrors, type Finding } from '../../domain/finding';
import { FORM_SHEET_NAME, MARK } from '../../domain/form/formColumns';
import { EXIT, printJson, println, type CliIo, type ExitCode } from '../cliIo';
import { formatTable } from '../formatTable';
import { SAMPLE_R2 } from '../loadPlan';
import { parseCommandArgs } from '../parseCommandArgs';
import { readInputFile } from '../readInputFile';
import { printPlanFindings, unusableInput, usageError } from '../reportError';
import { showUsage } from '../usage';

/** What a field asks beyond its kind: 選択肢 (and 判定), 計算式, 文字数の目安, or the choice a 判定理由 explains. */
function detail(f: FieldDef): string {
  const parts: string[] = [];
  if (f.choices) parts.push(`選択肢: ${f.choices.join('、')}`);
  if (f.formula) parts.push(`計算式: ${f.formula.text}`);
  if (f.judge) parts.push(`判定: ${f.judge.text}`);
  if (f.reasonFor !== undefined) parts.push(`（${f.reasonFor} の判定と違う選択の理由。判定から加わる項目）`);
  if (f.maxLength !== undefined) parts.push(`目安 ${f.maxLength} 字`);
  return parts.join('  ');
}

function formTable(form: FormDefinition): string[] {
  return formatTable([
    ['見出し', '項目', 'キー', '種類', '必須の時期', '年度欄', '集計', '選択肢・計算式・判定'],
    ...form.fields.map((f) => [
      f.heading ?? '',
      f.label,
      f.key,
      kindLabel(f),
      REQUIREMENT_LABELS[f.requiredFrom],
      f.inYearBand ? MARK : '',
      f.tally ? MARK : '',
      detail(f),
    ]),
  ]);
}

/** `suishin form FILE`: the 取組項目 form as read from the workbook's 様式 sheet (or the built-in R2 form). */
export async function formCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (!parsed.ok) return usageError(io, 'form', parsed.error);
  const { values, positionals } = parsed.value;
  if (values.help) return showUsage(io, 'form');
  if (positionals.length !== 1)
    return usageError(
      io,
      'form',
      positionals.length === 0
        ? '様式を読むブック（体系のブック、または sample:r2）を指定してください。'
        : 'ブックは1つだけ指定してください。',
    );
  const source = positionals[0] ?? '';
  let read: { form?: FormDefinition; formSheet?: string; formFindings: readonly Finding[] } = {
    formFindings: [],
  };
  if (source.toLowerCase() !== SAMPLE_R2) {
    const bytes = await readInputFile(resolve(io.cwd, source), source);
    if (!bytes.ok) return unusableInput(io, bytes.error);
    const opened = await openFormFile(bytes.value.bytes, source);
    if (!opened.ok) return unusableInput(io, opened.error.message);
    read = opened.value;
  }
  const form = read.form ?? STANDARD_FORM;
  const findings = read.formFindings;
  const code = hasErrors(findings) ? EXIT.findings : EXIT.ok;

  if (values.json) {
    printJson(io, {
      source,
      ...(read.formSheet !== undefined && { sheet: read.formSheet }),
      builtIn: read.form === undefined,
      form,
      findings,
    });
    return code;
  }
  println(
    io.stdout,
    read.formSheet !== undefined
      ? `様式: ${source}（「${read.formSheet}」シート）  ${form.title}  版 ${form.id}@${form.version}`
      : `様式: 組み込みの R2 の様式（${source === SAMPLE_R2 ? '組み込みサンプル' : `「${source}」に「${FORM_SHEET_NAME}」シートはありません`}）  ${form.title}`,
  );
  println(io.stdout, `項目 ${form.fields.length}`);
  println(io.stdout);
  for (const line of formTable(form)) println(io.stdout, line);
  if (findings.length > 0) {
    const c = countBySeverity(findings);
    println(io.stdout);
    println(io.stdout, `様式の指摘: エラー ${c.error} 件、警告 ${c.warning} 件、情報 ${c.info} 件`);
    // The file is named on the first line: each finding gives its sheet and cell.
    printPlanFindings(
      io.stdout,
      findings.map(({ place: { file: _file, ...place }, ...f }) => ({ ...f, place })),
    );
  }
  return code;
}
