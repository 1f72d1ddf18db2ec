import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { consolidate } from '../../src/app/consolidate';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildDepartmentWorkbook } from '../../src/domain/template/buildDepartmentWorkbook';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import type { WorkbookSpec } from '../../src/domain/template/sheetSpec';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { SHEET_FONT } from '../../src/workbook/exceljs/excelStyle';
import { DEFAULT_FONT_SIZE } from '../../src/workbook/excelConventions';
import type { FileWorkbookPort } from '../../src/workbook/port';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/readXlsxSnapshot';
import { SpecWorkbookPort } from '../../src/workbook/xlsx/specWorkbookPort';

/**
 * The spec writer (writeXlsx) must give the same workbook as the ExcelJS adapter: the R2 master view and a
 * department workbook are written both ways, and both files are opened by ExcelJS and compared sheet by
 * sheet — values, styles, merges, sizes, validations, conditional formats, print setup, views, tables.
 */

type Json = unknown;

/** The workbook's default font: the sheet font at the default size. */
const DEFAULT_FONT = { ...SHEET_FONT, size: DEFAULT_FONT_SIZE };

/** What a sheet looks like, as ExcelJS reads it from a file. */
function describeSheet(ws: ExcelJS.Worksheet): Record<string, Json> {
  const cells: Record<string, Json> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const { font, fill, border, alignment, numFmt, protection } = cell.style;
      const value = cell.value;
      const shown =
        value && typeof value === 'object' && 'formula' in value
          ? { formula: value.formula, result: value.result ?? null }
          : value;
      const plain = (o: unknown) =>
        o && Object.keys(o).length > 0 ? JSON.parse(JSON.stringify(o)) : undefined;
      // The workbook's default font (font 0) is the sheet font: a cell showing it has no font of its own.
      const isDefaultFont =
        font !== undefined &&
        Object.keys(font).length === 4 &&
        Object.entries(DEFAULT_FONT).every(([k, v]) => (font as Record<string, unknown>)[k] === v);
      cells[cell.address] = {
        value: (cell.isMerged && cell.master !== cell) || shown === '' ? null : (shown ?? null),
        font: isDefaultFont ? undefined : plain(font),
        fill: fill && fill.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined,
        border: border && border.top ? 'thin' : undefined,
        alignment: plain(alignment),
        numFmt: numFmt && numFmt !== 'General' ? numFmt : undefined,
        locked: protection?.locked === false ? false : undefined,
      };
    }),
  );
  const widths: Json[] = [];
  for (let c = 1; c <= ws.columnCount; c++)
    widths.push([ws.getColumn(c).width ?? null, ws.getColumn(c).hidden]);
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
  });
  const internal = ws as unknown as {
    _merges: Record<string, { range: string }>;
    dataValidations: { model: Record<string, Json> };
    conditionalFormattings: Json[];
    tables: Record<string, { table: Json }>;
  };
  const setup = ws.pageSetup;
  return {
    state: ws.state,
    tabColor: ws.properties.tabColor?.argb,
    cells,
    widths,
    heights,
    merges: Object.values(internal._merges)
      .map((m) => m.range)
      .sort(),
    validations: JSON.parse(JSON.stringify(internal.dataValidations.model)),
    conditional: JSON.parse(JSON.stringify(internal.conditionalFormattings)).map(
      (cf: { ref: string; rules: Record<string, Json>[] }) => ({
        ref: cf.ref,
        rules: cf.rules.map((r) => ({
          type: r.type,
          formulae: r.formulae,
          cfvo: r.cfvo,
          color: r.color,
          fill: (r.style as { fill?: { fgColor?: { argb?: string } } } | undefined)?.fill?.fgColor?.argb,
        })),
      }),
    ),
    page: {
      paperSize: setup.paperSize,
      orientation: setup.orientation,
      fitToPage: setup.fitToPage ?? false,
      fitToWidth: setup.fitToPage ? setup.fitToWidth : undefined,
      printArea: setup.printArea,
      printTitlesRow: setup.printTitlesRow,
      printTitlesColumn: setup.printTitlesColumn,
      pageOrder: setup.pageOrder,
      margins: setup.margins,
      horizontalCentered: setup.horizontalCentered ?? false,
      header: ws.headerFooter.oddHeader,
      footer: ws.headerFooter.oddFooter,
    },
    frozen: (ws.views ?? [])
      .filter((v) => v.state === 'frozen')
      .map((v) => [(v as { xSplit?: number }).xSplit ?? 0, (v as { ySplit?: number }).ySplit ?? 0]),
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    tables: Object.values(internal.tables).map(({ table }) =>
      JSON.parse(JSON.stringify(table, ['name', 'ref', 'columns', 'style', 'theme', 'showRowStripes'])),
    ),
  };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

async function expectSameWorkbooks(viaExcelJs: Uint8Array, viaSpecs: Uint8Array): Promise<number> {
  const [a, b] = [await open(viaExcelJs), await open(viaSpecs)];
  expect(b.worksheets.map((ws) => ws.name)).toEqual(a.worksheets.map((ws) => ws.name));
  for (const ws of a.worksheets)
    expect({ sheet: ws.name, ...describeSheet(b.getWorksheet(ws.name)!) }).toEqual({
      sheet: ws.name,
      ...describeSheet(ws),
    });
  // And the reader used for department files sees the same snapshot in both.
  const [ra, rb] = [await readXlsxSnapshot(viaExcelJs, 'x.xlsx'), await readXlsxSnapshot(viaSpecs, 'x.xlsx')];
  expect(rb).toEqual(ra);
  return a.worksheets.length;
}

const { plan, fiscalYear, entries } = r2Sample();

describe('writing straight from specs gives the workbook the ExcelJS adapter gives', () => {
  let inputs: { file: string; modified: number; bytes: Uint8Array }[] = [];
  beforeAll(async () => {
    const built = await buildDepartmentFiles(excelJsFactory, { plan, fiscalYear, entries });
    inputs = built.map((f, i) => ({ file: f.fileName, modified: i, bytes: f.bytes }));
  });

  it('for the R2 master view (37 report sheets, tables, data bars, print setup)', async () => {
    const template = buildMasterTemplate({ plan, fiscalYear, title: '町政運営推進プラン' });
    const run = async (target: FileWorkbookPort) => {
      await consolidate(plan, inputs, {
        factory: excelJsFactory,
        readSnapshot: readXlsxSnapshot,
        target,
        stage: 'year-end',
        fiscalYear,
        stamp: '2021-04-20T09:00:00+09:00',
        title: '町政運営推進プラン',
      });
      return target.toBuffer();
    };
    const sheets = await expectSameWorkbooks(
      await run(await excelJsFactory.create(template)),
      await run(await SpecWorkbookPort.create(template)),
    );
    expect(sheets).toBe(2 + 4 + 37 - 1); // 体系 + 全体計画, 提出状況/達成状況/集約ログ, 37 report sheets (全体計画 counted once)
  });

  it('for a department workbook (validations, blank-cell rules, protection, hidden metadata, links)', async () => {
    const spec: WorkbookSpec = buildDepartmentWorkbook({
      plan,
      fiscalYear,
      department: '総務課',
      entries: entries.filter((e) => e.department === '総務課'),
    });
    await expectSameWorkbooks(
      await (await excelJsFactory.create(spec)).toBuffer(),
      await (await SpecWorkbookPort.create(spec)).toBuffer(),
    );
  });
});
