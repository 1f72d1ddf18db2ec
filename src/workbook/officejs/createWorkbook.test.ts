import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesToBase64, createWorkbookFromBytes, createWorkbookWithSheets } from './createWorkbook';
import { installFresh, type InstalledFake } from '../../../tests/officejs/testPort';

let fake: InstalledFake;
beforeEach(() => {
  fake = installFresh();
});
afterEach(() => fake.uninstall());

const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 70_000 }, (_, i) => i % 256)]);

describe('createWorkbookWithSheets: a new workbook in Excel from .xlsx bytes', () => {
  it('passes the base64 bytes to Excel.createWorkbook', async () => {
    await createWorkbookFromBytes(XLSX);
    expect(fake.state.createdWorkbooks).toEqual([bytesToBase64(XLSX)]);
    expect(atob(fake.state.createdWorkbooks[0] ?? '').length).toBe(XLSX.length);
  });

  it('needs ExcelApi 1.8', async () => {
    fake.setExcelApi('1.7');
    await expect(createWorkbookWithSheets(bytesToBase64(XLSX))).rejects.toMatchObject({
      name: 'OfficeOperationError',
      code: 'ApiNotFound',
    });
    expect(fake.state.createdWorkbooks).toEqual([]);
  });

  it('maps Excel’s refusal to a typed error', async () => {
    await expect(createWorkbookWithSheets('not base64!')).rejects.toMatchObject({
      name: 'OfficeOperationError',
      code: 'InvalidArgument',
    });
  });
});
