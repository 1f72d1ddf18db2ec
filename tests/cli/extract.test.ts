import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_KEYS } from '../../src/domain/entry/formDefinition';
import { r2Sample } from '../../src/domain/sample/r2';
import { r2FilledFiles, runCli, tempDir, writeFiles } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeFiles(dir, await r2FilledFiles(undefined, ['総務課']));
});
afterAll(() => cleanup());

interface EntryJson {
  code: string;
  department: string;
  seq: number;
  fiscalYear: string;
  fields: Record<string, string>;
  source: { file: string; sheet: string; cells: Record<string, string> };
}

describe('suishin extract', () => {
  it('prints only JSON with --json: every entry with its fields and the cells they came from', async () => {
    const r = await runCli(dir, 'extract', '総務課.xlsx', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      entries: EntryJson[];
      sheets: { file: string; sheet: string; kind: string }[];
      findings: unknown[];
    };
    const expected = r2Sample().entries.filter((e) => e.department === '総務課');
    expect(out.entries).toHaveLength(expected.length);
    expect(out.findings).toEqual([]);
    expect(out.sheets.filter((s) => s.kind === 'toc').map((s) => s.sheet)).toEqual(['目次']);
    const first = out.entries[0]!;
    expect(Object.keys(first)).toEqual(['code', 'department', 'seq', 'fiscalYear', 'fields', 'source']);
    expect(first).toMatchObject({ code: 'I-1-1-1', department: '総務課', seq: 1, fiscalYear: '令和2年度' });
    expect(first.source).toEqual({
      file: '総務課.xlsx',
      sheet: 'I-1-1-1 総務課',
      cells: {
        vision: 'D3',
        goal: 'D4',
        actions: 'D5',
        firstHalf: 'D7',
        secondHalf: 'D8',
        achievement: 'D9',
        evaluation: 'D10',
      },
    });
    for (const e of out.entries) {
      const want = expected.find((x) => x.code === e.code && x.seq === e.seq)!;
      expect(Object.keys(e.fields)).toEqual([...FIELD_KEYS]);
      expect(e.fields).toEqual(want.fields);
    }
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(dir, 'extract', '総務課.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('■ 総務課.xlsx  取組項目 13 件（シート 14 枚: 取組項目 13、目次 1）');
    expect(r.stdout).toMatch(/I-1-1-1 総務課 +I-1-1-1 +総務課 +1 +令和2年度 +一部達成できた +7\/7/);
  });

  it('reports a file it cannot open in the JSON, naming it, and exits 2', async () => {
    await writeFile(join(dir, 'text.xlsx'), 'これはCSVです,1,2\n');
    const r = await runCli(dir, 'extract', 'text.xlsx', '総務課.xlsx', '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as {
      entries: unknown[];
      findings: { code: string; message: string; place: { file: string } }[];
    };
    expect(out.entries).toHaveLength(13);
    expect(out.findings[0]).toMatchObject({ code: 'file.not-xlsx', place: { file: 'text.xlsx' } });
    expect(out.findings[0]?.message).toContain('「text.xlsx」は Excel ブック (.xlsx) ではありません');
  });
});
