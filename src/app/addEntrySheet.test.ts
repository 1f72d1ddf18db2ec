import { describe, expect, it } from 'vitest';
import { r2Sample } from '../domain/sample/r2';
import { buildDepartmentWorkbook } from '../domain/template/buildDepartmentWorkbook';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import { addEntrySheet } from './addEntrySheet';
import { readWorkbook } from './validateWorkbook';

const { plan } = r2Sample();

describe('addEntrySheet', () => {
  it('adds seq 2 for the same item and lists it in the 目次', async () => {
    const port = await excelJsFactory.create(
      buildDepartmentWorkbook({ plan, department: '町民生活課', fiscalYear: 2021 }),
    );
    const result = await addEntrySheet(port, {
      plan,
      code: 'II-1-3-2',
      department: '町民生活課',
      fiscalYear: 2021,
      file: '町民生活課.xlsx',
    });
    expect(result).toEqual({ ok: true, sheet: 'II-1-3-2 町民生活課 (2)', seq: 2 });
    const again = await addEntrySheet(port, {
      plan,
      code: 'II-1-3-2',
      department: '町民生活課',
      fiscalYear: 2021,
      file: '町民生活課.xlsx',
    });
    expect(again).toMatchObject({ ok: true, seq: 3 });
    const read = await readWorkbook(port, { file: '町民生活課.xlsx', plan });
    expect(
      read.extraction.entries.filter((e) => e.entry.code === 'II-1-3-2').map((e) => e.entry.seq),
    ).toEqual([1, 2, 3]);
    const toc = (await port.readSnapshot(['目次'])).sheets[0]!;
    expect(
      toc.values.flat().filter((v) => typeof v === 'string' && v.startsWith('II-1-3-2 町民生活課')),
    ).toEqual(['II-1-3-2 町民生活課', 'II-1-3-2 町民生活課 (2)', 'II-1-3-2 町民生活課 (3)']);
  });

  it('refuses an item that is not in the 体系', async () => {
    const port = await excelJsFactory.create(
      buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear: 2021 }),
    );
    const result = await addEntrySheet(port, {
      plan,
      code: 'I-9-9-9',
      department: '総務課',
      fiscalYear: 2021,
      file: 'x.xlsx',
    });
    expect(result).toMatchObject({ ok: false, finding: { code: 'template.unknown-item' } });
  });
});
