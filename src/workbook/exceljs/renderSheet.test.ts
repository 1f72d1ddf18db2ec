import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { range, type SheetSpec } from '../../domain/template/sheetSpec';
import { contractSheet, contractWorkbook } from '../contract/portCases';
import { excelJsFactory } from './excelJsFactory';
import { SHEET_FONT } from './excelStyle';
import { internals } from './internals';
import { reopen, sheetOf, sheetXml } from '../../../tests/helpers/reopen';

const ACHIEVEMENTS = ['達成できた', '一部達成できた', '達成できなかった'];

const ENTRY: SheetSpec = contractSheet('I-1-1-1 総務課', {
  styles: {
    label: { bold: true, fill: '#DDEBF7', border: true, horizontal: 'center', vertical: 'middle' },
    input: { wrap: true, locked: false, numberFormat: '@', vertical: 'top', border: true },
    title: { fontSize: 14, bold: true, color: '#1F4E79', underline: true },
  },
  cells: [
    { row: 0, column: 0, value: '取組項目シート', style: 'title' },
    { row: 1, column: 0, value: '目指す姿', style: 'label' },
    { row: 1, column: 1, value: '=A1 と書いても文字のまま', style: 'input' },
    { row: 2, column: 0, value: '目標の達成', style: 'label' },
    { row: 2, column: 1, style: 'input' },
    { row: 3, column: 0, formula: 'IF(B3="","未記入","")' },
    { row: 4, column: 0, value: '目次へ', link: { sheet: '目次', cell: 'B2' } },
    { row: 6, column: 0, value: '課' },
    { row: 6, column: 1, value: '件数' },
    { row: 7, column: 0, value: '総務課' },
    { row: 7, column: 1, value: 3 },
    { row: 0, column: 5, value: 'suishin:entry;v=1' },
  ],
  merges: [range(1, 1, 1, 3), range(2, 1, 2, 3)],
  columnWidths: [14, 30, 10, 10],
  rowHeights: { 1: 90 },
  hiddenColumns: [5],
  validations: [
    {
      kind: 'list',
      range: range(2, 1),
      values: ACHIEVEMENTS,
      allowBlank: true,
      prompt: { title: '目標の達成', message: '一覧から選んでください。' },
      error: { style: 'stop', title: '入力できません', message: '一覧の 3 つから選んでください。' },
    },
    {
      kind: 'textLength',
      range: range(1, 1, 1, 3),
      max: 600,
      error: { style: 'warning', title: '長すぎます', message: '600 字以内にまとめてください。' },
    },
  ],
  conditionalFormats: [
    { kind: 'blank', range: range(2, 1, 2, 3), fill: '#FFF2CC' },
    { kind: 'dataBar', range: range(7, 1, 8, 1), color: '#5B9BD5' },
  ],
  protect: true,
  print: {
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: 1,
    area: range(0, 0, 20, 3),
    titleRows: { from: 0, to: 1 },
    header: '&L令和2年度&C取組項目&R総務課',
    footer: '&P / &N ページ',
    margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
  },
  frozen: { rows: 2, columns: 1 },
  tables: [{ name: 'Counts', range: range(6, 0, 7, 1), style: 'TableStyleLight9' }],
  tabColor: '#70AD47',
});

let bytes: Uint8Array;
let ws: ExcelJS.Worksheet;
let xml: string;

beforeAll(async () => {
  const port = await excelJsFactory.create(contractWorkbook(contractSheet('目次'), ENTRY));
  bytes = await port.toBuffer();
  ws = sheetOf(await reopen(bytes), ENTRY.name);
  xml = await sheetXml(bytes, ENTRY.name);
});

describe('renderSheet, as saved and re-opened with ExcelJS', () => {
  it('stores =-leading text as a string, not a formula', () => {
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe('=A1 と書いても文字のまま');
    expect(xml).not.toContain('<f>A1');
  });

  it('writes formulas without the leading =', () => {
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.Formula);
    expect(ws.getCell('A4').formula).toBe('IF(B3="","未記入","")');
  });

  it('writes an internal link as a HYPERLINK formula whose cached result is the text', () => {
    expect(ws.getCell('A5').value).toEqual({ formula: `HYPERLINK("#'目次'!B2","目次へ")`, result: '目次へ' });
    expect(xml).not.toContain('<hyperlink ');
  });

  it('keeps exactly one validation rule per range', () => {
    const rules = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(rules.sort()).toEqual(['B2:D2', 'B3']);
    const model = internals(ws).dataValidations.model;
    expect(model['B3']).toMatchObject({
      type: 'list',
      allowBlank: true,
      formulae: [`"${ACHIEVEMENTS.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '入力できません',
      showInputMessage: true,
      promptTitle: '目標の達成',
      prompt: '一覧から選んでください。',
    });
    expect(model['C2']).toMatchObject({
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [600],
      errorStyle: 'warning',
    });
    expect(model['B4']).toBeUndefined();
  });

  it('protects the sheet without a password, with input cells unlocked', () => {
    expect(xml).toMatch(/<sheetProtection sheet="1" formatRows="0"\/>/);
    expect(ws.getCell('B3').protection).toMatchObject({ locked: false });
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
  });

  it('keeps the print setup', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:D21',
      printTitlesRow: '1:2',
      horizontalCentered: true,
      margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4, header: 0.3, footer: 0.3 },
    });
  });

  it('keeps the header and footer', () => {
    expect(ws.headerFooter).toMatchObject({
      oddHeader: '&L令和2年度&C取組項目&R総務課',
      oddFooter: '&P / &N ページ',
    });
  });

  it('keeps merges, column widths, row heights and the hidden metadata column', () => {
    expect(internals(ws)._merges['B2']).toMatchObject({ top: 2, left: 2, bottom: 2, right: 4 });
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(2).height).toBe(90);
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getColumn(5).hidden).toBe(false);
  });

  it('gives every written cell and column the Japanese sheet font', () => {
    expect(ws.getCell('A1').font).toMatchObject({
      ...SHEET_FONT,
      size: 14,
      bold: true,
      underline: true,
      color: { argb: 'FF1F4E79' },
    });
    expect(ws.getCell('B7').font).toMatchObject({ ...SHEET_FONT, size: 11 });
    expect(ws.getColumn(3).font).toMatchObject(SHEET_FONT);
  });

  it('styles the cells a merge covers like its top-left cell', () => {
    expect(ws.getCell('D2').border).toEqual(ws.getCell('B2').border);
    expect(ws.getCell('D2').protection).toMatchObject({ locked: false });
  });

  it('maps named styles to fills, borders, alignment and number formats', () => {
    expect(ws.getCell('A2').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFDDEBF7' },
    });
    expect(ws.getCell('A2').border?.left).toMatchObject({ style: 'thin' });
    expect(ws.getCell('A2').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(ws.getCell('B2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('B2').numFmt).toBe('@');
  });

  it('writes the blank rule as an expression relative to the range and the data bar in the range colour', () => {
    expect(xml).toMatch(
      /<conditionalFormatting sqref="B3:D3"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>LEN\(TRIM\(B3\)\)=0<\/formula>/,
    );
    expect(xml).toMatch(
      /<conditionalFormatting sqref="B8:B9"><cfRule type="dataBar"[^>]*><dataBar><cfvo type="min"\/><cfvo type="max"\/><color rgb="FF5B9BD5"\/>/,
    );
  });

  it('freezes panes, colours the tab and adds the table over the written cells', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF70AD47' });
    expect(xml).toContain('<tableParts count="1">');
    expect(ws.getCell('A7').value).toBe('課');
    expect(ws.getCell('B8').value).toBe(3);
  });
});

describe('renderSheet limits', () => {
  it.each([
    ['a sheet name over 31 characters', contractSheet('あ'.repeat(32))],
    ['a sheet name with a colon', contractSheet('総務課:1')],
    ['an undefined style', contractSheet('A', { cells: [{ row: 0, column: 0, value: 1, style: 'nope' }] })],
    ['a colour that is not #RRGGBB', contractSheet('A', { tabColor: 'red' })],
    [
      'a prompt longer than Excel allows',
      contractSheet('A', {
        validations: [
          {
            kind: 'textLength',
            range: range(0, 0),
            max: 10,
            prompt: { title: 't', message: 'あ'.repeat(256) },
            error: { style: 'stop', title: 't', message: 'm' },
          },
        ],
      }),
    ],
    [
      'a table without data rows',
      contractSheet('A', { tables: [{ name: 'T', range: range(0, 0, 0, 1), style: 'TableStyleLight9' }] }),
    ],
  ])('refuses %s (a bug in the spec builder)', async (_, spec) => {
    const port = await excelJsFactory.create();
    await expect(port.writeSheets([spec])).rejects.toThrow(/Invariant failed/);
  });
});
