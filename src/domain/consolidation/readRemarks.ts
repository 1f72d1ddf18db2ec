import { cellText, type SheetSnapshot } from '../extract/snapshot';
import { normalizeKey } from '../text/normalizeKey';
import { REMARKS_HEADER, rowKey, SEQ_HEADER } from './buildMasterView';

/**
 * The 備考 column of a previous 全体計画, by entry key, so that what 総務課 typed there survives
 * re-consolidation. Reads by header labels, so inserted columns or rows do not matter.
 */
export function readRemarks(sheet: SheetSnapshot): Map<string, string> {
  const remarks = new Map<string, string>();
  const key = (v: unknown) => normalizeKey(cellText(v as never));
  const headerRow = sheet.values.findIndex(
    (row) =>
      row.some((v) => key(v) === normalizeKey(REMARKS_HEADER)) &&
      row.some((v) => key(v) === normalizeKey('取組項目コード')),
  );
  if (headerRow < 0) return remarks;
  const header = sheet.values[headerRow] ?? [];
  const col = (label: string) => header.findIndex((v) => key(v) === normalizeKey(label));
  const [code, department, seq, remark] = [
    col('取組項目コード'),
    col('実践課'),
    col(SEQ_HEADER),
    col(REMARKS_HEADER),
  ];
  if (code < 0 || department < 0 || remark < 0) return remarks;
  for (const row of sheet.values.slice(headerRow + 1)) {
    const text = cellText(row[remark] ?? null).trim();
    const c = cellText(row[code] ?? null).trim();
    if (text === '' || c === '') continue;
    const n = seq >= 0 ? Number(cellText(row[seq] ?? null)) || 1 : 1;
    remarks.set(rowKey(c, cellText(row[department] ?? null).trim(), n), text);
  }
  return remarks;
}
