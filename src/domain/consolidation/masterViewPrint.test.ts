import { describe, expect, it } from 'vitest';
import { r2Sample } from '../sample/r2';
import { HEADER_ROW, SUBTITLE_ROW } from '../template/buildTableSheet';
import { wrappedLineCount } from '../template/rowHeight';
import type { SheetSpec } from '../template/sheetSpec';
import { FONT_SIZE, SMALL_FONT_SIZE } from '../template/templateStyles';
import { buildMasterView, REMARKS_HEADER } from './buildMasterView';
import { consolidateEntries } from './consolidateEntries';
import type { SourceFile } from './types';

// How the master's table sheets print (issue 13): legible on A4 paper, nothing broken mid-word.
const { plan, entries } = r2Sample();
const OPTIONS = { stamp: '2021-04-20T09:05:00+09:00', fiscalYear: 2020, stage: 'year-end' as const };
const sources: SourceFile[] = plan.departments.map((d, i) => ({
  kind: 'read',
  file: `${d}.xlsx`,
  modified: i,
  entries: entries
    .filter((e) => e.department === d)
    .map((entry) => ({ entry, sheet: `${entry.code} ${d} ${entry.seq}`, cells: { vision: 'C3' } })),
  sheets: entries
    .filter((e) => e.department === d)
    .map((e) => ({ sheet: `${e.code} ${d} ${e.seq}`, kind: 'entry' as const })),
  findings: [],
}));
const view = buildMasterView({
  consolidation: consolidateEntries(plan, sources, OPTIONS),
  title: '町政運営推進プラン',
});
const tables = view.sheets.slice(0, 4);
const [master] = tables as [SheetSpec];

/** A4 landscape width inside the 0.5" margins, in points. */
const PAGE_WIDTH = 841.89 - 72;
/** Points per character of column width: LibreOffice's (measured ≈ 7.06), the wider of it and Excel's (≈ 6). */
const POINTS_PER_CHAR = 7.1;
const cellValues = (sheet: SheetSpec, column: number) =>
  sheet.cells.filter((c) => c.column === column && c.row > HEADER_ROW).map((c) => String(c.value ?? ''));
const headerColumn = (sheet: SheetSpec, header: string) =>
  sheet.cells.find((c) => c.row === HEADER_ROW && c.value === header)?.column ?? -1;

describe('the master view on paper', () => {
  it.each(tables.map((s) => [s.name, s] as const))(
    '%s: every header fits its column on one line (a header with a space may break there)',
    (_name, sheet) => {
      const broken = sheet.cells
        .filter((c) => c.row === HEADER_ROW)
        .flatMap((c) =>
          String(c.value)
            .split(' ')
            .filter((word) => wrappedLineCount(word, sheet.columnWidths[c.column] ?? 0, FONT_SIZE) > 1),
        );
      expect(broken).toEqual([]);
    },
  );

  it.each([
    ['全体計画', '取組項目コード'],
    ['全体計画', '目標の達成'],
    ['全体計画', '実践課'],
    ['集約ログ', '取組項目コード'],
  ])('%s: every %s value fits its column on one line', (name, header) => {
    const sheet = tables.find((s) => s.name === name)!;
    const column = headerColumn(sheet, header);
    const values = cellValues(sheet, column).filter((v) => v !== '');
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((v) => wrappedLineCount(v, sheet.columnWidths[column]!, FONT_SIZE) > 1)).toEqual([]);
  });

  it.each(tables.map((s) => [s.name, s] as const))(
    '%s: printed at 8 pt or more — shrunk to one page only when that keeps its smallest text at 8 pt',
    (_name, sheet) => {
      const print = sheet.print!;
      const area = print.area!;
      const widths = sheet.columnWidths.slice(area.left, area.right + 1).map((w) => w * POINTS_PER_CHAR);
      const scale = print.fitToWidth === 0 ? 1 : Math.min(1, PAGE_WIDTH / widths.reduce((a, b) => a + b, 0));
      expect(scale * SMALL_FONT_SIZE).toBeGreaterThanOrEqual(8);
      // Several pages wide: each page holds the repeated columns and at least the widest other column.
      const repeated = print.titleColumns ? widths.slice(0, print.titleColumns.to + 1) : [];
      expect(repeated.reduce((a, b) => a + b, 0) + Math.max(...widths)).toBeLessThanOrEqual(PAGE_WIDTH);
    },
  );

  it('全体計画 prints at 100 % several pages wide: header row and 取組項目コード on every page, each band of rows across first', () => {
    expect(master.print).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 0,
      titleRows: { from: HEADER_ROW, to: HEADER_ROW },
      titleColumns: { from: 0, to: 0 },
      pageOrder: 'overThenDown',
    });
  });

  it('全体計画 prints up to 備考; where each row came from (提出ファイル, シート) is on screen only', () => {
    const remarks = headerColumn(master, REMARKS_HEADER);
    expect(master.print?.area?.right).toBe(remarks);
    expect(headerColumn(master, '提出ファイル')).toBeGreaterThan(remarks);
    expect(headerColumn(master, 'シート')).toBeGreaterThan(remarks);
    expect(master.columnWidths.length).toBe(headerColumn(master, 'シート') + 1);
  });

  it.each(tables.map((s) => [s.name, s] as const))(
    '%s: 集約日時 reads as 和暦, not ISO text',
    (_name, sheet) => {
      const subtitle = String(sheet.cells.find((c) => c.row === SUBTITLE_ROW)?.value);
      expect(subtitle).toContain('集約日時: 令和3年4月20日 9:05');
      expect(subtitle).not.toContain('2021-04-20T');
    },
  );
});
