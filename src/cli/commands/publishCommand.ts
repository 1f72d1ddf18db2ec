import { join, resolve } from 'node:path';
import { publish, PUBLISHED_FILES } from '../../app/publish';
import { formatFiscalYear } from '../../domain/fiscal/fiscalYear';
import { EXIT, println, type CliIo, type ExitCode } from '../cliIo';
import { nodeZipCodec } from '../nodeZipCodec';
import { parseCommandArgs } from '../parseCommandArgs';
import { parseStage } from '../parseStage';
import { fileSystemMessage, readInputFile } from '../readInputFile';
import { unusableInput, usageError } from '../reportError';
import { showUsage } from '../usage';
import { writeFileAtomic } from '../writeFileAtomic';

/**
 * `suishin publish <master.xlsx> --out <フォルダー>`: the report for the town's website (report.html) and the
 * open data (opendata.csv, opendata.xlsx) from a consolidated master, with the fields its 様式 publishes.
 * Errors in the published entries (the use case's findings) go to stderr and exit 1, the files written all
 * the same: `suishin publish … && upload` stops, as `validate` does on errors.
 */
export async function publishCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs({
    args: [...args],
    options: {
      out: { type: 'string' },
      stage: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (!parsed.ok) return usageError(io, 'publish', parsed.error);
  const { values, positionals } = parsed.value;
  if (values.help) return showUsage(io, 'publish');
  if (positionals.length !== 1)
    return usageError(
      io,
      'publish',
      positionals.length === 0
        ? '集約した全体計画のブック（master.xlsx）を指定してください。'
        : 'ブックは1つだけ指定してください。',
    );
  if (!values.out) return usageError(io, 'publish', '--out で出力先のフォルダーを指定してください。');
  const stage = parseStage(values.stage);
  if (!stage.ok) return usageError(io, 'publish', stage.error);
  const source = positionals[0] ?? '';
  const read = await readInputFile(resolve(io.cwd, source), source);
  if (!read.ok) return unusableInput(io, read.error);
  const published = await publish(
    { kind: 'master', bytes: read.value.bytes, file: source },
    { codec: nodeZipCodec, stage: stage.value },
  );
  if (!published.ok) return unusableInput(io, published.error);
  const { html, csv, xlsx, document: doc, notes, findings, warning } = published.value;
  const outDir = resolve(io.cwd, values.out);
  try {
    await writeFileAtomic(join(outDir, PUBLISHED_FILES.html), html);
    await writeFileAtomic(join(outDir, PUBLISHED_FILES.csv), csv);
    await writeFileAtomic(join(outDir, PUBLISHED_FILES.xlsx), xlsx);
  } catch (error) {
    return unusableInput(io, fileSystemMessage(error, values.out));
  }
  const submitted = doc.entries.filter((e) => e.status === 'submitted').length;
  println(
    io.stdout,
    `${formatFiscalYear(doc.fiscalYear)} ${doc.title} の公開用ファイルを書き出しました（${source}）`,
  );
  println(io.stdout, `  ${join(values.out, PUBLISHED_FILES.html)}  報告書（ウェブサイト用 HTML）`);
  println(io.stdout, `  ${join(values.out, PUBLISHED_FILES.csv)}  オープンデータ（CSV, UTF-8 BOM 付き）`);
  println(io.stdout, `  ${join(values.out, PUBLISHED_FILES.xlsx)}  オープンデータ（Excel）`);
  println(
    io.stdout,
    `取組項目 ${doc.entries.length} 件（提出 ${submitted} 件、未提出 ${doc.entries.length - submitted} 件）、公表する項目 ${doc.fields.length}: ${doc.fields.map((f) => f.label).join('、')}`,
  );
  for (const note of notes) println(io.stdout, `注: ${note}`);
  for (const line of warning) println(io.stderr, line);
  return findings.length > 0 ? EXIT.findings : EXIT.ok;
}
