import { describe, expect, it } from 'vitest';
import { STANDARD_FORM } from '../entry/formDefinition';
import planJson from '../../../samples/r2/plan.json';
import { r2Sample } from '../sample/r2';
import { formatSheetMeta, type SheetMeta } from '../template/sheetMeta';
import { extractWorkbook } from './extractWorkbook';
import {
  insertRows,
  type Rows,
  seedLayout,
  setCell,
  sheetFromRows,
} from '../../../tests/helpers/sheetFromRows';

const plan = r2Sample().plan;
const options = { file: 'somu.xlsx', plan, fiscalYear: 2020 };
const FORM = {
  item: '① 地域支えあいの仕組みづくり (3) 自主防災組織への活動支援による地域防災力の向上',
  vision: '地域防災力の向上を図る。',
  goal: '・防災体制の充実',
  actions: '・備蓄品の整備',
  department: '総務課',
  firstHalf: '・7/19 研修',
  secondHalf: '・3/21 出前講座',
  achievement: '達成できた',
  evaluation: '計画どおり整備した。',
};
const ROWS = seedLayout(FORM);
const meta = (m: Partial<SheetMeta> = {}): string =>
  formatSheetMeta({
    code: 'I-2-1-3',
    department: '総務課',
    seq: 1,
    fiscalYear: 2020,
    formId: STANDARD_FORM.id,
    formVersion: 1,
    ...m,
  });
/** The builder puts the metadata in F1; two rows inserted above move it to F3. */
const withMeta = (m: Partial<SheetMeta> = {}): Rows => setCell(insertRows(ROWS, 0, 2), 2, 5, meta(m));

describe('extractWorkbook accounts for every sheet', () => {
  it('tells entry, 目次, 体系, notes and empty sheets apart, hidden ones included', () => {
    const x = extractWorkbook(
      {
        sheets: [
          sheetFromRows('目次', [
            ['目次'],
            ['取組項目', '実践課', 'シート'],
            ['① … (3) 自主防災…', '総務課', '防災'],
          ]),
          sheetFromRows('一覧', [['目次'], ['基本項目', '推進項目', '取組項目', '実践課']]),
          sheetFromRows('体系', planJson.grid, { visibility: 'veryHidden' }),
          sheetFromRows('防災', ROWS),
          sheetFromRows('控え', ROWS, { visibility: 'hidden' }),
          sheetFromRows('メモ', [['記入上の注意'], ['取組項目ごとに1枚のシートに記入してください。']]),
          sheetFromRows('Sheet3', [[], ['', '  ']]),
        ],
      },
      options,
    );
    expect(x.sheets).toEqual([
      { sheet: '目次', visibility: 'visible', kind: 'toc', entries: 0, reason: '目次のシートです。' },
      { sheet: '一覧', visibility: 'visible', kind: 'toc', entries: 0, reason: '目次のシートです。' },
      { sheet: '体系', visibility: 'veryHidden', kind: 'plan', entries: 0, reason: '体系の表のシートです。' },
      { sheet: '防災', visibility: 'visible', kind: 'entry', entries: 1 },
      { sheet: '控え', visibility: 'hidden', kind: 'entry', entries: 1 },
      {
        sheet: 'メモ',
        visibility: 'visible',
        kind: 'not-entry',
        entries: 0,
        reason: '取組項目の様式（「取組項目」「目指す姿」などの見出し）が見つかりません。',
      },
      { sheet: 'Sheet3', visibility: 'visible', kind: 'not-entry', entries: 0, reason: '空のシートです。' },
    ]);
    expect(x.entries.map((e) => [e.source.sheet, e.entry.seq])).toEqual([
      ['防災', 1],
      ['控え', 2],
    ]);
    expect(x.findings.map((f) => [f.code, f.severity, f.place.sheet])).toEqual([
      ['extract.hidden-sheet', 'info', '控え'],
    ]);
  });

  it('marks a sheet whose only form cannot be identified unreadable, with the label in the reason', () => {
    const x = extractWorkbook(
      { sheets: [sheetFromRows('防災', setCell(ROWS, 0, 2, '防災の取組'))] },
      options,
    );
    expect(x.entries).toEqual([]);
    expect(x.sheets[0]?.kind).toBe('unreadable');
    expect(x.sheets[0]?.reason).toContain('取組項目「防災の取組」が体系にないため、読めませんでした。');
    expect(x.findings.map((f) => [f.code, f.severity, f.place])).toEqual([
      ['extract.unknown-item', 'error', { file: 'somu.xlsx', sheet: '防災', cell: 'C1' }],
    ]);
  });

  it('marks a sheet with metadata but no form unreadable', () => {
    const x = extractWorkbook(
      { sheets: [sheetFromRows('防災', [['', '', '', '', '', meta()], ['メモだけ']])] },
      options,
    );
    expect([x.sheets[0]?.kind, x.findings.map((f) => [f.code, f.place.cell])]).toEqual([
      'unreadable',
      [['extract.form-not-found', 'F1']],
    ]);
  });

  it('reads the readable forms of a sheet and says which were not', () => {
    const x = extractWorkbook(
      { sheets: [sheetFromRows('防災', [...ROWS, [], ...seedLayout({ ...FORM, item: '防災の取組' })])] },
      options,
    );
    expect(x.sheets[0]).toMatchObject({ kind: 'entry', entries: 1 });
    expect(x.sheets[0]?.reason).toContain('2件の様式のうち1件を読めませんでした。');
    expect(x.findings.map((f) => [f.code, f.place.cell])).toEqual([['extract.unknown-item', 'C11']]);
  });

  it.each<[string, Parameters<typeof sheetFromRows>[], string]>([
    [
      'an empty workbook',
      [['Sheet1', []]],
      '（シート 1 枚（「Sheet1」空）のどれにも取組項目の様式がありません）',
    ],
    [
      'a workbook holding only its 目次',
      [['目次', [['令和2年度 取組項目シート 目次（総務課）']]]],
      '（シート 1 枚（「目次」目次）のどれにも',
    ],
    [
      'a workbook of notes',
      [
        ['目次', [['目次']]],
        ['メモ', [['来年度の予定']]],
      ],
      '（シート 2 枚（「目次」目次、「メモ」様式なし）のどれにも',
    ],
    ['a workbook without sheets', [], '（シートがありません）'],
  ])('says %s has no 取組項目 sheet: an error of the file', (_name, sheets, says) => {
    const x = extractWorkbook({ sheets: sheets.map((args) => sheetFromRows(...args)) }, options);
    expect(x.findings.map((f) => [f.code, f.severity, f.place])).toEqual([
      ['extract.no-entry-sheet', 'error', { file: 'somu.xlsx' }],
    ]);
    expect(x.findings[0]?.message).toContain(`「somu.xlsx」には取組項目のシートがありません${says}`);
  });

  it('does not add a file error when a form is there but unreadable (the form has its own finding)', () => {
    const x = extractWorkbook(
      { sheets: [sheetFromRows('防災', setCell(ROWS, 0, 2, '防災の取組'))] },
      options,
    );
    expect(x.findings.map((f) => f.code)).toEqual(['extract.unknown-item']);
  });
});

describe('extractWorkbook identifies entries by metadata and labels', () => {
  it.each<[string, Rows, { code: string; department: string; seq: number }, 'meta' | 'labels', string[][]]>([
    [
      'metadata present and matching (rows inserted above)',
      withMeta({ seq: 2 }),
      { code: 'I-2-1-3', department: '総務課', seq: 2 },
      'meta',
      [],
    ],
    [
      'metadata pointing at another item: the visible label wins',
      withMeta({ code: 'I-1-1-1', seq: 3 }),
      { code: 'I-2-1-3', department: '総務課', seq: 1 },
      'labels',
      [['extract.meta-mismatch', 'F3']],
    ],
    ['metadata absent', ROWS, { code: 'I-2-1-3', department: '総務課', seq: 1 }, 'labels', []],
  ])('%s', (_name, rows, key, by, findings) => {
    const x = extractWorkbook({ sheets: [sheetFromRows('防災', rows)] }, options);
    expect(x.entries.map((e) => [e.entry.code, e.entry.department, e.entry.seq, e.identifiedBy])).toEqual([
      [key.code, key.department, key.seq, by],
    ]);
    expect(x.findings.map((f) => [f.code, f.place.cell])).toEqual(findings);
  });

  it('reads by metadata alone when no plan is given', () => {
    const x = extractWorkbook(
      { sheets: [sheetFromRows('防災', withMeta({ seq: 2 }))] },
      { file: 'somu.xlsx' },
    );
    expect(x.entries.map((e) => [e.entry.code, e.entry.seq, e.identifiedBy])).toEqual([
      ['I-2-1-3', 2, 'meta'],
    ]);
  });

  it('numbers hand-typed sheets around the seqs metadata already holds', () => {
    const x = extractWorkbook(
      { sheets: [sheetFromRows('手書き', ROWS), sheetFromRows('作成済', withMeta({ seq: 1 }))] },
      options,
    );
    expect(x.entries.map((e) => [e.source.sheet, e.entry.seq])).toEqual([
      ['手書き', 2],
      ['作成済', 1],
    ]);
  });

  it('gives every finding its file, sheet, cell, entry key and field', () => {
    const x = extractWorkbook(
      { sheets: [sheetFromRows('一', ROWS), sheetFromRows('二', ROWS, { formulaCells: ['C3'] })] },
      options,
    );
    expect(x.findings.map((f) => f.place)).toEqual([
      {
        file: 'somu.xlsx',
        sheet: '二',
        cell: 'C3',
        code: 'I-2-1-3',
        department: '総務課',
        seq: 2,
        field: 'goal',
      },
    ]);
  });
});
