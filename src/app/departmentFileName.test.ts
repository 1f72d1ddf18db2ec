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
    ['総務課.xls', 'other'],
    ['メモ.txt', 'other'],
    ['総務課.xlsx.pdf', 'other'],
  ])('%s is %s', (name, kind) => {
    expect(fileNameKind(name)).toBe(kind);
  });
});
