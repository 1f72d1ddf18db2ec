import { cellText, type SheetSnapshot } from '../extract/snapshot';
import { parseFiscalYear } from '../fiscal/fiscalYear';
import { buildTableSheet } from '../template/buildTableSheet';
import type { CellValue, SheetSpec } from '../template/sheetSpec';
import { departmentLine, nextCodes, type MappingDocument, type ParsedMapping } from './itemMapping';
import { DEPARTMENT_MATCH_LABELS } from './matchDepartments';

export const MAPPING_SHEET_NAME = '対応表';

const ADDED = '新規';
const LEFT_BEHIND = '引き継がない記入';
const HEADER = '前年度コード';

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
    ...doc.added.map((a) => [null, null, a.next, a.nextTitle, ADDED, 0, null]),
    ...doc.departments.map((d) => [null, d.previous, null, d.next, d.match, null, departmentLine(d, doc.to)]),
    ...doc.leftBehind.map((l) => [
      l.previous,
      null,
      l.next ?? null,
      null,
      LEFT_BEHIND,
      1,
      `${l.department}${l.seq > 1 ? ` (${l.seq})` : ''}: ${l.reason}`,
    ]),
  ];
  return buildTableSheet({
    name: MAPPING_SHEET_NAME,
    title: `対応表（${doc.from} → ${doc.to}）`,
    // The years named: 前年度 is not the year before when a year was skipped (令和2年度 → 令和4年度).
    subtitle: `前年度（${doc.from}）の取組項目と今年度（${doc.to}）の取組項目（課名が変わった課も）の対応。直すときは mapping.json の next を書き換えて rollover --mapping で渡します。`,
    columns: [
      { header: HEADER, width: 12 },
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

/**
 * The item and department matching a 対応表 sheet holds (the one rollover wrote into this year's master,
 * with 総務課's mapping.json edits in it), and the year it maps from: what 推移 aligns that past year by, so
 * history pairs each item as the sheets were carried. A department split (課の分割) is left to be inferred
 * again, item by item. Undefined when the sheet is not a 対応表 this reads.
 */
export function readMappingSheet(
  sheet: SheetSnapshot,
): { readonly from: number; readonly mapping: ParsedMapping } | undefined {
  const text = (row: readonly unknown[] | undefined, column: number): string =>
    cellText((row?.[column] ?? null) as CellValue).trim();
  const title = /（(.+?)\s*→/u.exec(text(sheet.values[0], 0))?.[1];
  const from = title === undefined ? undefined : parseFiscalYear(title);
  const header = sheet.values.findIndex((row) => text(row, 0) === HEADER);
  if (from === undefined || header < 0) return undefined;
  const items = new Map<string, string | readonly string[] | null>();
  const departments = new Map<string, string | null>();
  for (const row of sheet.values.slice(header + 1)) {
    const [previous, previousTitle, next, nextTitle, match] = [0, 1, 2, 3, 4].map((c) => text(row, c)) as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (previous !== '' && match !== LEFT_BEHIND) {
      const codes = next.split('・').filter((c) => c !== '');
      items.set(previous, codes.length === 0 ? null : codes.length === 1 ? codes[0]! : codes);
    } else if (previous === '' && previousTitle !== '' && match !== DEPARTMENT_MATCH_LABELS.split)
      departments.set(previousTitle, nextTitle === '' ? null : nextTitle);
  }
  return { from, mapping: { items, departments } };
}
