import { describe, expect, it } from 'vitest';
import { range } from '../../domain/template/sheetSpec';
import { contractSheet, contractWorkbook } from '../contract/portCases';
import { MARK_FILLS } from '../markFills';
import { excelJsFactory } from './excelJsFactory';
import { fillOfCell, reopen, sheetOf, sheetXml, zipParts } from '../../../tests/helpers/reopen';

const activeTabOf = async (bytes: Uint8Array): Promise<string | undefined> =>
  /activeTab="(\d+)"/.exec((await zipParts(bytes)).get('xl/workbook.xml') ?? '')?.[1];

describe('ExcelJsPort.selectCell', () => {
  it('makes the file open on that sheet with that cell selected, as the only selected tab', async () => {
    const port = await excelJsFactory.create(
      contractWorkbook(contractSheet('目次'), contractSheet('A'), contractSheet('B')),
    );
    await port.selectCell('B', '$c$5');
    const bytes = await port.toBuffer();
    expect(await activeTabOf(bytes)).toBe('2');
    expect(await sheetXml(bytes, 'B')).toMatch(
      /<sheetView [^>]*tabSelected="1"[^>]*><selection activeCell="C5" sqref="C5"\/>/,
    );
    expect(await sheetXml(bytes, '目次')).not.toContain('tabSelected="1"');
  });

  it('selects within the scrolling pane of a sheet with frozen panes', async () => {
    const port = await excelJsFactory.create(
      contractWorkbook(contractSheet('A', { frozen: { rows: 2, columns: 0 } })),
    );
    await port.selectCell('A', 'B7');
    expect(await sheetXml(await port.toBuffer(), 'A')).toContain(
      '<selection pane="bottomLeft" activeCell="B7" sqref="B7"/>',
    );
  });

  it('does not open the file on a hidden sheet', async () => {
    const port = await excelJsFactory.create(
      contractWorkbook(
        contractSheet('メタ', { visibility: 'veryHidden' }),
        contractSheet('表紙'),
        contractSheet('A'),
      ),
    );
    await port.selectCell('メタ', 'A1');
    expect(await activeTabOf(await port.toBuffer())).toBe('1');
  });

  it('moves the active tab off a sheet that became hidden, keeping one selected tab', async () => {
    const port = await excelJsFactory.create(contractWorkbook(contractSheet('A'), contractSheet('B')));
    await port.selectCell('A', 'A1');
    await port.writeSheets([contractSheet('A', { visibility: 'hidden' })]);
    const bytes = await port.toBuffer();
    expect(await activeTabOf(bytes)).toBe('1');
    expect(await sheetXml(bytes, 'A')).not.toContain('tabSelected="1"');
    expect(await sheetXml(bytes, 'B')).toContain('tabSelected="1"');
  });

  it('refuses to save a workbook with no visible sheet (Excel cannot open one)', async () => {
    const port = await excelJsFactory.create(
      contractWorkbook(contractSheet('A', { visibility: 'veryHidden' })),
    );
    await expect(port.toBuffer()).rejects.toThrow(/at least one visible sheet/);
  });
});

describe('ExcelJsPort.markCells', () => {
  it('marks a merged area through its top-left cell and restores it', async () => {
    const spec = contractSheet('A', {
      styles: { box: { border: true } },
      cells: [{ row: 0, column: 0, value: '結合', style: 'box' }],
      merges: [range(0, 0, 1, 2)],
    });
    const port = await excelJsFactory.create(contractWorkbook(spec));
    await port.markCells([{ sheet: 'A', cell: 'B2', severity: 'info' }]);
    const marked = sheetOf(await reopen(await port.toBuffer()), 'A');
    expect(fillOfCell(marked.getCell('A1'))).toBe(MARK_FILLS.info);
    expect(marked.getCell('A1').border?.top).toMatchObject({ style: 'thin' });
    await port.clearMarks();
    const cleared = sheetOf(await reopen(await port.toBuffer()), 'A');
    expect(fillOfCell(cleared.getCell('A1'))).toBeNull();
    expect(cleared.getCell('A1').border?.top).toMatchObject({ style: 'thin' });
  });

  it('leaves other cells sharing the same named style unmarked', async () => {
    const spec = contractSheet('A', {
      styles: { input: { locked: false } },
      cells: [
        { row: 0, column: 0, value: 'x', style: 'input' },
        { row: 1, column: 0, value: 'y', style: 'input' },
      ],
    });
    const port = await excelJsFactory.create(contractWorkbook(spec));
    await port.markCells([{ sheet: 'A', cell: 'A1', severity: 'error' }]);
    const ws = sheetOf(await reopen(await port.toBuffer()), 'A');
    expect([fillOfCell(ws.getCell('A1')), fillOfCell(ws.getCell('A2'))]).toEqual([MARK_FILLS.error, null]);
  });
});

describe('ExcelJsPort.writeSheets', () => {
  it('reports progress with Japanese labels naming each sheet', async () => {
    const port = await excelJsFactory.create();
    const labels: string[] = [];
    await port.writeSheets([contractSheet('表紙'), contractSheet('I-1-1-1 総務課')], (p) =>
      labels.push(p.label),
    );
    expect(labels).toEqual(['シート「表紙」を書き込みました', 'シート「I-1-1-1 総務課」を書き込みました']);
  });

  it('saves a replaced sheet at its old position in workbook.xml', async () => {
    const port = await excelJsFactory.create(
      contractWorkbook(contractSheet('A'), contractSheet('B'), contractSheet('C')),
    );
    await port.writeSheets([contractSheet('a', { cells: [{ row: 0, column: 0, value: '新' }] })]);
    const workbookXml = (await zipParts(await port.toBuffer())).get('xl/workbook.xml') ?? '';
    expect([...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'a',
      'B',
      'C',
    ]);
  });
});

async function reopenedPort(bytes: Uint8Array) {
  const opened = await excelJsFactory.open(bytes, 'c.xlsx');
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('ExcelJsPort.toBuffer', () => {
  it('escapes text only in the saved file: it reads back the same in memory, saved, and saved again', async () => {
    const text = '_x0041_ は A ではない\u0007';
    const port = await excelJsFactory.create(
      contractWorkbook(
        contractSheet('目次', {
          cells: [{ row: 0, column: 0, value: text }],
          merges: [{ top: 0, left: 0, bottom: 1, right: 2 }], // an input is a merged area
        }),
      ),
    );
    const readBack = async (p: typeof port) => (await p.readSnapshot()).sheets[0]!.values[0]![0];
    expect(await readBack(port)).toBe(text);
    const reopened = await excelJsFactory.open(await port.toBuffer(), 'a.xlsx');
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(await readBack(port)).toBe(text);
    expect(await readBack(reopened.value)).toBe(text);
    expect(await readBack(port)).toBe(text); // saving twice escapes once each time
    expect(await readBack(await reopenedPort(await port.toBuffer()))).toBe(text);
    // A file that was loaded (ExcelJS decoded its escapes) is escaped again when it is saved.
    const again = await excelJsFactory.open(await reopened.value.toBuffer(), 'b.xlsx');
    if (!again.ok) throw new Error(again.error.message);
    expect(await readBack(again.value)).toBe(text);
  });
});
