import { describe, expect, it } from 'vitest';
import { ok } from '../domain/result';
import { r2Sample } from '../domain/sample/r2';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import { buildDepartmentFiles } from './buildWorkbooks';
import { readSources } from './consolidate';

describe('readSources', () => {
  it('gives the host a turn before each file, even when the reader answers at once (file mode from file://)', async () => {
    const turns: string[] = [];
    setImmediate(() => turns.push('turn'));
    await readSources(
      r2Sample().plan,
      ['a.xlsx', 'b.xlsx'].map((file) => ({ file, modified: 0, bytes: new Uint8Array() })),
      {
        factory: excelJsFactory,
        fiscalYear: 2020,
        // A reader on the page's own thread: its answer is ready at once.
        readSnapshot: async (_bytes, file) => {
          turns.push(`read ${file}`);
          setImmediate(() => turns.push(`turn after ${file}`));
          return ok({ sheets: [] });
        },
      },
    );
    expect(turns).toEqual(['turn', 'read a.xlsx', 'turn after a.xlsx', 'read b.xlsx']);
  });

  it('buildDepartmentFiles gives the host a turn before each department’s workbook', async () => {
    const turns: string[] = [];
    setImmediate(() => turns.push('turn'));
    const factory = {
      ...excelJsFactory,
      create: async () => {
        turns.push('create');
        setImmediate(() => turns.push('turn after create'));
        return { toBuffer: async () => new Uint8Array(), close: async () => undefined } as never;
      },
    };
    const { plan } = r2Sample();
    await buildDepartmentFiles(factory, {
      plan,
      fiscalYear: 2020,
      departments: plan.departments.slice(0, 2),
    });
    expect(turns).toEqual(['turn', 'create', 'turn after create', 'create']);
  });
});
