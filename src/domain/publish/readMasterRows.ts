import { cellAddress } from '../cellAddress';
import { BLANK_SHEET_NOTE, type MasterRow } from '../consolidation/types';
import { plainNumberText, serialToIsoDate } from '../entry/fieldValue';
import type { FieldDef, FieldKey, FormDefinition } from '../entry/formDefinition';
import { cellText, type SheetSnapshot } from '../extract/snapshot';
import { parseFiscalYear } from '../fiscal/fiscalYear';
import { planItems } from '../plan/planItems';
import type { Plan } from '../plan/types';
import { err, ok, type Result } from '../result';
import type { CellValue } from '../template/sheetSpec';
import { normalizeKey } from '../text/normalizeKey';

const CODE = '取組項目コード';
const DEPARTMENT = '実践課';
const SEQ = '番号';
const CHECK = '検証結果';
const FILE = '提出ファイル';
const SHEET = 'シート';
const HEADER_SEARCH_ROWS = 20;

export interface MasterRowsRead {
  readonly rows: readonly MasterRow[];
  /** From the title row (`… 全体計画（令和6年度）`), when it names one. */
  readonly fiscalYear?: number;
  /** Fields of the form that 全体計画 has no column for (read as empty). */
  readonly missingColumns: readonly string[];
}

/** A cell as the field's text, as a department's sheet would hold it (numbers plain, date cells ISO). */
function fieldTextOf(f: FieldDef, value: CellValue | undefined): string {
  if (typeof value === 'number') {
    if (f.kind === 'date') return serialToIsoDate(value) ?? plainNumberText(value);
    return plainNumberText(value);
  }
  return cellText(value ?? null);
}

/** 未提出 and 要確認 rows by 検証結果, as buildMasterView writes it (`未提出…`, `要確認: …`); the rest were submitted. */
function statusOf(check: string): MasterRow['status'] {
  if (check.startsWith('未提出')) return 'missing';
  return check.startsWith('要確認') ? 'flagged' : 'submitted';
}

/** The year 全体計画's title row names (`… 全体計画（令和6年度）`), if it names one. */
export function masterYear(sheet: SheetSnapshot): number | undefined {
  const title = cellText(sheet.values[0]?.find((v) => cellText(v).trim() !== '') ?? null);
  const year = /（([^（）]+年度)）\s*$/u.exec(title)?.[1];
  return year !== undefined ? parseFiscalYear(year) : undefined;
}

/**
 * 全体計画's rows read back from a master, as the consolidation wrote them: columns found by their header
 * (inserted columns and rows do not matter), a field's column by its 項目 label, 計算 left to be recomputed
 * from the numbers. Rows whose code is not in the 体系 come back flagged. Each row's `source` is 全体計画
 * itself (`file`, the sheet, each field's cell), so a finding on a value read back points at its cell. An
 * error names the sheet when it holds no header row.
 */
export function readMasterRows(
  sheet: SheetSnapshot,
  plan: Plan,
  form: FormDefinition,
  file = '',
): Result<MasterRowsRead, string> {
  const key = (v: CellValue | undefined): string => normalizeKey(cellText(v ?? null));
  const headerRow = sheet.values
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex(
      (row) =>
        row.some((v) => key(v) === normalizeKey(CODE)) &&
        row.some((v) => key(v) === normalizeKey(DEPARTMENT)),
    );
  if (headerRow < 0)
    return err(
      `「${sheet.name}」シートに見出しの行（${CODE}・${DEPARTMENT} …）が見つかりません。集約した全体計画のブックを指定してください。`,
    );
  const header = sheet.values[headerRow] ?? [];
  const col = (label: string): number => header.findIndex((v) => key(v) === normalizeKey(label));
  const [code, department, seq, check] = [col(CODE), col(DEPARTMENT), col(SEQ), col(CHECK)];
  const [fileColumn, sheetColumn] = [col(FILE), col(SHEET)];
  const stored = form.fields.filter((f) => f.kind !== 'computed');
  const fieldColumns = new Map<FieldKey, number>(stored.map((f) => [f.key, col(f.label)]));
  const items = new Map(planItems(plan).map((p) => [p.code, p]));
  const fiscalYear = masterYear(sheet);
  const rows: MasterRow[] = [];
  sheet.values.slice(headerRow + 1).forEach((row, i) => {
    const c = cellText(row[code] ?? null).trim();
    if (c === '') return;
    const dept = cellText(row[department] ?? null).trim();
    const n = seq >= 0 ? Number(cellText(row[seq] ?? null)) || 1 : 1;
    const planItem = items.get(c);
    const checkText = cellText(check >= 0 ? (row[check] ?? null) : null).trim();
    const status = planItem ? statusOf(checkText) : 'flagged';
    // 未提出（届いたシートは空欄）: the file came, its sheet blank — publication says so, not 「提出されていません」.
    const blankSheet =
      status === 'missing' && checkText.includes(BLANK_SHEET_NOTE)
        ? {
            file: cellText(fileColumn >= 0 ? (row[fileColumn] ?? null) : null).trim(),
            sheet: cellText(sheetColumn >= 0 ? (row[sheetColumn] ?? null) : null).trim(),
          }
        : undefined;
    const fields = Object.fromEntries(
      stored.map((f) => {
        const at = fieldColumns.get(f.key) ?? -1;
        return [f.key, at < 0 ? '' : fieldTextOf(f, row[at])];
      }),
    );
    const cells = Object.fromEntries(
      stored.flatMap((f) => {
        const at = fieldColumns.get(f.key) ?? -1;
        return at < 0 ? [] : [[f.key, cellAddress(headerRow + 1 + i, at)]];
      }),
    );
    rows.push({
      code: c,
      ...(planItem && { planItem }),
      department: dept,
      seq: n,
      status,
      source: { file, sheet: sheet.name, cells },
      ...(status !== 'missing' && {
        entry: { code: c, department: dept, seq: n, fiscalYear: fiscalYear ?? 0, fields },
      }),
      ...(blankSheet && { blankSheet }),
      findings: [],
    });
  });
  return ok({
    rows,
    ...(fiscalYear !== undefined && { fiscalYear }),
    missingColumns: stored.filter((f) => (fieldColumns.get(f.key) ?? -1) < 0).map((f) => f.label),
  });
}
