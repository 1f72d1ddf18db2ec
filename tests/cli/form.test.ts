import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallyField, type FormDefinition } from '../../src/domain/entry/formDefinition';
import { buildFormSheet } from '../../src/domain/form/buildFormSheet';
import { r2Sample } from '../../src/domain/sample/r2';
import { buildPlanSheet } from '../../src/domain/template/buildPlanSheet';
import type { SheetSpec } from '../../src/domain/template/sheetSpec';
import { MASTER_READ_LIMITS } from '../../src/workbook/readLimits';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/readXlsxSnapshot';
import { writeXlsx } from '../../src/workbook/xlsx/writeXlsx';
import { kpiFormFromRows } from '../helpers/formSheetRows';
import { runCli, tempDir } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const { plan, fiscalYear } = r2Sample();
const kpi = kpiFormFromRows();

/** A 体系 workbook: the R2 体系 sheet and, when given, a 様式 sheet. */
async function planWorkbook(name: string, formSheet?: SheetSpec): Promise<string> {
  const sheets = [
    buildPlanSheet({ plan, fiscalYear, title: '町政運営推進プラン' }),
    ...(formSheet ? [formSheet] : []),
  ];
  await writeFile(join(dir, name), await writeXlsx({ sheets, properties: { title: name } }));
  return name;
}

/** The 様式 sheet of a form with one cell replaced. */
function withCell(form: FormDefinition, row: number, column: number, value: string): SheetSpec {
  const spec = buildFormSheet(form);
  return {
    ...spec,
    cells: spec.cells.map((c) => (c.row === row && c.column === column ? { ...c, value } : c)),
  };
}

describe('suishin form', () => {
  it('prints the form of the 様式 sheet as JSON, as read', async () => {
    const file = await planWorkbook('kpi.xlsx', buildFormSheet(kpi));
    const r = await runCli(dir, 'form', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      sheet: string;
      builtIn: boolean;
      form: unknown;
      findings: unknown[];
    };
    expect(out).toMatchObject({ source: file, sheet: '様式', builtIn: false, findings: [] });
    expect(out.form).toEqual(JSON.parse(JSON.stringify(kpi)));
  });

  it('prints the form as a table: kinds, requirement, band, 集計, formula, judge and the implied 判定理由', async () => {
    const r = await runCli(dir, 'form', 'kpi.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`様式: kpi.xlsx（「様式」シート）  指標シート  版 yoshiki@${kpi.version}`);
    const lines = r.stdout.split('\n');
    const line = (label: string) => lines.find((l) => l.includes(`  ${label}  `)) ?? '';
    expect(line('達成率')).toMatch(/指標\s+達成率\s+rate\s+計算\s+任意\s+○\s+計算式: 実績値 \/ 目標値/);
    expect(line('評価')).toMatch(
      /評価\s+grade\s+選択\s+年度末\s+○\s+○\s+選択肢: A、B、C、D {2}判定: 達成率 >= 100% → A/,
    );
    expect(line('判定理由')).toContain('gradeReason');
  });

  it('exits 1 and names the cell for a broken 様式, reading the rest', async () => {
    const file = await planWorkbook('broken.xlsx', withCell(kpi, 3, 3, '整数'));
    const r = await runCli(dir, 'form', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('様式の指摘: エラー');
    expect(r.stdout).toContain('エラー  「様式」 D4  「目標値」の種類「整数」は使えません');
    const json = JSON.parse((await runCli(dir, 'form', file, '--json')).stdout) as {
      findings: { code: string; place: { cell: string; sheet: string; file: string } }[];
    };
    expect(json.findings[0]).toMatchObject({
      code: 'form.kind-unknown',
      place: { cell: 'D4', sheet: '様式', file },
    });
  });

  it('without a 様式 sheet prints the built-in R2 form and says so', async () => {
    const file = await planWorkbook('r2.xlsx');
    const r = await runCli(dir, 'form', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('組み込みの R2 の様式（「r2.xlsx」に「様式」シートはありません）');
    expect(r.stdout).toMatch(/進捗状況\s+前期 \(4～9月\)\s+firstHalf\s+文章\s+前期\s+○/);
    const json = JSON.parse((await runCli(dir, 'form', file, '--json')).stdout) as {
      builtIn: boolean;
      form: { id: string };
    };
    expect(json).toMatchObject({ builtIn: true, form: { id: 'suishin-standard' } });
  });

  it('plan names the 様式 it found, or the built-in one', async () => {
    expect((await runCli(dir, 'plan', 'broken.xlsx')).stdout).toContain(
      '様式: 「様式」シート（項目 4、エラー 3 件、警告 0 件、情報 0 件）— suishin form で確認できます',
    );
    expect((await runCli(dir, 'plan', 'r2.xlsx')).stdout).toContain(
      '様式: 組み込みの R2 の様式（様式シートなし）',
    );
  });

  it('exits 2 for a file it cannot read and for a missing argument', async () => {
    expect((await runCli(dir, 'form', 'none.xlsx')).code).toBe(2);
    expect((await runCli(dir, 'form')).code).toBe(2);
  });
});

describe('--plan reads the 体系 and its 様式 together', () => {
  it('build follows the 様式, and extract with the same --plan reads the sheets by its fields', async () => {
    const built = await runCli(dir, 'build', '--plan', 'kpi.xlsx', '--out', 'kpi', '--department', '総務課');
    expect(built.code, built.stderr).toBe(0);
    const r = await runCli(dir, 'extract', join('kpi', '総務課.xlsx'), '--plan', 'kpi.xlsx', '--json');
    const out = JSON.parse(r.stdout) as { entries: { fields: Record<string, string> }[] };
    expect(out.entries.length).toBeGreaterThan(0);
    expect(Object.keys(out.entries[0]?.fields ?? {})).toEqual(
      expect.arrayContaining(['indicator', 'target', 'grade']),
    );
  });

  it('extract without --plan reads and prints a department workbook by the 様式 it carries', async () => {
    // The workbook the test above built from kpi.xlsx: it carries the 様式 (hidden).
    const r = await runCli(dir, 'extract', join('kpi', '総務課.xlsx'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { entries: { fields: Record<string, string> }[] };
    expect(out.entries.length).toBeGreaterThan(0);
    // The 指標 form's fields, not the R2 form's (which it printed before, the 指標 fields left out).
    expect(Object.keys(out.entries[0]?.fields ?? {})).toEqual(kpi.fields.map((f) => f.key));
    const human = await runCli(dir, 'extract', join('kpi', '総務課.xlsx'));
    expect(human.stdout).toContain(tallyField(kpi)?.label ?? '集計');
  });

  it('validate with the same --plan checks the sheets against the 様式 (its required fields)', async () => {
    const r = await runCli(
      dir,
      'validate',
      join('kpi', '総務課.xlsx'),
      '--plan',
      'kpi.xlsx',
      '--stage',
      'plan',
      '--json',
    );
    const out = JSON.parse(r.stdout) as { findings: { message: string; place: { field?: string } }[] };
    const fields = new Set(out.findings.map((f) => f.place.field));
    expect(fields).toContain('indicator');
    expect(fields).toContain('target');
    expect(fields).not.toContain('vision');
  });

  it('build --master keeps the 様式 in the master, and consolidate reads the sheets by it (the 体系 from --out)', async () => {
    const built = await runCli(
      dir,
      'build',
      '--plan',
      'kpi.xlsx',
      '--out',
      'kpi',
      '--department',
      '総務課',
      '--master',
      // 総務課.xlsx is there from the first build.
      '--overwrite',
    );
    expect(built.code, built.stderr).toBe(0);
    const master = join('kpi', '全体計画.xlsx');
    const form = JSON.parse((await runCli(dir, 'form', master, '--json')).stdout) as {
      form: { version: string };
    };
    expect(form.form.version).toBe(kpi.version);
    const r = await runCli(dir, 'consolidate', join('kpi', '総務課.xlsx'), '--out', master);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('シート: 15 枚（目次 1、未記入のため集約対象外 13、様式 1）');
    const read = await readXlsxSnapshot(await readFile(join(dir, master)), master, {
      sheets: ['全体計画'],
      limits: MASTER_READ_LIMITS,
    });
    const header = read.ok ? read.value.sheets[0]?.values[2] : [];
    expect(header).toEqual(expect.arrayContaining(['成果指標', '目標値', '達成率', '評価', '判定理由']));
  });

  it('a master consolidate creates keeps the --plan 様式, so that the next run reads the sheets by it', async () => {
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'kpi.xlsx',
      join('kpi', '総務課.xlsx'),
      '--out',
      'fresh.xlsx',
    );
    expect(r.code, r.stderr).toBe(0);
    const form = JSON.parse((await runCli(dir, 'form', 'fresh.xlsx', '--json')).stdout) as {
      sheet: string;
      form: { version: string };
    };
    expect(form).toMatchObject({ sheet: '様式', form: { version: kpi.version } });
    const again = await runCli(dir, 'consolidate', join('kpi', '総務課.xlsx'), '--out', 'fresh.xlsx');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('シート: 15 枚（目次 1、未記入のため集約対象外 13、様式 1）');
  });

  it('a 様式 with errors stops build, with its findings on stderr', async () => {
    const r = await runCli(
      dir,
      'build',
      '--plan',
      'broken.xlsx',
      '--out',
      'broken',
      '--department',
      '総務課',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '様式「broken.xlsx」にエラーがあるため、シートを作れません。誤りのある行を除いたままでは、その欄のないシートになります。下の誤りを直してから実行してください。',
    );
    expect(r.stderr).toContain('broken.xlsx 「様式」 D4  「目標値」の種類「整数」は使えません');
  });
});
