import { buildMasterView, REPORT_SHEET_PREFIX, VIEW_SHEET_NAMES } from '../domain/consolidation/buildMasterView';
import { consolidateEntries } from '../domain/consolidation/consolidateEntries';
import { readRemarks } from '../domain/consolidation/readRemarks';
import type { Consolidation, SourceFile } from '../domain/consolidation/types';
import type { Stage } from '../domain/entry/formDefinition';
import { extractWorkbook } from '../domain/extract/extractWorkbook';
import type { WorkbookExtraction } from '../domain/extract/types';
import type { Finding } from '../domain/finding';
import type { Plan } from '../domain/plan/types';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';
import type { FileWorkbookFactory, Progress, WorkbookPort } from '../workbook/port';

export interface SourceInput {
  readonly file: string;
  /** Last-modified time (ms): the newer file wins a resubmission. */
  readonly modified: number;
  readonly bytes: Uint8Array;
}

export interface ConsolidateOptions {
  readonly factory: FileWorkbookFactory;
  /** The master workbook the view is written into (its previous view is replaced, 備考 kept). */
  readonly target: WorkbookPort;
  readonly stage: Stage;
  readonly fiscalYear: number;
  /** One run stamp for the whole result (ISO date-time). */
  readonly stamp: string;
  readonly title: string;
  readonly onProgress?: Progress;
}

export interface ConsolidateResult {
  readonly consolidation: Consolidation;
  /** Findings made while writing the view (cells cut at Excel's limit). */
  readonly viewFindings: readonly Finding[];
  readonly rejected: number;
}

/** Open and read one department file; a bad file becomes a rejected source, never an exception. */
export async function readSource(factory: FileWorkbookFactory, input: SourceInput, plan: Plan, fiscalYear: number): Promise<SourceFile> {
  const opened = await factory.open(input.bytes, input.file);
  if (!opened.ok) return { kind: 'rejected', file: input.file, modified: input.modified, code: opened.error.code, message: opened.error.message };
  const snapshot = await opened.value.readSnapshot();
  return toSourceFile(input, extractWorkbook(snapshot, { file: input.file, plan, fiscalYear }));
}

export function toSourceFile(input: Pick<SourceInput, 'file' | 'modified'>, extraction: WorkbookExtraction): SourceFile {
  return {
    kind: 'read',
    file: input.file,
    modified: input.modified,
    entries: extraction.entries.map((e) => ({ entry: e.entry, sheet: e.source.sheet, cells: e.source.cells })),
    sheets: extraction.sheets.map((s) => ({ sheet: s.sheet, kind: s.kind, ...(s.reason !== undefined && { reason: s.reason }) })),
    findings: extraction.findings,
  };
}

/**
 * 総務課's consolidation: read every department file (one at a time, so memory stays flat), consolidate,
 * and replace the master view in the target workbook. The same code serves the task pane and the CLI.
 */
export async function consolidate(plan: Plan, inputs: readonly SourceInput[], options: ConsolidateOptions): Promise<ConsolidateResult> {
  const { onProgress } = options;
  const total = inputs.length + 2;
  const sources: SourceFile[] = [];
  for (const [i, input] of inputs.entries()) {
    onProgress?.({ done: i, total, label: `${input.file} を読み込み中（${i + 1} / ${inputs.length}）` });
    sources.push(await readSource(options.factory, input, plan, options.fiscalYear));
  }
  onProgress?.({ done: inputs.length, total, label: '集約中' });
  const consolidation = consolidateEntries(plan, sources, { stamp: options.stamp, fiscalYear: options.fiscalYear, stage: options.stage });

  const existing = await options.target.listSheets();
  const hasMaster = existing.some((s) => s.name === MASTER_SHEET_NAME);
  const previous = hasMaster ? (await options.target.readSnapshot([MASTER_SHEET_NAME])).sheets[0] : undefined;
  const remarks = previous ? readRemarks(previous) : new Map<string, string>();
  const view = buildMasterView({ consolidation, title: options.title, remarks });

  onProgress?.({ done: inputs.length + 1, total, label: '全体計画を書き込み中' });
  const stale = existing.map((s) => s.name).filter((n) => n.startsWith(REPORT_SHEET_PREFIX) || ((VIEW_SHEET_NAMES as readonly string[]).includes(n) && n !== MASTER_SHEET_NAME));
  if (stale.length > 0) await options.target.deleteSheets(stale);
  await options.target.writeSheets(view.sheets);
  onProgress?.({ done: total, total, label: '集約しました' });
  return { consolidation, viewFindings: view.findings, rejected: sources.filter((s) => s.kind === 'rejected').length };
}
