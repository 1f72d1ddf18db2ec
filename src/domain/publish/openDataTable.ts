import { basicLabel, fullItemLabel, promotionLabel } from '../plan/planItems';
import {
  publishedDepartment,
  PUBLISH_STATUS_LABELS,
  type PublishDocument,
  type PublishedValue,
} from './publishDocument';

/** The columns before the fields: where the entry sits in the 体系, its code and department, its 番号. */
export const OPEN_DATA_LEADING = [
  '年度',
  '基本項目',
  '推進項目',
  '取組項目コード',
  '取組項目',
  '実践課',
  '番号',
];
export const OPEN_DATA_STATUS = '提出状況';

/**
 * The open data as one table, as 総務省's rules for machine-readable data ask: one header row, one row per
 * entry, one value per cell (the code, the 集計 field and 提出状況 each a column of their own), 年度 as the
 * Gregorian year it starts in, numbers as numbers (計算 a fraction: 85% is 0.85), dates as ISO.
 */
export interface OpenDataTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly PublishedValue[])[];
}

/** Column headers: a field's label, or label（key） where it would repeat a header before it. */
function headers(doc: PublishDocument): string[] {
  const taken = new Set([...OPEN_DATA_LEADING, OPEN_DATA_STATUS]);
  const fieldHeaders = doc.fields.map((f) => {
    const header = taken.has(f.label) ? `${f.label}（${f.key}）` : f.label;
    taken.add(header);
    return header;
  });
  return [...OPEN_DATA_LEADING, ...fieldHeaders, OPEN_DATA_STATUS];
}

export function openDataTable(doc: PublishDocument): OpenDataTable {
  return {
    header: headers(doc),
    rows: doc.entries.map((e) => [
      doc.fiscalYear,
      basicLabel(e.planItem.basic),
      promotionLabel(e.planItem.promotion),
      e.planItem.code,
      fullItemLabel(e.planItem),
      publishedDepartment(e),
      e.seq,
      ...doc.fields.map((f) => e.values[f.key] ?? ''),
      PUBLISH_STATUS_LABELS[e.status],
    ]),
  };
}
