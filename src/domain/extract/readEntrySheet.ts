import { cellAddress } from '../cellAddress';
import { STANDARD_FORM } from '../entry/formDefinition';
import { finding, type Finding, type Place } from '../finding';
import { findFormBlocks, type FormBlock, type MetaCell } from './findFormBlocks';
import { formLabels } from './formLabels';
import { identifyEntry, type IdentityPart } from './identifyEntry';
import type { LabelIndex } from './labelIndex';
import { numberSeqs, type SheetEntry } from './numberSeqs';
import type { PreviousColumn } from './previousColumn';
import { readDepartmentCell } from './readDepartmentCell';
import { readFormBlock, type BlockValues } from './readFormBlock';
import { sheetGrid, type SheetGrid } from './sheetGrid';
import type { SheetSnapshot } from './snapshot';
import type { ExtractOptions } from './types';

export interface EntrySheetReading {
  readonly kind: 'entry' | 'not-entry' | 'unreadable';
  /** Entries in form order, seq numbered within this sheet (extractWorkbook renumbers across the workbook). */
  readonly entries: readonly SheetEntry[];
  /** Findings not tied to a read entry (a form that could not be identified); each entry carries its own. */
  readonly findings: readonly Finding[];
  /** Japanese: why the sheet gave no entry, or not one per form. */
  readonly reason?: string;
}

type BlockResult =
  | { readonly ok: true; readonly entry: SheetEntry }
  | { readonly ok: false; readonly reason: string; readonly findings: readonly Finding[] };

/**
 * Read a sheet's 取組項目 forms by their labels (see DESIGN.md "Reading is label-anchored"). Each form
 * (a 取組項目 label row and the rows down to the next one) becomes one entry with its own provenance, or,
 * when it cannot be identified, findings and a reason.
 */
export function readEntrySheet(sheet: SheetSnapshot, options: ExtractOptions): EntrySheetReading {
  const form = options.form ?? STANDARD_FORM;
  const grid = sheetGrid(sheet);
  const layout = findFormBlocks(grid, formLabels(form));
  const results = layout.blocks.map((block) =>
    readBlock(grid, layout.index, block, options, layout.previous),
  );
  const entries = numberSeqs(results.flatMap((r) => (r.ok ? [r.entry] : [])));
  const failed = results.flatMap((r) => (r.ok ? [] : [r]));
  const findings = failed.flatMap((r) => r.findings);

  if (layout.blocks.length === 0) {
    const meta = layout.metas[0];
    if (meta) {
      const reason = `Suishin のシートの識別情報（${meta.meta.code} ${meta.meta.department}）がありますが、取組項目の様式の見出し（「取組項目」「目指す姿」など）が見つかりません。`;
      const cell = cellAddress(meta.row, meta.column);
      return {
        kind: 'unreadable',
        entries: [],
        reason,
        findings: [
          finding(
            'extract.form-not-found',
            'error',
            `${reason}様式を元に戻すか、Suishin でシートを作り直してください。`,
            { file: options.file, sheet: sheet.name, cell },
          ),
        ],
      };
    }
    const empty = sheet.values.every((row) => row.every((v) => v === null || String(v).trim() === ''));
    return {
      kind: 'not-entry',
      entries: [],
      findings: [],
      reason: empty
        ? '空のシートです。'
        : '取組項目の様式（「取組項目」「目指す姿」などの見出し）が見つかりません。',
    };
  }
  if (entries.length === 0)
    return { kind: 'unreadable', entries, findings, reason: failed.map((r) => r.reason).join(' ') };
  const reason =
    failed.length > 0
      ? `${layout.blocks.length}件の様式のうち${failed.length}件を読めませんでした。${failed.map((r) => r.reason).join(' ')}`
      : undefined;
  return { kind: 'entry', entries, findings, ...(reason && { reason }) };
}

function readBlock(
  grid: SheetGrid,
  index: LabelIndex,
  block: FormBlock,
  options: ExtractOptions,
  previousColumns: readonly PreviousColumn[],
): BlockResult {
  const form = options.form ?? STANDARD_FORM;
  const values = readFormBlock(grid, index, block, form, options.plan, previousColumns);
  const department = readDepartmentCell(values.departmentText);
  const identity = identifyEntry({
    itemText: values.itemText,
    departmentText: values.departmentText,
    department,
    ...(values.yearLabel !== undefined && { yearLabel: values.yearLabel }),
    ...(block.meta && { meta: block.meta.meta }),
    ...(options.plan && { plan: options.plan }),
    ...(options.fiscalYear !== undefined && { fiscalYear: options.fiscalYear }),
  });
  const key: Pick<Place, 'code' | 'department' | 'seq'> = identity.ok
    ? { code: identity.code, department: identity.department, seq: identity.metaSeq ?? 1 }
    : {};
  const findings: Finding[] = [];
  for (const n of identity.notes) {
    const cell = cellOf(n.part, values, block);
    findings.push(finding(n.code, n.severity, n.message, place(options, grid, key, cell)));
  }
  for (const p of values.problems)
    findings.push(
      finding(
        p.code,
        p.severity,
        p.message,
        place(options, grid, key, p.cell, p.field ? { field: p.field } : {}),
      ),
    );
  if (!identity.ok) return { ok: false, reason: identity.reason, findings };
  return {
    ok: true,
    entry: {
      seqFrom: identity.metaSeq !== undefined ? 'meta' : 'order',
      findings,
      extracted: {
        entry: {
          code: identity.code,
          department: identity.department,
          seq: identity.metaSeq ?? 1,
          fiscalYear: identity.fiscalYear,
          fields: values.fields,
          ...(values.notOnSheet && { notOnSheet: values.notOnSheet }),
          ...(block.meta &&
            (block.meta.meta.formId !== form.id ||
              String(block.meta.meta.formVersion) !== String(form.version)) && {
              otherForm: true as const,
            }),
        },
        source: {
          file: options.file,
          sheet: grid.name,
          cells: values.cells,
          itemCell: values.itemCell,
          ...(values.departmentCell && { departmentCell: values.departmentCell }),
          ...(values.yearCell && { fiscalYearCell: values.yearCell }),
        },
        identifiedBy: identity.identifiedBy,
        ...(identity.yearAssumed && { yearAssumed: true as const }),
        ...(values.retired.length > 0 && { retired: values.retired }),
        ...(values.previous && { previous: values.previous }),
      },
    },
  };
}

const metaCell = (meta: MetaCell | undefined): string | undefined =>
  meta ? cellAddress(meta.row, meta.column) : undefined;

/** The cell a note about a part of the identity is at. */
const cellOf = (part: IdentityPart, values: BlockValues, block: FormBlock): string =>
  part === 'department'
    ? (values.departmentCell ?? values.itemCell)
    : part === 'year'
      ? (values.yearCell ?? values.itemCell)
      : part === 'meta'
        ? (metaCell(block.meta) ?? values.itemCell)
        : values.itemCell;

const place = (
  options: ExtractOptions,
  grid: SheetGrid,
  key: Pick<Place, 'code' | 'department' | 'seq'>,
  cell: string,
  extra: Pick<Place, 'field'> = {},
): Place => ({
  file: options.file,
  sheet: grid.name,
  cell,
  ...key,
  ...extra,
});
