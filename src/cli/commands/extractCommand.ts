import { fieldText } from '../../domain/entry/types';
import { readSnapshot, type ReadResult } from '../../app/validateWorkbook';
import { STANDARD_FORM, tallyField, type FormDefinition } from '../../domain/entry/formDefinition';
import type { ExtractedEntry, SheetOutcome } from '../../domain/extract/types';
import type { Finding } from '../../domain/finding';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { EXIT, printJson, println, worst, type CliIo, type ExitCode } from '../cliIo';
import { expandInputs } from '../expandInputs';
import { formatCounts, formatFindingsBySheet } from '../formatFindings';
import { formatTable } from '../formatTable';
import { loadOptionalPlan } from '../loadOptionalPlan';
import { readWorkbookFile } from '../readWorkbookFile';
import { parseCommandArgs } from '../parseCommandArgs';
import { unusableInput, usageError } from '../reportError';
import { resolveFiscalYear } from '../resolveFiscalYear';
import { showUsage } from '../usage';

/** An extracted entry as `extract --json` prints it: the form's fields, in its order. */
export const entryJson = (e: ExtractedEntry, form: FormDefinition = STANDARD_FORM) => ({
  code: e.entry.code,
  department: e.entry.department,
  seq: e.entry.seq,
  fiscalYear: formatFiscalYear(e.entry.fiscalYear),
  fields: Object.fromEntries(form.fields.map((f) => [f.key, fieldText(e.entry.fields, f.key)])),
  source: {
    file: e.source.file,
    sheet: e.source.sheet,
    cells: Object.fromEntries(form.fields.map((f) => [f.key, e.source.cells[f.key]])),
  },
});

const PLAN_SOURCE_LABELS: Readonly<Record<ReadResult['planSource'], string>> = {
  given: '指定の体系',
  workbook: 'ブック内の体系シート',
  none: 'なし（シートの管理情報で判定）',
};

const KIND_LABELS: Readonly<Record<SheetOutcome['kind'], string>> = {
  entry: '取組項目',
  plan: '体系',
  form: '様式',
  toc: '目次',
  'not-entry': '取組項目以外',
  unreadable: '読み取れない',
};

function printHuman(io: CliIo, file: string, read: ReadResult, form: FormDefinition): void {
  const tally = tallyField(form);
  const keys = form.fields.map((f) => f.key);
  const { entries, sheets, findings } = read.extraction;
  const kinds = Object.entries(KIND_LABELS)
    .map(([kind, label]) => [label, sheets.filter((s) => s.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`);
  println(
    io.stdout,
    `■ ${file}  取組項目 ${entries.length} 件（シート ${sheets.length} 枚: ${kinds.join('、')}）  体系: ${PLAN_SOURCE_LABELS[read.planSource]}`,
  );
  if (entries.length > 0)
    for (const line of formatTable([
      ['シート', 'コード', '実践課', '番号', '年度', tally?.label ?? '集計', '記入済みの欄'],
      ...entries.map((e) => [
        e.source.sheet,
        e.entry.code,
        e.entry.department,
        String(e.entry.seq),
        formatFiscalYear(e.entry.fiscalYear),
        tally === undefined
          ? '—'
          : fieldText(e.entry.fields, tally.key) === ''
            ? '（未記入）'
            : fieldText(e.entry.fields, tally.key),
        `${keys.filter((k) => fieldText(e.entry.fields, k).trim() !== '').length}/${keys.length}`,
      ]),
    ]))
      println(io.stdout, line);
  for (const s of sheets.filter((s) => s.kind === 'unreadable' || s.kind === 'not-entry'))
    println(io.stdout, `  「${s.sheet}」: ${KIND_LABELS[s.kind]}${s.reason ? ` — ${s.reason}` : ''}`);
  if (findings.length > 0) {
    println(io.stdout, `  読み取りの指摘: ${formatCounts(findings)}`);
    for (const line of formatFindingsBySheet(findings)) println(io.stdout, `  ${line}`);
  }
}

/** `suishin extract FILE…`: the entries of each workbook with the cells they came from. */
export async function extractCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: {
      json: { type: 'boolean' },
      plan: { type: 'string' },
      year: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (!parsed.ok) return usageError(io, 'extract', parsed.error);
  const { values, positionals } = parsed.value;
  if (values.help) return showUsage(io, 'extract');
  if (positionals.length === 0) return usageError(io, 'extract', '読み取るファイルを指定してください。');
  const plan = await loadOptionalPlan(values.plan, io);
  if (!plan.ok) return unusableInput(io, plan.error);
  const year = values.year === undefined ? undefined : resolveFiscalYear(values.year, undefined, io.now());
  if (year && !year.ok) return usageError(io, 'extract', year.error);

  let code: ExitCode = EXIT.ok;
  // Each entry printed with the form its file was read with (a department workbook carries its own 様式).
  const entries: { readonly entry: ExtractedEntry; readonly form: FormDefinition }[] = [];
  const sheets: (SheetOutcome & { file: string })[] = [];
  const findings: Finding[] = [];
  for (const input of await expandInputs(positionals, io.cwd, [], io.stderr)) {
    const loaded = await readWorkbookFile(input);
    if (!loaded.ok) {
      findings.push(loaded.error);
      code = worst(code, EXIT.unusable);
      if (!values.json) println(io.stderr, `エラー: ${loaded.error.message}`);
      continue;
    }
    const read = readSnapshot(loaded.value.snapshot, {
      file: input.display,
      ...(plan.value && { plan: plan.value.plan }),
      ...(plan.value?.form && { form: plan.value.form }),
      ...(year?.ok && { fiscalYear: year.value }),
    });
    entries.push(...read.extraction.entries.map((entry) => ({ entry, form: read.form })));
    sheets.push(...read.extraction.sheets.map((s) => ({ file: input.display, ...s })));
    findings.push(...read.extraction.findings);
    if (!values.json) printHuman(io, input.display, read, read.form);
  }
  if (values.json)
    printJson(io, { entries: entries.map((e) => entryJson(e.entry, e.form)), sheets, findings });
  else
    println(
      io.stdout,
      `合計: 取組項目 ${entries.length} 件、シート ${sheets.length} 枚、指摘 ${findings.length} 件`,
    );
  return code;
}
