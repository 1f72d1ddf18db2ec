// How real Excel differs from a naive in-memory workbook, as the fake models it (tests/officejs/fake/README.md
// cites the source of each behaviour), and what the adapter does about it. Each case failed on the adapter
// before these fixes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../domain/template/sheetSpec';
import { contractSheet } from '../contract/portCases';
import { OfficeOperationError } from './officeErrors';
import { OfficeJsPort } from './officeJsPort';
import { installFresh, portWith, type InstalledFake } from '../../../tests/officejs/testPort';
import { contractWorkbook } from '../contract/portCases';

let fake: InstalledFake;
beforeEach(() => {
  fake = installFresh();
});
afterEach(() => fake.uninstall());

const LINKED = contractSheet('目次', {
  cells: [
    { row: 0, column: 0, value: '表紙へ', link: { sheet: '表紙', cell: 'A1' } },
    { row: 1, column: 0, formula: 'HYPERLINK("#\'表紙\'!A1","記入状況")' },
  ],
});

describe('calculation suspended while writing is resumed', () => {
  it('formulas written while calculation was suspended show their results once the write is done', async () => {
    const port = await portWith(fake, contractWorkbook(contractSheet('表紙')));
    await port.writeSheets([LINKED]);
    expect(fake.stats.calcSuspendedSyncs).toBeGreaterThan(0);
    expect([fake.value('目次', 'A1'), fake.value('目次', 'A2')]).toEqual(['表紙へ', '記入状況']);
    const snapshot = await port.readSnapshot(['目次']);
    expect(snapshot.sheets[0]?.values).toEqual([['表紙へ'], ['記入状況']]);
  });
});

/** A sheet of 10 × 10 numbers, read where Excel's cell limit is 50 cells. */
const GRID = contractSheet('大きい表', {
  cells: Array.from({ length: 100 }, (_, i) => ({ row: Math.floor(i / 10), column: i % 10, value: i })),
});
const gridValues = Array.from({ length: 10 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));

describe('reading past the cell limit', () => {
  it.each([
    ['Range.values is null', 'null'],
    ['Excel throws RangeExceedsLimit', 'throw'],
  ] as const)('reads the sheet in blocks when %s', async (_, behaviour) => {
    const port = await portWith(fake, contractWorkbook(GRID));
    fake.limits.rangeCells = 50;
    fake.limits.pastCellLimit = behaviour;
    const snapshot = await port.readSnapshot();
    expect(snapshot.sheets[0]?.values).toEqual(gridValues);
  });
});

/** 600 merged pairs (A:B of each row): more than getMergedAreasOrNullObject returns. */
const MANY_MERGES = contractSheet('結合が多い', {
  cells: Array.from({ length: 600 }, (_, row) => ({ row, column: 0, value: `行${row + 1}` })),
  merges: Array.from({ length: 600 }, (_, row) => ({ top: row, left: 0, bottom: row, right: 1 })),
});
const FEW_MERGES = contractSheet('普通', {
  cells: [{ row: 0, column: 0, value: '見出し' }],
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
});

describe('more than 512 merged areas on a sheet', () => {
  it('reads every sheet with its merges: the crowded one by blocks of rows, the others as usual', async () => {
    const port = await portWith(fake, contractWorkbook(FEW_MERGES, MANY_MERGES));
    const snapshot = await port.readSnapshot();
    expect(snapshot.sheets.map((s) => s.merges.length)).toEqual([1, 600]);
    expect(snapshot.sheets[1]?.merges).toEqual(MANY_MERGES.merges);
    expect(snapshot.sheets[1]?.values[599]).toEqual(['行600']);
  });
});

/** Enough text for several write chunks (~9 MB: 120 cells of 25,000 kanji). */
const BULKY = (name: string): SheetSpec =>
  contractSheet(name, {
    cells: Array.from({ length: 120 }, (_, i) => ({
      row: i,
      column: 0,
      value: `${name}${i}`.padEnd(25_000, '漢'),
    })),
    frozen: { rows: 1, columns: 0 },
  });
const BEFORE = contractWorkbook(
  contractSheet('表紙', { cells: [{ row: 0, column: 0, value: '表紙' }] }),
  contractSheet('A', { cells: [{ row: 0, column: 0, value: '古いA' }], visibility: 'veryHidden' }),
  contractSheet('B', { cells: [{ row: 0, column: 0, value: '古いB' }] }),
);
const WRITE = [BULKY('A'), BULKY('C')];

async function stateOf(port: OfficeJsPort) {
  const snapshot = await port.readSnapshot();
  return {
    sheets: await port.listSheets(),
    firstCells: snapshot.sheets.map((s) => [s.name, s.values[0]?.[0] ?? null]),
  };
}

describe('a write that fails part way leaves the workbook as it was, or fully written', () => {
  it('rejects each sync in turn and finds the workbook before or after, never between', async () => {
    const before = await stateOf(await portWith(fake, BEFORE));
    const complete = await portWith(fake, BEFORE);
    await complete.writeSheets(WRITE);
    const syncs = fake.stats.syncs;
    expect(complete.lastWriteChunks).toBeGreaterThan(1);
    const after = await stateOf(complete);
    expect(after).not.toEqual(before);

    for (let k = 0; k < syncs; k += 1) {
      fake.uninstall();
      fake = installFresh();
      const port = await portWith(fake, BEFORE);
      fake.failSyncAt(k, 'GeneralException');
      const outcome = await port.writeSheets(WRITE).then(
        () => 'written',
        () => 'rejected',
      );
      expect([before, after], `sync ${k} of ${syncs} rejected (${outcome})`).toContainEqual(
        await stateOf(port),
      );
    }
  });
});

describe('a workbook whose structure is protected', () => {
  it.each([
    [
      'writing sheets',
      (port: OfficeJsPort) => port.writeSheets([contractSheet('新しい'), contractSheet('B')]),
    ],
    ['deleting sheets', (port: OfficeJsPort) => port.deleteSheets(['B'])],
  ])('refuses %s before changing anything, telling how to unprotect it', async (_, act) => {
    const port = await portWith(fake, BEFORE);
    const before = await stateOf(port);
    fake.state.structureProtection = { protected: true };
    const error = await act(port).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeOperationError);
    expect((error as Error).message).toMatch(/ブックの構成が保護されている.*［校閲］タブの［ブックの保護］/);
    fake.state.structureProtection = { protected: false };
    expect(await stateOf(port)).toEqual(before);
  });
});

describe('another workbook has the focus (the build opens one per department)', () => {
  it('writes sheets with frozen panes, and going to a cell does nothing instead of failing', async () => {
    const port = await portWith(fake, contractWorkbook(contractSheet('表紙')));
    fake.state.focusElsewhere = true;
    const frozen = contractSheet('一覧', {
      cells: [{ row: 0, column: 0, value: '見出し' }],
      frozen: { rows: 1, columns: 0 },
    });
    await port.writeSheets([frozen]);
    expect(fake.value('一覧', 'A1')).toBe('見出し');
    await expect(port.selectCell('一覧', 'A1')).resolves.toBeUndefined();
    fake.state.focusElsewhere = false;
    await port.writeSheets([frozen]);
    expect(fake.sheet('一覧').freeze).toEqual({ rows: 1, columns: 0 });
  });
});

describe('data validation', () => {
  const error = { style: 'stop', title: '入力エラー', message: '一覧から選んでください' } as const;
  it('sets a validation over part of another one (cleared first, office-js#2594), the later one winning there', async () => {
    const port = await portWith(fake, contractWorkbook(contractSheet('表紙')));
    await port.writeSheets([
      contractSheet('入力', {
        validations: [
          { kind: 'textLength', range: { top: 4, left: 1, bottom: 9, right: 1 }, max: 200, error },
          {
            kind: 'list',
            range: { top: 0, left: 1, bottom: 9, right: 1 },
            values: ['達成できた', '達成できなかった'],
            prompt: { title: '目標の達成', message: '一つ選んでください' },
            error,
            allowBlank: true,
          },
        ],
      }),
    ]);
    const validations = fake.sheet('入力').validations;
    expect(validations).toHaveLength(1);
    expect(validations[0]?.props.rule).toEqual({
      list: { inCellDropDown: true, source: '達成できた,達成できなかった' },
    });
    expect(validations[0]?.props.prompt).toMatchObject({ title: '目標の達成' });
  });
});

describe('department text that Excel would take for a formula or a prefix', () => {
  it.each(['=SUM(A1:A3)', '+81 0155', '-（なし）', '@総務課', "'先頭の引用符", '=', '0012'])(
    'stores %s as that exact text, not as a formula',
    async (text) => {
      const port = await portWith(fake, contractWorkbook(contractSheet('表紙')));
      await port.writeSheets([contractSheet('記入', { cells: [{ row: 0, column: 0, value: text }] })]);
      expect(fake.value('記入', 'A1')).toBe(text);
      expect(fake.formula('記入', 'A1')).toBeUndefined();
    },
  );
});
