import type { WorkbookSnapshot } from '../../domain/extract/snapshot';
import type { CellValue, SheetSpec, WorkbookSpec } from '../../domain/template/sheetSpec';
import { MARK_FILLS } from '../markFills';
import type { WorkbookPort } from '../port';
import { assert } from './caseAssert';

/**
 * What every WorkbookPort adapter must do, checked only through the interface: plain data and functions, no
 * test runner, so that the same cases run under vitest (tests/contract/describeWorkbookPortContract.ts, for
 * ExcelJS, the spec writer and the Office.js fake) and in real Excel from the task pane (自己診断).
 *
 * Agreed representation (every adapter): values 0-based from A1, rows may be ragged; empty cells and empty
 * text read as `null`; line breaks read as `\n`; cells covered by a merge (not its top-left) read as `null`;
 * a formula cell reads as its cached result (`null` until Excel computed it) and is listed in `formulaCells`;
 * a link cell reads as its text. Unknown sheet names are ignored by every method.
 */
export interface PortCaseContext {
  /** A port whose workbook holds exactly the spec's sheets (a fresh workbook when omitted). */
  readonly makePort: (spec?: WorkbookSpec) => Promise<WorkbookPort>;
  /** The fill of a cell as `#RRGGBB` (null when none), if the adapter can show it: checks mark/restore. */
  readonly fillOf?: (port: WorkbookPort, sheet: string, cell: string) => Promise<string | null>;
}

export interface PortCase {
  /** The group the case belongs to (as vitest `describe` names it). */
  readonly group: string;
  /** What the port does, stated as behaviour. */
  readonly name: string;
  /** The same in Japanese, for the self-test in the task pane. */
  readonly label: string;
  /** Throws an `Error` saying what differs when the port does not behave so. */
  readonly run: (context: PortCaseContext) => Promise<void>;
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
export const CONTRACT_TEXTS: readonly (readonly [string, string, string])[] = [
  [
    'multi-line Japanese',
    '目指す姿\n　全角スペースと改行を含む文章です。\n三行目',
    '改行と全角スペースを含む文章',
  ],
  ['text that looks like a formula', '=SUM(A1:A3)', '数式に見える文字（=）'],
  ['text starting with +', '+81 0155-00-0000', '+ で始まる文字'],
  ['text starting with -', '-（なし）', '- で始まる文字'],
  ['text starting with @', '@総務課', '@ で始まる文字'],
  ['digits as text', '0012', '数字だけの文字（0012）'],
  ['emoji and rare kanji', '髙橋 𠮷野 😀', '絵文字と異体字'],
  [
    'text that looks like an XML escape, and a control character',
    '_x0041_ は A ではない\u0007',
    'XML のエスケープに見える文字と制御文字',
  ],
  ["text starting with '", "'先頭の引用符", "' で始まる文字"],
];
const TEXTS = CONTRACT_TEXTS;
const NUMBERS: readonly number[] = [0, 42, -3.5, 1234567.125];
const LAST_TEXT_ROW = TEXTS.length;

const FORM = contractSheet('I-1-1-1 総務課', {
  styles: { label: { bold: true, border: true, fill: '#DDEBF7' }, input: { wrap: true, locked: false } },
  cells: [
    ...TEXTS.map(([, value], i) => ({ row: i, column: 0, value, style: 'input' })),
    ...NUMBERS.map((value, i) => ({ row: i, column: 1, value })),
    { row: 0, column: 2, value: true },
    { row: 0, column: 3, value: '' },
    { row: 1, column: 3, value: TEXT_WITH_CRLF },
    { row: LAST_TEXT_ROW, column: 0, value: '結合した見出し', style: 'label' },
    { row: LAST_TEXT_ROW + 1, column: 0, formula: 'IF(A1="","未記入","記入済")' },
    { row: LAST_TEXT_ROW + 2, column: 0, value: '目次へ', link: { sheet: '目次', cell: 'A1' } },
  ],
  merges: [{ top: LAST_TEXT_ROW, left: 0, bottom: LAST_TEXT_ROW, right: 3 }],
  protect: true,
});
const FORMULA_CELL = `A${LAST_TEXT_ROW + 2}`;

const MARKED = contractSheet('A', {
  styles: { yellow: { fill: '#FFFF00' } },
  cells: [
    { row: 0, column: 0, value: '塗りなし' },
    { row: 1, column: 0, value: '黄色', style: 'yellow' },
  ],
});

const READING = 'reading back what was written';
const SHEETS = 'sheets';
const MARKS = 'marks and selection';

const textCases: PortCase[] = TEXTS.map(([label, text, japanese], row) => ({
  group: READING,
  name: `keeps ${label} as the exact text`,
  label: `${japanese}をそのまま読み戻せる`,
  async run({ makePort }) {
    const port = await makePort(contractWorkbook(contractSheet('目次'), FORM));
    assert.equal(at(await port.readSnapshot(), FORM.name, row, 0), text, `${label} in A${row + 1}`);
  },
}));

export const PORT_CASES: readonly PortCase[] = [
  ...textCases,
  {
    group: READING,
    name: 'keeps numbers and booleans as such',
    label: '数値と TRUE/FALSE をそのまま読み戻せる',
    async run({ makePort }) {
      const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot();
      assert.equal(
        NUMBERS.map((_, i) => at(snapshot, FORM.name, i, 1)),
        NUMBERS,
        'numbers in column B',
      );
      assert.equal(at(snapshot, FORM.name, 0, 2), true, 'boolean in C1');
    },
  },
  {
    group: READING,
    name: 'reads empty text as an empty cell',
    label: '空の文字を空のセルとして読む',
    async run({ makePort }) {
      const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot();
      assert.equal(at(snapshot, FORM.name, 0, 3), null, 'empty text in D1');
    },
  },
  {
    group: READING,
    name: 'reads line breaks as \\n',
    label: '改行を読み戻せる',
    async run({ makePort }) {
      const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot();
      assert.equal(at(snapshot, FORM.name, 1, 3), '一行目\n二行目\n三行目', 'text with \\r\\n in D2');
    },
  },
  {
    group: READING,
    name: 'returns merges, with the value in the top-left cell and the covered cells empty',
    label: '結合したセルを読み戻せる',
    async run({ makePort }) {
      const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot([FORM.name]);
      assert.equal(snapshot.sheets[0]?.merges, FORM.merges, 'merges');
      assert.equal(
        [0, 1, 2, 3].map((c) => at(snapshot, FORM.name, LAST_TEXT_ROW, c)),
        ['結合した見出し', null, null, null],
        'values of the merged row',
      );
    },
  },
  {
    group: READING,
    name: 'lists formula cells and reads them as their cached result (none until Excel computes it)',
    label: '数式のセルとその計算結果を読める',
    async run({ makePort }) {
      const snapshot = await (await makePort(contractWorkbook(FORM))).readSnapshot([FORM.name]);
      assert.includes(snapshot.sheets[0]?.formulaCells, FORMULA_CELL, 'formula cells');
      assert.oneOf(at(snapshot, FORM.name, LAST_TEXT_ROW + 1, 0), ['記入済', null], 'formula result');
      assert.excludes(snapshot.sheets[0]?.formulaCells, 'A1', 'formula cells');
    },
  },
  {
    group: READING,
    name: 'reads a link cell as its text',
    label: 'シートへのリンクを文字として読める',
    async run({ makePort }) {
      const snapshot = await (await makePort(contractWorkbook(contractSheet('目次'), FORM))).readSnapshot();
      assert.equal(at(snapshot, FORM.name, LAST_TEXT_ROW + 2, 0), '目次へ', 'link cell');
    },
  },
  {
    group: READING,
    name: 'reads only the named sheets, in tab order, ignoring unknown names',
    label: '指定したシートだけを読む',
    async run({ makePort }) {
      const port = await makePort(
        contractWorkbook(contractSheet('A'), contractSheet('B'), contractSheet('C')),
      );
      const snapshot = await port.readSnapshot(['C', 'A', 'どこにもない']);
      assert.equal(
        snapshot.sheets.map((s) => s.name),
        ['A', 'C'],
        'sheets read',
      );
    },
  },
  {
    group: SHEETS,
    name: 'lists sheets in tab order with their visibility',
    label: 'シートの並びと表示・非表示を読める',
    async run({ makePort }) {
      const port = await makePort(
        contractWorkbook(
          contractSheet('表紙'),
          contractSheet('隠し', { visibility: 'hidden' }),
          contractSheet('メタ', { visibility: 'veryHidden' }),
        ),
      );
      assert.equal(
        await port.listSheets(),
        [
          { name: '表紙', visibility: 'visible' },
          { name: '隠し', visibility: 'hidden' },
          { name: 'メタ', visibility: 'veryHidden' },
        ],
        'sheet list',
      );
      const snapshot = await port.readSnapshot(['メタ']);
      assert.equal(snapshot.sheets[0]?.visibility, 'veryHidden', 'visibility in the snapshot');
    },
  },
  {
    group: SHEETS,
    name: 'appends new sheets in the given order and reports progress per sheet',
    label: '新しいシートを順に追加できる',
    async run({ makePort }) {
      const port = await makePort(contractWorkbook(contractSheet('表紙')));
      const progress: [number, number][] = [];
      await port.writeSheets([contractSheet('二'), contractSheet('三')], (p) =>
        progress.push([p.done, p.total]),
      );
      assert.equal(await names(port), ['表紙', '二', '三'], 'sheet names');
      assert.equal(
        progress,
        [
          [1, 2],
          [2, 2],
        ],
        'progress',
      );
    },
  },
  {
    group: SHEETS,
    name: 'replaces an existing sheet at its tab position, dropping its old content',
    label: '既存のシートを同じ位置で置き換えられる',
    async run({ makePort }) {
      const old = contractSheet('B', {
        cells: [{ row: 5, column: 5, value: '古い' }],
        merges: [{ top: 0, left: 0, bottom: 1, right: 1 }],
      });
      const port = await makePort(contractWorkbook(contractSheet('A'), old, contractSheet('C')));
      await port.writeSheets([contractSheet('B', { cells: [{ row: 0, column: 0, value: '新しい' }] })]);
      assert.equal(await names(port), ['A', 'B', 'C'], 'sheet names');
      const snapshot = await port.readSnapshot(['B']);
      assert.equal(snapshot.sheets[0]?.values, [['新しい']], 'values of the replaced sheet');
      assert.equal(snapshot.sheets[0]?.merges, [], 'merges of the replaced sheet');
    },
  },
  {
    group: SHEETS,
    name: 'replaces several sheets and appends others in one call',
    label: '置き換えと追加を一度にできる',
    async run({ makePort }) {
      const port = await makePort(
        contractWorkbook(contractSheet('A'), contractSheet('B'), contractSheet('C')),
      );
      await port.writeSheets([contractSheet('C'), contractSheet('D'), contractSheet('A')]);
      assert.equal(await names(port), ['A', 'B', 'C', 'D'], 'sheet names');
    },
  },
  {
    group: SHEETS,
    name: 'changes a sheet’s visibility when it is replaced',
    label: '置き換えたシートを非表示にできる',
    async run({ makePort }) {
      const port = await makePort(contractWorkbook(contractSheet('A'), contractSheet('B')));
      await port.writeSheets([contractSheet('B', { visibility: 'veryHidden' })]);
      assert.equal(
        await port.listSheets(),
        [
          { name: 'A', visibility: 'visible' },
          { name: 'B', visibility: 'veryHidden' },
        ],
        'sheet list',
      );
    },
  },
  {
    group: SHEETS,
    name: 'deletes sheets by name, ignoring unknown names',
    label: 'シートを削除できる',
    async run({ makePort }) {
      const port = await makePort(
        contractWorkbook(contractSheet('A'), contractSheet('B'), contractSheet('C')),
      );
      await port.deleteSheets(['B', 'どこにもない']);
      assert.equal(await names(port), ['A', 'C'], 'sheet names');
    },
  },
  {
    group: SHEETS,
    name: 'writes 40 sheets',
    label: '40 枚のシートを書き込める（分割送信）',
    async run({ makePort }) {
      const port = await makePort(contractWorkbook(contractSheet('目次')));
      const specs = Array.from({ length: 40 }, (_, i) => ({ ...FORM, name: `I-1-1-${i + 1} 総務課` }));
      let calls = 0;
      await port.writeSheets(specs, () => (calls += 1));
      assert.equal(calls, 40, 'progress calls');
      assert.equal(await names(port), ['目次', ...specs.map((s) => s.name)], 'sheet names');
      const snapshot = await port.readSnapshot();
      assert.equal(
        snapshot.sheets.map((s) => at(snapshot, s.name, 1, 0)),
        [null, ...specs.map(() => TEXTS[1]?.[1])],
        'A2 of every sheet',
      );
    },
  },
  {
    group: MARKS,
    name: 'marks cells without changing their values, and clearMarks restores the previous fills',
    label: 'セルに色で印を付け、元の色に戻せる',
    async run({ makePort, fillOf }) {
      const port = await makePort(contractWorkbook(MARKED));
      const before = await port.readSnapshot();
      await port.markCells([
        { sheet: 'A', cell: 'A1', severity: 'error' },
        { sheet: 'A', cell: 'A2', severity: 'warning' },
        { sheet: 'どこにもない', cell: 'A1', severity: 'error' },
      ]);
      assert.equal(await port.readSnapshot(), before, 'snapshot after marking');
      if (fillOf) {
        assert.equal(await fillOf(port, 'A', 'A1'), MARK_FILLS.error, 'fill of A1 marked as error');
        assert.equal(await fillOf(port, 'A', 'A2'), MARK_FILLS.warning, 'fill of A2 marked as warning');
      }
      await port.clearMarks();
      assert.equal(await port.readSnapshot(), before, 'snapshot after clearing marks');
      if (fillOf) {
        assert.equal(await fillOf(port, 'A', 'A1'), null, 'fill of A1 after clearing');
        assert.equal(await fillOf(port, 'A', 'A2'), '#FFFF00', 'fill of A2 after clearing');
      }
    },
  },
  {
    group: MARKS,
    name: 'shows the strongest severity when a cell is marked twice, and still restores its first fill',
    label: '二重の印でも元の色に戻せる',
    async run({ makePort, fillOf }) {
      const port = await makePort(contractWorkbook(MARKED));
      await port.markCells([{ sheet: 'A', cell: 'A2', severity: 'info' }]);
      await port.markCells([
        { sheet: 'A', cell: 'A2', severity: 'error' },
        { sheet: 'A', cell: 'A2', severity: 'warning' },
      ]);
      if (fillOf) assert.equal(await fillOf(port, 'A', 'A2'), MARK_FILLS.error, 'fill of A2');
      await port.clearMarks();
      if (fillOf) assert.equal(await fillOf(port, 'A', 'A2'), '#FFFF00', 'fill of A2 after clearing');
    },
  },
  {
    group: MARKS,
    name: 'clears nothing when nothing is marked, and forgets marks of a sheet that was replaced',
    label: '置き換えたシートの印を残さない',
    async run({ makePort, fillOf }) {
      const port = await makePort(contractWorkbook(MARKED));
      await port.clearMarks();
      await port.markCells([{ sheet: 'A', cell: 'A1', severity: 'error' }]);
      await port.writeSheets([MARKED]);
      await port.clearMarks();
      if (fillOf) assert.equal(await fillOf(port, 'A', 'A1'), null, 'fill of A1');
      assert.equal(at(await port.readSnapshot(), 'A', 0, 0), '塗りなし', 'A1');
    },
  },
  {
    group: MARKS,
    name: 'selects a cell without changing values, ignoring unknown sheets',
    label: 'セルを選択できる',
    async run({ makePort }) {
      const port = await makePort(contractWorkbook(MARKED, contractSheet('B')));
      const before = await port.readSnapshot();
      await port.selectCell('A', 'A2');
      await port.selectCell('どこにもない', 'A1');
      assert.equal(await port.readSnapshot(), before, 'snapshot after selecting');
    },
  },
];
