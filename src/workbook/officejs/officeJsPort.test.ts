import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectiveFormat } from '../../../tests/officejs/fake/document';
import { parseA1 } from '../../../tests/officejs/fake/a1';
import { r2Sample } from '../../domain/sample/r2';
import { buildDepartmentWorkbook } from '../../domain/template/buildDepartmentWorkbook';
import { buildTableSheet } from '../../domain/template/buildTableSheet';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import { MARK_FILLS } from '../markFills';
import { OfficeOperationError } from './officeErrors';
import { OfficeJsPort } from './officeJsPort';
import { REQUEST_LIMIT_BYTES } from './payload';
import { installFresh, type InstalledFake } from '../../../tests/officejs/testPort';
import { columnWidthPoints, inchesToPoints } from './units';

let fake: InstalledFake;
beforeEach(() => {
  fake = installFresh();
});
afterEach(() => fake.uninstall());

const sample = r2Sample();
const department = sample.plan.departments[0] ?? '';
const workbook = buildDepartmentWorkbook({
  plan: sample.plan,
  department,
  fiscalYear: sample.fiscalYear,
  entries: sample.entries,
});
const [toc, entry] = workbook.sheets as [SheetSpec, SheetSpec];
const format = (sheet: string, address: string, path: string) => {
  const { top, left } = parseA1(address);
  return effectiveFormat(fake.sheet(sheet), top, left, path);
};
const cellOf = (r: { top: number; left: number }) => `${String.fromCharCode(65 + r.left)}${r.top + 1}`;

describe('rendering a 取組項目 sheet', () => {
  beforeEach(async () => {
    await new OfficeJsPort().writeSheets([toc, entry]);
  });

  it('writes text as text (format @ first), formulas and links as formulas', () => {
    for (const cell of entry.cells.filter((c) => typeof c.value === 'string' && c.value !== '')) {
      const address = cellOf({ top: cell.row, left: cell.column });
      const covered = entry.merges.some(
        (m) =>
          cell.row >= m.top &&
          cell.row <= m.bottom &&
          cell.column >= m.left &&
          cell.column <= m.right &&
          (cell.row !== m.top || cell.column !== m.left),
      );
      if (covered) continue;
      expect(fake.value(entry.name, address)).toBe(cell.value);
      expect(format(entry.name, address, 'numberFormat')).toBe('@');
    }
    const link = toc.cells.find((c) => c.link);
    expect(fake.formula(toc.name, cellOf({ top: link?.row ?? 0, left: link?.column ?? 0 }))).toMatch(
      /^=HYPERLINK\("#'/,
    );
    expect(fake.value(toc.name, cellOf({ top: link?.row ?? 0, left: link?.column ?? 0 }))).toBe(link?.value);
    const formula = toc.cells.find((c) => c.formula);
    expect(fake.formula(toc.name, cellOf({ top: formula?.row ?? 0, left: formula?.column ?? 0 }))).toBe(
      `=${formula?.formula}`,
    );
  });

  it('merges, validates, formats conditionally and protects with the inputs open', () => {
    const sheet = fake.sheet(entry.name);
    expect(sheet.merges).toEqual(entry.merges);
    expect(sheet.validations.map((v) => v.rect)).toEqual(entry.validations.map((v) => v.range));
    const list = entry.validations.find((v) => v.kind === 'list');
    expect(sheet.validations.find((v) => v.rect.top === list?.range.top)?.props.rule).toEqual({
      list: { inCellDropDown: true, source: list?.kind === 'list' ? list.values.join(',') : '' },
    });
    expect(sheet.conditionalFormats.map((cf) => cf.props['custom.rule.formula'])).toEqual(
      entry.conditionalFormats.map((cf) => `=LEN(TRIM(${cellOf(cf.range)}))=0`),
    );
    expect(sheet.protection).toMatchObject({
      protected: true,
      options: { allowFormatRows: true, allowFormatCells: false },
    });
    const input = entry.validations[0]?.range ?? { top: 0, left: 0 };
    expect(format(entry.name, cellOf(input), 'protection.locked')).toBe(false);
    expect(format(entry.name, 'A1', 'protection.locked')).toBe(true);
  });

  it('sizes columns and rows, hides the metadata column, and sets fonts and borders', () => {
    const sheet = fake.sheet(entry.name);
    expect([...Array(entry.columnWidths.length).keys()].map((c) => sheet.columnWidths.get(c))).toEqual(
      entry.columnWidths.map(columnWidthPoints),
    );
    expect([...sheet.hiddenColumns]).toEqual([...(entry.hiddenColumns ?? [])]);
    // The rows that grow with their text (autoHeightRows) keep Excel's automatic height.
    const auto = new Set(entry.autoHeightRows);
    expect(auto.size).toBeGreaterThan(0);
    expect(Object.fromEntries(sheet.rowHeights)).toEqual(
      Object.fromEntries(
        Object.entries(entry.rowHeights)
          .map(([r, h]) => [Number(r), h] as const)
          .filter(([r]) => !auto.has(r)),
      ),
    );
    expect(format(entry.name, 'E40', 'font.name')).toBe('ＭＳ Ｐゴシック');
    const label = entry.cells.find((c) => c.style === 'label') ?? { row: 0, column: 0 };
    expect(format(entry.name, cellOf({ top: label.row, left: label.column }), 'font.bold')).toBe(true);
    expect(format(entry.name, cellOf({ top: label.row, left: label.column }), 'fill.color')).toBe('#DDEBF7');
    expect(format(entry.name, cellOf({ top: label.row, left: label.column }), 'borders.EdgeTop.style')).toBe(
      'Continuous',
    );
  });

  it('sets up printing: A4, fit to one page wide, area, margins, centred, header and footer sections', () => {
    const print = entry.print;
    expect(fake.sheet(entry.name).pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: `A1:D${(print?.area?.bottom ?? 0) + 1}`,
      leftMargin: inchesToPoints(0.5),
      topMargin: inchesToPoints(0.75),
      centerHorizontally: true,
      'headersFooters.defaultForAllPages.leftHeader': entry.print?.header?.match(/^&L(.*)&R/)?.[1],
      'headersFooters.defaultForAllPages.centerFooter': '&P / &N',
    });
    expect(fake.sheet(toc.name).pageLayout.printTitleRows).toBe('$3:$3');
    expect(fake.sheet(toc.name).freeze).toEqual({ rows: 3, columns: 0 });
  });
});

describe('rendering a sheet fitted to one page tall (a rolled-over sheet, 前年度 not printed)', () => {
  it('sets verticalFitToPages as well as horizontalFitToPages', async () => {
    const fitted: SheetSpec = { ...entry, name: '引継ぎ', print: { ...entry.print!, fitToHeight: 1 } };
    await new OfficeJsPort().writeSheets([fitted]);
    expect(fake.sheet('引継ぎ').pageLayout).toMatchObject({
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    });
  });
});

describe('rendering a report table', () => {
  it('makes an Excel table with its style, a data bar, a tab colour and frozen headers', async () => {
    const spec = buildTableSheet({
      name: '達成状況',
      title: '目標の達成状況',
      columns: [
        { header: '項目', width: 20 },
        { header: '', width: 8, kind: 'number', dataBar: '#5B9BD5' },
        { header: '項目', width: 8, kind: 'percent' },
      ],
      rows: [
        ['全体', 3, 0.5],
        ['総務課', 1, 1],
      ],
      tableName: 'Achievement',
      tabColor: '#BF9000',
    });
    await new OfficeJsPort().writeSheets([spec]);
    const sheet = fake.sheet('達成状況');
    expect(sheet.tables).toMatchObject([
      {
        name: 'Achievement',
        rect: { top: 2, left: 0, bottom: 4, right: 2 },
        props: { style: 'TableStyleLight9' },
      },
    ]);
    expect(['A3', 'B3', 'C3'].map((a) => fake.value('達成状況', a))).toEqual(['項目', '列2', '項目2']); // as the ExcelJS adapter names them
    expect(sheet.conditionalFormats).toMatchObject([
      { type: 'DataBar', props: { 'dataBar.positiveFormat.fillColor': '#5B9BD5' } },
    ]);
    expect(sheet.tabColor).toBe('#BF9000');
    expect(sheet.freeze).toEqual({ rows: 3, columns: 0 });
    expect([
      fake.value('達成状況', 'B4'),
      format('達成状況', 'B4', 'numberFormat'),
      format('達成状況', 'C4', 'numberFormat'),
    ]).toEqual([3, '0', '0.0%']);
  });
});

describe('marks on protected forms', () => {
  it('marks a whole merged input, lifting and restoring the sheet’s protection in the same sync', async () => {
    const port = new OfficeJsPort();
    await port.writeSheets([entry]);
    const input = entry.merges.find((m) =>
      entry.validations.some(
        (v) =>
          v.range.top === m.top && v.range.left === m.left && v.range.right === m.right && m.right > m.left,
      ),
    ) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    fake.resetStats();
    await port.markCells([{ sheet: entry.name, cell: cellOf(input), severity: 'warning' }]);
    expect(fake.stats.syncs).toBe(3); // sheets, merged areas, then old fills read + new fills written
    for (let c = input.left; c <= input.right; c += 1)
      expect(fake.fill(entry.name, cellOf({ top: input.top, left: c }))).toBe(MARK_FILLS.warning);
    expect(fake.sheet(entry.name).protection).toMatchObject({
      protected: true,
      options: { allowFormatRows: true },
    });
    await port.clearMarks();
    expect(fake.fill(entry.name, cellOf(input))).toBeNull();
    expect(fake.sheet(entry.name).protection.protected).toBe(true);
  });
});

describe('requests stay under Excel on the web’s 5 MB', () => {
  const longText = (i: number) => `${i}：${'町政運営推進プランの取組を記入した長い文章です。'.repeat(8)}`;
  const huge: SheetSpec = {
    name: '大きな表',
    cells: Array.from({ length: 4000 * 5 }, (_, i) => ({
      row: Math.floor(i / 5),
      column: i % 5,
      value: longText(i),
    })),
    styles: {},
    merges: [],
    columnWidths: [],
    rowHeights: {},
    validations: [],
    conditionalFormats: [],
    protect: false,
  };

  it('splits one sheet too large for a request into row blocks over several syncs', async () => {
    const port = new OfficeJsPort();
    await port.writeSheets([huge]);
    expect(port.lastWriteChunks).toBeGreaterThanOrEqual(3);
    expect(Math.max(...fake.stats.requestBytes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(fake.value('大きな表', 'E4000')).toBe(longText(19_999));
  });

  it('reads a workbook too large for one response in blocks of rows, with the same result', async () => {
    const port = new OfficeJsPort();
    await port.writeSheets([huge]);
    fake.limits.responseBytes = 50 * 1024 * 1024;
    const whole = await port.readSnapshot(['大きな表']);
    fake.limits.responseBytes = 5 * 1024 * 1024;
    fake.resetStats();
    const inBlocks = await port.readSnapshot(['大きな表']);
    expect(inBlocks).toEqual(whole);
    // The optimistic read and each too-large block were refused; every block read since fit in a response.
    expect(fake.stats.syncs).toBeGreaterThan(3);
    expect(fake.stats.responseBytes.filter((b) => b <= REQUEST_LIMIT_BYTES).length).toBeGreaterThan(3);
  });
});

describe('errors', () => {
  it.each([
    ['InvalidOperationInCellEditMode', 'セルの編集を終えてから'],
    ['AccessDenied', 'シートの保護を解除してから'],
    ['ApiNotFound', 'この Excel では使えない機能です。Microsoft 365 の Excel で開いてください。'],
    ['RequestPayloadSizeLimitExceeded', 'データが大きすぎて'],
    ['GeneralException', 'Excel の操作に失敗しました（GeneralException）'],
  ])('rethrows %s as an OfficeOperationError with a Japanese message', async (code, message) => {
    fake.failNextSync(code);
    const error = await new OfficeJsPort().writeSheets([entry]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeOperationError);
    expect(error).toMatchObject({ code, message: expect.stringContaining(message) });
    expect((error as Error).cause).toMatchObject({ code, name: 'RichApi.Error' });
  });

  it('waits for the user to leave cell edit mode instead of failing', async () => {
    fake.setCellEditMode(true);
    await expect(new OfficeJsPort().listSheets()).resolves.toEqual([
      { name: 'Sheet1', visibility: 'visible' },
    ]);
  });

  it('refuses to run on Excel older than ExcelApi 1.8, before calling Excel', async () => {
    fake.setExcelApi('1.7');
    await expect(new OfficeJsPort().listSheets()).rejects.toMatchObject({
      name: 'OfficeOperationError',
      code: 'ApiNotFound',
    });
    expect(fake.stats.runs).toBe(0);
  });

  it('lets a broken invariant (a bug in a spec) through unchanged', async () => {
    const error = await new OfficeJsPort().writeSheets([{ ...entry, name: 'a/b' }]).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(OfficeOperationError);
    expect(String(error)).toContain('invalid sheet name');
  });
});
