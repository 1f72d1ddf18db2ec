import { describe, expect, it } from 'vitest';
import { excelJsFactory } from '../exceljs/excelJsFactory';
import { contractSheet, contractWorkbook, PORT_CASES, type PortCase } from './portCases';
import { runPortCases } from './runPortCases';
import { SCRATCH_PREFIX } from './scratchPort';

const userWorkbook = () =>
  excelJsFactory.create(
    contractWorkbook(
      contractSheet('A', { cells: [{ row: 0, column: 0, value: '町の表' }] }),
      contractSheet('目次', { cells: [{ row: 0, column: 0, value: '町の目次' }] }),
    ),
  );

describe('runPortCases: the contract cases on a workbook that already holds the user’s sheets', () => {
  it('passes every case through the scratch view, leaves the user’s sheets as they were and no scratch sheet', async () => {
    const port = await userWorkbook();
    const before = await port.readSnapshot();
    const seen: number[] = [];
    const results = await runPortCases(port, (_, index) => seen.push(index));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(PORT_CASES.length);
    expect(seen).toEqual(PORT_CASES.map((_, i) => i));
    expect(await port.readSnapshot()).toEqual(before);
  });

  it.each([
    ['a case that throws', async () => Promise.reject(new Error('わざと失敗'))],
    [
      'a case whose port call fails',
      async ({ makePort }) => void (await (await makePort()).writeSheets([contractSheet('a/b')])),
    ],
  ] as [string, PortCase['run']][])(
    'reports %s as failed with its message and runs the next one',
    async (_, run) => {
      const port = await userWorkbook();
      const cases: PortCase[] = [
        { group: 'g', name: 'fails', label: '失敗する', run },
        {
          group: 'g',
          name: 'passes',
          label: '合格する',
          run: async ({ makePort }) => void (await makePort(contractWorkbook(contractSheet('X')))),
        },
      ];
      const results = await runPortCases(port, undefined, cases);
      expect(results.map((r) => [r.name, r.ok])).toEqual([
        ['fails', false],
        ['passes', true],
      ]);
      expect(results[0]?.message).toBeTruthy();
      expect(
        (await port.listSheets()).map((s) => s.name).filter((n) => n.startsWith(SCRATCH_PREFIX)),
      ).toEqual([]);
    },
  );
});
