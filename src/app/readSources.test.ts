import { describe, expect, it } from 'vitest';
import { ok } from '../domain/result';
import { r2Sample } from '../domain/sample/r2';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
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
});
