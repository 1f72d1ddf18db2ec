import { buildTableSheet } from '../template/buildTableSheet';
import type { CellValue, SheetSpec } from '../template/sheetSpec';
import { departmentLine, nextCodes, type MappingDocument } from './itemMapping';

export const MAPPING_SHEET_NAME = '対応表';

/**
 * The 対応表 as a sheet of next year's master: one row per last year's item (its successor or none), then
 * the new items and the entries left behind, so that 総務課 sees the matching beside the 体系. mapping.json
 * is the editable copy that `--mapping` reads.
 */
export function buildMappingSheet(doc: MappingDocument): SheetSpec {
  const rows: CellValue[][] = [
    ...doc.items.map((i) => [
      i.previous,
      i.previousTitle,
      i.next === null ? null : nextCodes(i.next),
      i.nextTitle,
      i.match ?? '対応なし',
      i.entries,
      null,
    ]),
    ...doc.added.map((a) => [null, null, a.next, a.nextTitle, '新規', 0, null]),
    ...doc.departments.map((d) => [null, d.previous, null, d.next, d.match, null, departmentLine(d)]),
    ...doc.leftBehind.map((l) => [
      l.previous,
      null,
      l.next ?? null,
      null,
      '引き継がない記入',
      1,
      `${l.department}${l.seq > 1 ? ` (${l.seq})` : ''}: ${l.reason}`,
    ]),
  ];
  return buildTableSheet({
    name: MAPPING_SHEET_NAME,
    title: `対応表（${doc.from} → ${doc.to}）`,
    subtitle:
      '前年度の取組項目と今年度の取組項目（課名が変わった課も）の対応。直すときは mapping.json の next を書き換えて rollover --mapping で渡します。',
    columns: [
      { header: '前年度コード', width: 12 },
      { header: '前年度の取組項目', width: 36 },
      { header: '今年度コード', width: 12 },
      { header: '今年度の取組項目', width: 36 },
      { header: '対応', width: 14 },
      { header: '記入', width: 6, kind: 'number' },
      { header: '備考', width: 36 },
    ],
    rows,
    orientation: 'landscape',
  });
}
