import type { WorkbookSpec } from '../../src/domain/template/sheetSpec';
import { createFakeExcel, installFakeExcel, type FakeExcel } from './fake/fakeExcel';
import { OfficeJsPort } from '../../src/workbook/officejs/officeJsPort';

export type InstalledFake = FakeExcel & { uninstall(): void };

/** A fresh fake Excel installed as the globals, holding one empty `Sheet1`. */
export const installFresh = (excelApi?: string): InstalledFake => {
  const fake = installFakeExcel(createFakeExcel());
  if (excelApi) fake.setExcelApi(excelApi);
  return fake;
};

/** An OfficeJsPort over the installed fake, whose workbook holds exactly the spec's sheets. */
export async function portWith(fake: FakeExcel, spec?: WorkbookSpec): Promise<OfficeJsPort> {
  const port = new OfficeJsPort();
  if (spec && spec.sheets.length > 0) {
    await port.writeSheets(spec.sheets);
    if (!spec.sheets.some((s) => s.name.toLowerCase() === 'sheet1')) await port.deleteSheets(['Sheet1']);
  }
  fake.resetStats();
  return port;
}
