import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDepartmentWorkbook } from '../../domain/template/buildDepartmentWorkbook';
import { r2Sample } from '../../domain/sample/r2';
import { fileFactory } from './fileFactory';

describe('a file opened in file mode, marked, and saved', () => {
  it('opens on the cell chosen before the marks (set in the view of the sheet the package keeps)', async () => {
    const { plan } = r2Sample();
    const blank = await fileFactory.create(
      buildDepartmentWorkbook({ plan, department: '総務課', fiscalYear: 2020 }),
    );
    const bytes = await blank.toBuffer();
    const opened = await fileFactory.open(bytes, '総務課.xlsx');
    if (!opened.ok) throw new Error(opened.error.message);
    const port = opened.value;
    const sheet = (await port.listSheets())[1]!.name;
    await port.selectCell(sheet, 'D9');
    await port.markCells([{ sheet, cell: 'D9', severity: 'error' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await port.toBuffer()).slice().buffer as ArrayBuffer);
    expect(wb.getWorksheet(sheet)?.views[0]?.activeCell).toBe('D9');
    await port.close();
  });
});
