import { perObject } from '../memo';
import { fieldText } from '../entry/types';
import { cellAddress } from '../cellAddress';
import { STAGE_LABELS, type FieldDef, type FieldKey, type FormDefinition } from '../entry/formDefinition';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { formatStamp } from '../fiscal/formatStamp';
import { finding, type Finding } from '../finding';
import { basicLabel, formatAssignment, fullItemLabel, promotionLabel } from '../plan/planItems';
import { buildEntrySheet } from '../template/buildEntrySheet';
import { buildTableSheet, EXCEL_CELL_LIMIT, FIRST_DATA_ROW, fitCellText } from '../template/buildTableSheet';
import { entryLayout } from '../template/entryLayout';
import { MASTER_SHEET_NAME, sanitizeSheetName, SheetNameSet, uniqueSheetName } from '../template/sheetName';
import type { CellValue, SheetSpec } from '../template/sheetSpec';
import { BLANK_SHEET_NOTE, refusedFileNote, type Consolidation, type MasterRow } from './types';
import { WRONG_YEAR_CODE } from './selectEntries';
import { buildSummarySheets, type ViewContext } from './buildSummarySheets';
import { FIRST_FIELD_COLUMN, masterFieldValues, masterViewColumns, REMARKS_HEADER } from './masterColumns';
import { viewText } from '../entry/choice';
import { HISTORY_SHEET_NAME, REPORT_SHEET_PREFIX, VIEW_SHEET_NAMES } from './viewSheetNames';
import { buildHistorySheet } from '../history/buildHistorySheet';
import { historyKey, type History } from '../history/yearHistory';

export {
  ACHIEVEMENT_SHEET_NAME,
  HISTORY_SHEET_NAME,
  LOG_SHEET_NAME,
  REPORT_SHEET_PREFIX,
  SUBMISSION_SHEET_NAME,
  VIEW_SHEET_NAMES,
} from './viewSheetNames';
export { MASTER_VIEW_COLUMNS, masterViewColumns, REMARKS_HEADER, SEQ_HEADER } from './masterColumns';
export { NO_TALLY_MESSAGE } from './buildSummarySheets';

export const rowKey = (code: string, department: string, seq: number): string =>
  `${code}|${department}|${seq}`;

/** A report sheet's input cell per field (the entry form's layout), made once per form. */
const reportCells = perObject((form: FormDefinition): Readonly<Record<FieldKey, string>> =>
  Object.fromEntries(
    entryLayout(form).inputs.map((input) => [
      input.field.key,
      cellAddress(input.range.top, input.range.left),
    ]),
  ),
);

export interface MasterViewInput {
  readonly consolidation: Consolidation;
  readonly title: string;
  /** The form the view is laid out by (default: the form the consolidation was made with). */
  readonly form?: FormDefinition;
  /** 備考 typed by 総務課 in the previous 全体計画, by rowKey: kept across re-consolidation. */
  readonly remarks?: ReadonlyMap<string, string>;
  /**
   * The plan across years (this run's year among them): a 推移 sheet after 達成状況, and each 全体計画 row's
   * 取組項目 linked to its history there.
   */
  readonly history?: History;
}

export interface MasterView {
  readonly sheets: readonly SheetSpec[];
  /** Cells that had to be cut at Excel's limit. */
  readonly findings: readonly Finding[];
}

const statusText = (row: MasterRow): string => {
  const errors = row.findings.filter((f) => f.severity === 'error').length;
  const warnings = row.findings.filter((f) => f.severity === 'warning').length;
  const base = errors > 0 ? `エラー ${errors}` : warnings > 0 ? `警告 ${warnings}` : 'OK';
  // A 未提出 row may still have findings: a sheet for it that could not be used (年度違い).
  if (row.status === 'missing') {
    const wrongYear = row.findings.filter((f) => f.code === WRONG_YEAR_CODE).length;
    return wrongYear > 0
      ? `未提出（年度違いのシート ${wrongYear} 枚、集約ログ参照）`
      : base !== 'OK'
        ? `未提出（${base}、集約ログ参照）`
        : row.blankSheet
          ? `未提出（${BLANK_SHEET_NOTE}）`
          : row.refusedFile !== undefined
            ? `未提出（${refusedFileNote(row.refusedFile)}、集約ログ参照）`
            : '未提出';
  }
  return row.status === 'flagged' ? `要確認: ${row.flag ?? ''} ${base}` : base;
};

/** The master plan view: 全体計画, 提出状況, 達成状況, 集約ログ and one report sheet per entry in 体系 order. */
export function buildMasterView(input: MasterViewInput): MasterView {
  const { consolidation: c, title, form = c.form, remarks = new Map<string, string>() } = input;
  const findings: Finding[] = [];
  const year = formatFiscalYear(c.fiscalYear);
  const ctx: ViewContext = {
    year,
    // The stage too: a master kept from April to March looks the same at each, and in April every
    // 年度末 column is rightly blank.
    subtitle: `${year}・${STAGE_LABELS[c.stage]}の集約　集約日時: ${formatStamp(c.stamp)}`,
    fit: cellFitter(findings),
  };
  const master = masterSheet(c, form, title, remarks, ctx);
  const [submissions, achievement, log] = buildSummarySheets(c, ctx);
  const reports = reportSheets(c, form, ctx);
  if (!input.history) return { sheets: [master, submissions, achievement, log, ...reports], findings };
  const linkColumn = masterViewColumns(form).findIndex((col) => col.header === HISTORY_LINK_HEADER);
  const masterCells = new Map(
    c.rows.map((r, i) => [
      historyKey(r.code, r.department, r.seq),
      { sheet: MASTER_SHEET_NAME, cell: cellAddress(FIRST_DATA_ROW + i, linkColumn) },
    ]),
  );
  const history = buildHistorySheet(input.history, { masterCells, subtitle: ctx.subtitle });
  return {
    sheets: [
      linkToHistory(master, c, linkColumn, history.anchors),
      submissions,
      achievement,
      history.sheet,
      log,
      ...reports,
    ],
    findings,
  };
}

/** 全体計画's column whose cells link to 推移: the item's label (the key columns stay plain values to read back). */
export const HISTORY_LINK_HEADER = '取組項目';

/**
 * 全体計画 with each row's 取組項目 linked to the row's block on the 推移 sheet. Not the 取組項目コード: a link
 * is a HYPERLINK formula, and a file saved without cached values (openpyxl) would lose the key a re-run reads.
 */
function linkToHistory(
  master: SheetSpec,
  c: Consolidation,
  column: number,
  anchors: ReadonlyMap<string, string>,
): SheetSpec {
  const targets = new Map<number, string>();
  c.rows.forEach((r, i) => {
    const at = anchors.get(historyKey(r.code, r.department, r.seq));
    if (at !== undefined) targets.set(FIRST_DATA_ROW + i, at);
  });
  const linked = new Set<string>();
  const cells = master.cells.map((cell) => {
    const at = cell.column === column ? targets.get(cell.row) : undefined;
    if (at === undefined) return cell;
    const style = cell.style === 'cell_warn' ? 'link_warn' : 'link';
    linked.add(style);
    return { ...cell, style, link: { sheet: HISTORY_SHEET_NAME, cell: at } };
  });
  const link = { ...master.styles['cell'], color: '#0563C1', underline: true };
  return {
    ...master,
    cells,
    styles: {
      ...master.styles,
      ...(linked.has('link') && { link }),
      ...(linked.has('link_warn') && {
        link_warn: { ...master.styles['cell_warn'], color: link.color, underline: true },
      }),
    },
  };
}

/** Text cut at Excel's cell limit, with a finding at the cell written (and the entry it came from). */
const cellFitter =
  (findings: Finding[]): ViewContext['fit'] =>
  (text, at) => {
    if (text.length <= EXCEL_CELL_LIMIT) return text;
    const r = fitCellText(text);
    if (!r.truncated) return r.text;
    const { place, what } = at();
    findings.push(
      finding(
        'consolidate.cell-too-long',
        'warning',
        `${what}が Excel の1セルの上限（32,767文字）を超えたため、「${place.sheet}」の${place.cell}には途中までを書きました（${[...text].length.toLocaleString('ja-JP')}文字）。全文は元のシートにあります。`,
        place,
      ),
    );
    return r.text;
  };

const label = (f: FieldDef): string => `「${f.label}」`;
const entryPlace = (row: MasterRow, key: FieldKey) => ({
  code: row.code,
  department: row.department,
  seq: row.seq,
  field: key,
});

/** 全体計画: one row per master row, in 体系 order, one column per form field, with 総務課's 備考 kept. */
function masterSheet(
  c: Consolidation,
  form: FormDefinition,
  title: string,
  remarks: ReadonlyMap<string, string>,
  { year, subtitle, fit }: ViewContext,
): SheetSpec {
  const columns = masterViewColumns(form);
  const planRows: CellValue[][] = c.rows.map((row, i) => {
    const p = row.planItem;
    const valueOf = row.entry ? masterFieldValues(form, row.entry.fields) : () => '';
    const fields = (f: FieldDef, j: number): CellValue => {
      const value = valueOf(f);
      return typeof value !== 'string'
        ? value
        : fit(value, () => ({
            place: {
              sheet: MASTER_SHEET_NAME,
              cell: cellAddress(FIRST_DATA_ROW + i, FIRST_FIELD_COLUMN + j),
              ...entryPlace(row, f.key),
            },
            what: `${row.code} ${row.department} の${label(f)}`,
          }));
    };
    return [
      row.code,
      p ? basicLabel(p.basic) : '',
      p ? promotionLabel(p.promotion) : '',
      p ? fullItemLabel(p) : '（体系にない取組項目）',
      row.department,
      row.seq,
      p?.item.assignment.kind === 'all' ? p.item.assignment.coordinator : '',
      ...form.fields.map(fields),
      statusText(row),
      remarks.get(rowKey(row.code, row.department, row.seq)) ?? '',
      // A 未提出 row whose sheet came back blank names that sheet: 総務課 knows where to look. A 全課 row
      // names every sheet merged into it, not only the first.
      row.parts
        ? [...new Set(row.parts.map((part) => part.file))].join('\n')
        : (row.source?.file ?? row.blankSheet?.file ?? row.refusedFile ?? ''),
      row.parts
        ? row.parts.map((part) => part.sheet).join('\n')
        : (row.source?.sheet ?? row.blankSheet?.sheet ?? ''),
    ];
  });
  return buildTableSheet({
    name: MASTER_SHEET_NAME,
    title: `${title} 全体計画（${year}）`,
    subtitle,
    columns,
    rows: planRows,
    tableName: 'MasterPlan',
    pagesWide: 0,
    repeatColumns: 1,
    // Printed up to 備考 (where each row came from is on screen only).
    printColumns: columns.findIndex((col) => col.header === REMARKS_HEADER) + 1,
    rowStyles: Object.fromEntries(
      c.rows.flatMap((r, i) =>
        r.status === 'missing'
          ? [[i, 'warn' as const]]
          : r.status === 'flagged'
            ? [[i, 'warn' as const]]
            : [],
      ),
    ),
    tabColor: '#2F5597',
  });
}

/**
 * One protected report sheet per entry on a 体系 item, laid out as the form's entry sheet (entryLayout), under
 * a unique name.
 */
function reportSheets(c: Consolidation, form: FormDefinition, { fit }: ViewContext): SheetSpec[] {
  const taken = new SheetNameSet(VIEW_SHEET_NAMES);
  const cells = reportCells(form);
  return c.rows
    .filter((r) => r.status !== 'missing' && r.entry && r.planItem)
    .map((r) => {
      const name = uniqueSheetName(
        sanitizeSheetName(`${REPORT_SHEET_PREFIX}${r.code} ${r.department}`),
        taken,
        r.seq > 1 ? ` (${r.seq})` : '',
      );
      taken.add(name);
      // 計算 fields are the sheet's own formulas over the values, never text.
      const fields: Record<FieldKey, string> = {};
      for (const f of form.fields)
        if (f.kind !== 'computed')
          fields[f.key] = fit(viewText(f, fieldText(r.entry!.fields, f.key)), () => ({
            place: { sheet: name, cell: cells[f.key] ?? 'A1', ...entryPlace(r, f.key) },
            what: `${r.code} ${r.department} の${label(f)}`,
          }));
      const sheet = buildEntrySheet({
        item: r.planItem!,
        department: r.department,
        seq: r.seq,
        fiscalYear: c.fiscalYear,
        fields,
        form,
        sheetName: name,
        headerNote: `${STAGE_LABELS[c.stage]}の集約`,
      });
      return sheet.protect ? sheet : { ...sheet, protect: true };
    });
}

/** 実践課 cell text of a master row, for UIs. */
export const rowDepartments = (row: MasterRow): string =>
  row.planItem ? formatAssignment(row.planItem.item.assignment) : row.department;
