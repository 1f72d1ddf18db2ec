import type { Consolidation } from '../domain/consolidation/types';
import type { FormDefinition, Stage } from '../domain/entry/formDefinition';
import type { Finding } from '../domain/finding';
import { encodeCsv } from '../domain/publish/encodeCsv';
import { openDataSheet } from '../domain/publish/openDataSheet';
import { openDataTable } from '../domain/publish/openDataTable';
import { publishDocument, withheldFields, type PublishDocument } from '../domain/publish/publishDocument';
import { renderReportHtml, reportTitle } from '../domain/publish/renderReportHtml';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import { DEFAULT_PLAN_TITLE } from '../domain/template/buildDepartmentWorkbook';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import { writeXlsx } from '../workbook/xlsx/writeXlsx';
import type { ZipCodec } from '../workbook/xlsx/zipWriter';
import { publishFindings, publishWarning } from './publishFindings';
import { holdsEntries, readConsolidatedMaster } from './readConsolidatedMaster';

/** The three files for the town's website. */
export const PUBLISHED_FILES = {
  html: 'report.html',
  csv: 'opendata.csv',
  xlsx: 'opendata.xlsx',
} as const;

/** What publishing starts from: a consolidated master's bytes, or a consolidation just made (the pane). */
export type PublishInput =
  | { readonly kind: 'master'; readonly bytes: Uint8Array; readonly file: string }
  | {
      readonly kind: 'consolidation';
      readonly consolidation: Consolidation;
      readonly plan: Plan;
      readonly title: string;
      /** Default: the form the consolidation was made with. */
      readonly form?: FormDefinition;
    };

export interface Published {
  readonly html: string;
  /** UTF-8 with a BOM. */
  readonly csv: Uint8Array;
  readonly xlsx: Uint8Array;
  readonly document: PublishDocument;
  /** Japanese notes for the user: fields kept out, columns the master lacked, rows left out. */
  readonly notes: readonly string[];
  /**
   * The errors in what was published (publishFindings: the stage's rules over the published entries), each
   * at its cell. The files are written all the same, with the values as they stand.
   */
  readonly findings: readonly Finding[];
  /** The Japanese warning about `findings`, one line each (publishWarning); empty when there are none. */
  readonly warning: readonly string[];
}

export interface PublishOptions {
  readonly codec?: ZipCodec;
  /** The stage whose rules the published entries are checked by (default: 年度末, as validate and consolidate). */
  readonly stage?: Stage;
}

interface Made {
  readonly document: PublishDocument;
  readonly notes: string[];
  readonly findings: readonly Finding[];
  readonly form: FormDefinition;
}

/** The document of a consolidated master: its 体系 and 様式, and 全体計画's rows read back. */
async function masterDocument(bytes: Uint8Array, file: string, stage: Stage): Promise<Result<Made, string>> {
  const read = await readConsolidatedMaster(bytes, file);
  if (!read.ok) return read;
  // A template never consolidated would publish a report of 0 件 and a CSV of its header alone.
  if (!holdsEntries(read.value))
    return err(
      `「${file}」の「${MASTER_SHEET_NAME}」シートに集約した記入がありません（集約する前のひな形ではありませんか）。集約した全体計画のブックを指定してください。`,
    );
  const { found, form, fiscalYear, rows, missingColumns } = read.value;
  const notes = missingColumns.map(
    (label) => `「${MASTER_SHEET_NAME}」シートに「${label}」の列がないため、空欄として書き出しました。`,
  );
  const document = publishDocument({
    title: found.title ?? DEFAULT_PLAN_TITLE,
    fiscalYear,
    plan: found.plan,
    form,
    rows,
  });
  return ok({ document, notes, form, findings: publishFindings(rows, { stage, form, plan: found.plan }) });
}

function consolidationDocument(input: Extract<PublishInput, { kind: 'consolidation' }>, stage: Stage): Made {
  const form = input.form ?? input.consolidation.form;
  const { rows } = input.consolidation;
  return {
    document: publishDocument({
      title: input.title,
      fiscalYear: input.consolidation.fiscalYear,
      plan: input.plan,
      form,
      rows,
    }),
    notes: [],
    form,
    findings: publishFindings(rows, { stage, form, plan: input.plan }),
  };
}

/**
 * The published report (report.html), and the open data as CSV and .xlsx, from a master or a consolidation:
 * one use case for the CLI (`suishin publish`) and the pane (集約's 「公開用に書き出す」). Fields the 様式
 * marks 公表 × are in none of them. Errors in the entries published are found here, once, for both: the
 * files are still written (values as they stand, nothing blanked), and `findings` and `warning` say what
 * to fix before the files go out.
 */
export async function publish(
  input: PublishInput,
  options: PublishOptions = {},
): Promise<Result<Published, string>> {
  const stage = options.stage ?? 'year-end';
  const made =
    input.kind === 'master'
      ? await masterDocument(input.bytes, input.file, stage)
      : ok(consolidationDocument(input, stage));
  if (!made.ok) return made;
  const { document, notes, findings, form } = made.value;
  const table = openDataTable(document);
  const xlsx = await writeXlsx(
    {
      sheets: [openDataSheet(table)],
      properties: { title: `${reportTitle(document)} オープンデータ` },
    },
    { ...(options.codec && { codec: options.codec }) },
  );
  if (document.unpublished.length > 0) {
    const withheld = withheldFields(form);
    const named = document.unpublished.map((f) => {
      const from = withheld.get(f.key) ?? [];
      return from.length === 0
        ? `「${f.label}」`
        : `「${f.label}」（公表しない${from.map((d) => `「${d.label}」`).join('')}から計算するため）`;
    });
    notes.push(`様式で公表しない（×）項目は書き出していません: ${named.join('')}。`);
  }
  if (document.leftOut > 0)
    notes.push(`体系にない取組項目（要確認）の ${document.leftOut} 件は書き出していません。`);
  return ok({
    html: renderReportHtml(document),
    csv: new TextEncoder().encode(encodeCsv(table)),
    xlsx,
    document,
    notes,
    findings,
    warning: publishWarning(findings, form),
  });
}
