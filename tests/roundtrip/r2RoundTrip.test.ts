import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { readWorkbook } from '../../src/app/validateWorkbook';
import type { Entry } from '../../src/domain/entry/types';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';

const { plan, entries, fiscalYear } = r2Sample();
const byKey = (a: Entry, b: Entry) =>
  `${a.code}|${a.department}|${a.seq}`.localeCompare(`${b.code}|${b.department}|${b.seq}`);

async function open(bytes: Uint8Array, file: string) {
  const opened = await excelJsFactory.open(bytes, file);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

describe('R2 round trip through real .xlsx files', () => {
  it('build → fill every field → save → open → extract gives back exactly the sample', async () => {
    const files = await buildDepartmentFiles(excelJsFactory, { plan, fiscalYear, entries });
    const read: Entry[] = [];
    for (const f of files) {
      const result = await readWorkbook(await open(f.bytes, f.fileName), { file: f.fileName, plan });
      expect(result.extraction.findings.filter((x) => x.severity === 'error')).toEqual([]);
      read.push(
        ...result.extraction.entries
          .map((e) => e.entry)
          .filter((e) => Object.values(e.fields).some((v) => v !== '')),
      );
    }
    expect(read.sort(byKey)).toEqual([...entries].sort(byKey));
  });
});

/** A sheet typed by hand in the seed's layout: no metadata, no merges, labels with spaces, rows inserted. */
async function handTypedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const e = entries.find((x) => x.code === 'II-1-3-2' && x.department === '町民生活課' && x.seq === 2)!;
  const rows: (string | null | undefined)[][] = [
    ['令和２年度　町政運営推進プラン　進捗状況'],
    [],
    ['Ⅱ 効果的な行財政運営'],
    ['取組項目', null, '③ 適正な受益者負担と自主財源の確保 ② 行政サービスの制限、債権管理、徴収対策'],
    ['目指す姿', null, e.fields.vision],
    ['（メモ: 4月に記入）'],
    ['令和2年度', '目 標', e.fields.goal],
    [null, '取組内容', e.fields.actions],
    [null, '実践 課', '町民生活課'],
    [null, '進捗状況', '前期（４～９月）', e.fields.firstHalf],
    [null, null, '後期 (10~3月)', e.fields.secondHalf],
    [null, '目標の達成', e.fields.achievement],
    ['評価・検証', null, e.fields.evaluation],
  ];
  rows.forEach((r, i) =>
    r.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v)),
  );
  wb.addWorksheet('メモ').getCell('A1').value = '提出前に課長確認';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a hand-typed sheet in the seed layout (no metadata)', () => {
  it('is read by its labels, with the cells a person sees', async () => {
    const result = await readWorkbook(await open(await handTypedWorkbook(), '町民生活課_手入力.xlsx'), {
      file: '町民生活課_手入力.xlsx',
      plan,
      fiscalYear,
    });
    const [got] = result.extraction.entries;
    const e = entries.find((x) => x.code === 'II-1-3-2' && x.department === '町民生活課' && x.seq === 2)!;
    expect(result.extraction.entries).toHaveLength(1);
    expect(got?.identifiedBy).toBe('labels');
    expect(got?.entry).toEqual({ ...e, seq: 1 });
    expect(got?.source.cells).toMatchObject({
      vision: 'C5',
      goal: 'C7',
      firstHalf: 'D10',
      secondHalf: 'D11',
      achievement: 'C12',
      evaluation: 'C13',
    });
    expect(result.extraction.sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ['Sheet1', 'entry'],
      ['メモ', 'not-entry'],
    ]);
  });
});
