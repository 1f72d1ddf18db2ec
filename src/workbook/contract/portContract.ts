import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../domain/extract/snapshot';
import type { CellValue, SheetSpec, WorkbookSpec } from '../../domain/template/sheetSpec';
import { MARK_FILLS } from '../markFills';
import type { WorkbookPort } from '../port';

/**
 * What every WorkbookPort adapter must do, tested only through the interface. Run it with a factory that
 * makes a port holding the given spec (a fresh workbook when omitted):
 *
 *   describeWorkbookPortContract('ExcelJS', (spec) => excelJsFactory.create(spec));
 *
 * Agreed representation (both adapters): values 0-based from A1, rows may be ragged; empty cells and empty
 * text read as `null`; line breaks read as `\n`; cells covered by a merge (not its top-left) read as `null`; a formula cell reads as its cached
 * result (`null` until Excel computed it) and is listed in `formulaCells`; a link cell reads as its text.
 * Unknown sheet names are ignored by every method.
 */
export interface PortContractOptions {
  /** The fill of a cell as `#RRGGBB` (null when none), if the adapter can show it: checks mark/restore. */
  readonly fillOf?: (port: WorkbookPort, sheet: string, cell: string) => Promise<string | null>;
}

export const contractSheet = (name: string, overrides: Partial<SheetSpec> = {}): SheetSpec => ({
  name,
  cells: [],
  styles: {},
  merges: [],
  columnWidths: [],
  rowHeights: {},
  validations: [],
  conditionalFormats: [],
  protect: false,
  ...overrides,
});

export const contractWorkbook = (...sheets: SheetSpec[]): WorkbookSpec => ({
  sheets,
  properties: { title: '契約テスト', creator: '総務課', company: '町' },
});

/** Line breaks are `\n` in Excel; a `\r\n` written reads back as `\n` (as does one typed in Excel's XML as `_x000D_`). */
const TEXT_WITH_CRLF = '一行目\r\n二行目\r三行目';

const at = (snapshot: WorkbookSnapshot, sheet: string, row: number, column: number): CellValue =>
  snapshot.sheets.find((s) => s.name === sheet)?.values[row]?.[column] ?? null;

const names = async (port: WorkbookPort): Promise<string[]> => (await port.listSheets()).map((s) => s.name);

/** Text that must come back exactly as written, never as a formula or a number. */
const TEXTS: readonly (readonly [string, string])[] = [
  ['multi-line Japanese', '目指す姿\n　全角スペースと改行を含む文章です。\n三行目'],
  ['text that looks like a formula', '=SUM(A1:A3)'],
  ['text starting with +', '+81 0155-00-0000'],
  ['text starting with -', '-（なし）'],
  ['text starting with @', '@総務課'],
  ['digits as text', '0012'],
  ['emoji and rare kanji', '髙橋 𠮷野 😀'],
  ['text that looks like an XML escape, and a control character', '_x0041_ は A ではない\u0007'],
];
const NUMBERS: readonly number[] = [0, 42, -3.5, 1234567.125];

const FORM = contractSheet('I-1-1-1 総務課', {
  styles: { label: { bold: true, border: true, fill: '#DDEBF7' }, input: { wrap: true, locked: false } },
  cells: [
    ...TEXTS.map(([, value], i) => ({ row: i, column: 0, value, style: 'input' })),
    ...NUMBERS.map((value, i) => ({ row: i, column: 1, value })),
    { row: 0, column: 2, value: true },
    { row: 0, column: 3, value: '' },
    { row: 1, column: 3, value: TEXT_WITH_CRLF },
    { row: 8, column: 0, value: '結合した見出し', style: 'label' },
    { row: 9, column: 0, formula: 'IF(A1="","未記入","記入済")' },
    { row: 10, column: 0, value: '目次へ', link: { sheet: '目次', cell: 'A1' } },
  ],
  merges: [{ top: 8, left: 0, bottom: 8, right: 3 }],
  protect: true,
});

export function describeWorkbookPortContract(
  name: string,
  makePort: (spec?: WorkbookSpec) => Promise<WorkbookPort>,
  options: PortContractOptions = {},
): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    describe('reading back what was written', () => {
      it.each(TEXTS)('keeps %s as the exact text', async (_, text) => {
        const port = await makePort(contractWorkbook(contractSheet('目次'), FORM));
        const row = TEXTS.findIndex(([, t]) => t === text);
        expect(at(await port.readSnapshot(), FORM.name, row, 0)).toBe(text);
      });

      it('keeps numbers and booleans as such', async () => {
        const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot();
        expect(NUMBERS.map((_, i) => at(snapshot, FORM.name, i, 1))).toEqual(NUMBERS);
        expect(at(snapshot, FORM.name, 0, 2)).toBe(true);
      });

      it('reads empty text as an empty cell', async () => {
        const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot();
        expect(at(snapshot, FORM.name, 0, 3)).toBeNull();
      });

      it('reads line breaks as \\n', async () => {
        const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot();
        expect(at(snapshot, FORM.name, 1, 3)).toBe('一行目\n二行目\n三行目');
      });

      it('returns merges, with the value in the top-left cell and the covered cells empty', async () => {
        const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot([FORM.name]);
        expect(snapshot.sheets[0]?.merges).toEqual([{ top: 8, left: 0, bottom: 8, right: 3 }]);
        expect([0, 1, 2, 3].map((c) => at(snapshot, FORM.name, 8, c))).toEqual([
          '結合した見出し',
          null,
          null,
          null,
        ]);
      });

      it('lists formula cells and reads them as their cached result (none until Excel computes it)', async () => {
        const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot([FORM.name]);
        expect(snapshot.sheets[0]?.formulaCells).toContain('A10');
        expect(['記入済', null]).toContain(at(snapshot, FORM.name, 9, 0));
        expect(snapshot.sheets[0]?.formulaCells).not.toContain('A1');
      });

      it('reads a link cell as its text', async () => {
        const snapshot = await (await makePort(contractWorkbook(contractSheet('目次'), FORM))).readSnapshot();
        expect(at(snapshot, FORM.name, 10, 0)).toBe('目次へ');
      });

      it('reads only the named sheets, in tab order, ignoring unknown names', async () => {
        const port = await makePort(
          contractWorkbook(contractSheet('A'), contractSheet('B'), contractSheet('C')),
        );
        const snapshot = await port.readSnapshot(['C', 'A', 'どこにもない']);
        expect(snapshot.sheets.map((s) => s.name)).toEqual(['A', 'C']);
      });
    });

    describe('sheets', () => {
      it('lists sheets in tab order with their visibility', async () => {
        const port = await makePort(
          contractWorkbook(
            contractSheet('表紙'),
            contractSheet('隠し', { visibility: 'hidden' }),
            contractSheet('メタ', { visibility: 'veryHidden' }),
          ),
        );
        expect(await port.listSheets()).toEqual([
          { name: '表紙', visibility: 'visible' },
          { name: '隠し', visibility: 'hidden' },
          { name: 'メタ', visibility: 'veryHidden' },
        ]);
        const snapshot = await port.readSnapshot(['メタ']);
        expect(snapshot.sheets[0]?.visibility).toBe('veryHidden');
      });

      it('appends new sheets in the given order and reports progress per sheet', async () => {
        const port = await makePort(contractWorkbook(contractSheet('表紙')));
        const progress: [number, number][] = [];
        await port.writeSheets([contractSheet('二'), contractSheet('三')], (p) =>
          progress.push([p.done, p.total]),
        );
        expect(await names(port)).toEqual(['表紙', '二', '三']);
        expect(progress).toEqual([
          [1, 2],
          [2, 2],
        ]);
      });

      it('replaces an existing sheet at its tab position, dropping its old content', async () => {
        const old = contractSheet('B', {
          cells: [{ row: 5, column: 5, value: '古い' }],
          merges: [{ top: 0, left: 0, bottom: 1, right: 1 }],
        });
        const port = await makePort(contractWorkbook(contractSheet('A'), old, contractSheet('C')));
        await port.writeSheets([contractSheet('B', { cells: [{ row: 0, column: 0, value: '新しい' }] })]);
        expect(await names(port)).toEqual(['A', 'B', 'C']);
        const snapshot = await port.readSnapshot(['B']);
        expect(snapshot.sheets[0]?.values).toEqual([['新しい']]);
        expect(snapshot.sheets[0]?.merges).toEqual([]);
      });

      it('replaces several sheets and appends others in one call', async () => {
        const port = await makePort(
          contractWorkbook(contractSheet('A'), contractSheet('B'), contractSheet('C')),
        );
        await port.writeSheets([contractSheet('C'), contractSheet('D'), contractSheet('A')]);
        expect(await names(port)).toEqual(['A', 'B', 'C', 'D']);
      });

      it('changes a sheet’s visibility when it is replaced', async () => {
        const port = await makePort(contractWorkbook(contractSheet('A'), contractSheet('B')));
        await port.writeSheets([contractSheet('B', { visibility: 'veryHidden' })]);
        expect(await port.listSheets()).toEqual([
          { name: 'A', visibility: 'visible' },
          { name: 'B', visibility: 'veryHidden' },
        ]);
      });

      it('deletes sheets by name, ignoring unknown names', async () => {
        const port = await makePort(
          contractWorkbook(contractSheet('A'), contractSheet('B'), contractSheet('C')),
        );
        await port.deleteSheets(['B', 'どこにもない']);
        expect(await names(port)).toEqual(['A', 'C']);
      });

      it('writes 40 sheets', async () => {
        const port = await makePort(contractWorkbook(contractSheet('目次')));
        const specs = Array.from({ length: 40 }, (_, i) => ({ ...FORM, name: `I-1-1-${i + 1} 総務課` }));
        let calls = 0;
        await port.writeSheets(specs, () => (calls += 1));
        expect(calls).toBe(40);
        expect(await names(port)).toEqual(['目次', ...specs.map((s) => s.name)]);
        const snapshot = await port.readSnapshot();
        expect(snapshot.sheets.map((s) => at(snapshot, s.name, 1, 0))).toEqual([
          null,
          ...specs.map(() => TEXTS[1]?.[1]),
        ]);
      });
    });

    describe('marks and selection', () => {
      const MARKED = contractSheet('A', {
        styles: { yellow: { fill: '#FFFF00' } },
        cells: [
          { row: 0, column: 0, value: '塗りなし' },
          { row: 1, column: 0, value: '黄色', style: 'yellow' },
        ],
      });

      it('marks cells without changing their values, and clearMarks restores the previous fills', async () => {
        const port = await makePort(contractWorkbook(MARKED));
        const before = await port.readSnapshot();
        await port.markCells([
          { sheet: 'A', cell: 'A1', severity: 'error' },
          { sheet: 'A', cell: 'A2', severity: 'warning' },
          { sheet: 'どこにもない', cell: 'A1', severity: 'error' },
        ]);
        expect(await port.readSnapshot()).toEqual(before);
        if (options.fillOf) {
          expect(await options.fillOf(port, 'A', 'A1')).toBe(MARK_FILLS.error);
          expect(await options.fillOf(port, 'A', 'A2')).toBe(MARK_FILLS.warning);
        }
        await port.clearMarks();
        expect(await port.readSnapshot()).toEqual(before);
        if (options.fillOf) {
          expect(await options.fillOf(port, 'A', 'A1')).toBeNull();
          expect(await options.fillOf(port, 'A', 'A2')).toBe('#FFFF00');
        }
      });

      it('shows the strongest severity when a cell is marked twice, and still restores its first fill', async () => {
        const port = await makePort(contractWorkbook(MARKED));
        await port.markCells([{ sheet: 'A', cell: 'A2', severity: 'info' }]);
        await port.markCells([
          { sheet: 'A', cell: 'A2', severity: 'error' },
          { sheet: 'A', cell: 'A2', severity: 'warning' },
        ]);
        if (options.fillOf) expect(await options.fillOf(port, 'A', 'A2')).toBe(MARK_FILLS.error);
        await port.clearMarks();
        if (options.fillOf) expect(await options.fillOf(port, 'A', 'A2')).toBe('#FFFF00');
      });

      it('clears nothing when nothing is marked, and forgets marks of a sheet that was replaced', async () => {
        const port = await makePort(contractWorkbook(MARKED));
        await port.clearMarks();
        await port.markCells([{ sheet: 'A', cell: 'A1', severity: 'error' }]);
        await port.writeSheets([MARKED]);
        await port.clearMarks();
        if (options.fillOf) expect(await options.fillOf(port, 'A', 'A1')).toBeNull();
        expect(at(await port.readSnapshot(), 'A', 0, 0)).toBe('塗りなし');
      });

      it('selects a cell without changing values, ignoring unknown sheets', async () => {
        const port = await makePort(contractWorkbook(MARKED, contractSheet('B')));
        const before = await port.readSnapshot();
        await port.selectCell('A', 'A2');
        await port.selectCell('どこにもない', 'A1');
        expect(await port.readSnapshot()).toEqual(before);
      });
    });
  });
}
