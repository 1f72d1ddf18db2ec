import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractWorkbook } from '../../src/domain/extract/extractWorkbook';
import { r2Sample } from '../../src/domain/sample/r2';
import { entryLayout, inputAddress, inputFor } from '../../src/domain/template/entryLayout';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/readXlsxSnapshot';
import { writeXlsx } from '../../src/workbook/xlsx/writeXlsx';
import { KPI_FILLED, KPI_FORM, kpiSheet } from '../helpers/kpiForm';

const plan = r2Sample().plan;
const sheet = kpiSheet();
const spec = { sheets: [sheet], properties: { title: 'KPI' } };
const rateCell = inputAddress(inputFor(entryLayout(KPI_FORM), 'rate'));

/** What a department's Excel leaves in the file: the 計算 cell's cached result beside its formula. */
async function withCachedRate(bytes: Uint8Array, result: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cell = wb.getWorksheet('KPI')!.getCell(rateCell);
  cell.value = { formula: (cell.value as { formula: string }).formula, result };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const expected = { ...KPI_FILLED, rate: '0.9' };

describe('a 指標 entry sheet through real .xlsx files', () => {
  it.each([
    ['ExcelJS', async () => (await excelJsFactory.create(spec)).toBuffer()],
    ['the spec writer', () => writeXlsx(spec)],
  ])(
    'written by %s, read by both readers: numbers, date and the recomputed 計算 field come back',
    async (_w, write) => {
      for (const bytes of [await write(), await withCachedRate(await write(), 0.9)]) {
        const opened = await excelJsFactory.open(bytes, 'kpi.xlsx');
        if (!opened.ok) throw new Error(opened.error.message);
        const own = await readXlsxSnapshot(bytes, 'kpi.xlsx');
        if (!own.ok) throw new Error(own.error.message);
        const snapshots = [await opened.value.readSnapshot(), own.value];
        for (const snapshot of snapshots) {
          const x = extractWorkbook(snapshot, { file: 'kpi.xlsx', plan, form: KPI_FORM });
          expect(x.findings).toEqual([]);
          expect(x.entries.map((e) => e.entry.fields)).toEqual([expected]);
        }
      }
    },
  );
});
