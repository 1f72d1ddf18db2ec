import { consolidate, type ConsolidateResult } from '../../src/app/consolidate';
import { readWorkbook, validateWorkbook } from '../../src/app/validateWorkbook';
import type { Finding } from '../../src/domain/finding';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import type { FileWorkbookPort } from '../../src/workbook/port';

/** `I-2-1-3 総務課 1`: an entry key as the manifest writes it. */
export const entryLabel = (e: { code: string; department: string; seq: number }): string =>
  `${e.code} ${e.department} ${e.seq}`;

/** `entry.achievement-variant @ I-2-1-3 総務課!C9`: a finding's code and where it points. */
export function findingLabel(f: Finding): string {
  const where =
    f.place.sheet !== undefined
      ? `${f.place.sheet}${f.place.cell ? `!${f.place.cell}` : ''}`
      : (f.place.file ?? '');
  return `${f.code} @ ${where}`;
}

export interface LibraryOutcome {
  /** The open error code when the file is rejected. */
  readonly rejection?: string;
  readonly rejectionMessage?: string;
  /** readWorkbook: entries (key labels) in workbook order. */
  readonly entries: readonly string[];
  /** validateWorkbook at 年度末: every finding as code @ sheet!cell, in order. */
  readonly findings: readonly string[];
  /** consolidate: the 集約ログ as `sheet: outcome` (a file-level record has sheet ''). */
  readonly log: readonly string[];
  /** consolidate: findings of the run (reading, rules, duplicates, cells cut when written). */
  readonly consolidationFindings: readonly string[];
  readonly result?: ConsolidateResult;
  readonly master?: FileWorkbookPort;
  readonly extracted?: Awaited<ReturnType<typeof readWorkbook>>;
}

const { plan, fiscalYear } = r2Sample();

export async function newMaster(): Promise<FileWorkbookPort> {
  return excelJsFactory.create(buildMasterTemplate({ plan, fiscalYear, title: '町政運営推進プラン' }));
}

/** Run one file through the library as the task pane and the CLI do: extract, validate, consolidate. */
export async function libraryOutcome(bytes: Uint8Array, file: string, modified = 0): Promise<LibraryOutcome> {
  const master = await newMaster();
  const result = await consolidate(plan, [{ file, modified, bytes }], {
    factory: excelJsFactory,
    target: master,
    stage: 'year-end',
    fiscalYear,
    stamp: '2021-03-31T17:05:09',
    title: '町政運営推進プラン',
  });
  const log = result.consolidation.log.map((r) => `${r.sheet}: ${r.outcome}`);
  const consolidationFindings = [...result.consolidation.findings, ...result.viewFindings].map(findingLabel);
  const opened = await excelJsFactory.open(bytes, file);
  if (!opened.ok)
    return {
      rejection: opened.error.code,
      rejectionMessage: opened.error.message,
      entries: [],
      findings: [],
      log,
      consolidationFindings,
      result,
      master,
    };
  const extracted = await readWorkbook(opened.value, { file, plan, fiscalYear });
  const validated = await validateWorkbook(opened.value, { file, plan, fiscalYear, stage: 'year-end' });
  return {
    entries: extracted.extraction.entries.map((e) => entryLabel(e.entry)),
    findings: validated.findings.map(findingLabel),
    log,
    consolidationFindings,
    result,
    master,
    extracted,
  };
}
