import { describe, expect, it } from 'vitest';
import planJson from '../../../samples/r2/plan.json';
import { planItems } from '../plan/planItems';
import { r2Sample } from '../sample/r2';
import { range } from '../template/sheetSpec';
import { findPlanInWorkbook, readPlanSheet } from './readPlanSheet';
import { sheetFromRows } from '../../../tests/helpers/sheetFromRows';

const codes = planItems(r2Sample().plan).map((p) => p.code);

describe('readPlanSheet', () => {
  it('parses a 体系 sheet with parsePlanGrid', () => {
    const parsed = readPlanSheet(sheetFromRows('体系', planJson.grid), { file: 'plan.xlsx' });
    expect(parsed?.findings).toEqual([]);
    expect(parsed && planItems(parsed.plan).map((p) => p.code)).toEqual(codes);
  });

  it('returns undefined for a sheet without the 基本項目 / 推進項目 / 取組項目 / 実践課 header', () => {
    expect(readPlanSheet(sheetFromRows('メモ', [['取組項目', '実践課']]))).toBeUndefined();
  });

  it('reads merged level cells as printed (blank below the first row) even when the adapter repeated them', () => {
    const rows = [
      ['基本項目', '推進項目', '取組項目', '実践課【とりまとめ課】'],
      ['I 協働', '1 情報共有', '① 公開', ''],
      ['I 協働', '1 情報共有', '(1) 発信', '総務課'],
    ];
    const parsed = readPlanSheet(
      sheetFromRows('体系', rows, { merges: [range(1, 0, 2, 0), range(1, 1, 2, 1)] }),
    );
    expect(parsed?.findings).toEqual([]);
    expect(parsed && planItems(parsed.plan).map((p) => p.code)).toEqual(['I-1-1-1']);
  });

  it('names the file, sheet and cell in findings', () => {
    const parsed = readPlanSheet(
      sheetFromRows('体系', [
        ['基本項目', '推進項目', '取組項目', '実践課'],
        ['I 協働', '1 情報共有', '① 公開', ''],
        ['', '', '(1) 発信', ''],
      ]),
      { file: 'plan.xlsx' },
    );
    expect(parsed?.findings.map((f) => [f.code, f.place.file, f.place.sheet, f.place.cell])).toEqual([
      ['plan.item-without-department', 'plan.xlsx', '体系', 'D3'],
    ]);
  });
});

describe('findPlanInWorkbook', () => {
  const other = sheetFromRows('旧体系', [
    ['基本項目', '推進項目', '取組項目', '実践課'],
    ['I 旧', '1 旧', '① 旧', ''],
    ['', '', '(1) 旧', '総務課'],
  ]);
  it.each<[string, string[], string | undefined]>([
    ['prefers the sheet named 体系', ['旧体系', '体系'], '体系'],
    ['takes the first 体系 table otherwise', ['旧体系'], '旧体系'],
    ['finds none in a workbook of forms', [], undefined],
  ])('%s', (_name, names, expected) => {
    const sheets = names.map((n) => (n === '体系' ? sheetFromRows('体系', planJson.grid) : other));
    const found = findPlanInWorkbook({
      file: 'R2.xlsx',
      sheets: [sheetFromRows('防災', [['取組項目']]), ...sheets],
    });
    expect(found?.sheet).toBe(expected);
  });

  it('returns the parsed plan', () => {
    const found = findPlanInWorkbook({ sheets: [sheetFromRows('体系', planJson.grid)] });
    expect(found && planItems(found.parsed.plan).map((p) => p.code)).toEqual(codes);
  });
});
