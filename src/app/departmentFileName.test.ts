import { describe, expect, it } from 'vitest';
import { fileNameKind, type FileNameKind } from './departmentFileName';

describe('fileNameKind', () => {
  it.each<[string, FileNameKind]>([
    ['総務課.xlsx', 'workbook'],
    ['総務課.XLSM', 'workbook'],
    ['~$総務課.xlsx', 'lock'],
    ['.~lock.総務課.xlsx#', 'lock'],
    ['~WRL0001.tmp', 'temp'],
    ['~総務課.xlsx', 'temp'],
    ['._総務課.xlsx', 'temp'],
    ['A1B2C3D4.tmp', 'temp'],
    // Another spreadsheet format: read, to be refused with how to save it as .xlsx.
    ['総務課.xls', 'workbook'],
    ['総務課.xlsb', 'workbook'],
    ['総務課.ods', 'workbook'],
    // A return in the wrong form: read, to be refused naming what it is.
    ['総務課.pdf', 'workbook'],
    ['総務課.docx', 'workbook'],
    ['メモ.png', 'other'],
    ['メモ.txt', 'other'],
    ['総務課.xlsx.pdf', 'workbook'],
  ])('%s is %s', (name, kind) => {
    expect(fileNameKind(name)).toBe(kind);
  });
});
