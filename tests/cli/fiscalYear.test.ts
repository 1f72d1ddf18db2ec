import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { r2FilledFiles, runCli, tempDir } from './runCli';

const R3 = 2021;
const R4 = 2022;

/** The sample's department files, filled, as if built and returned for another year. */
async function filledFor(fiscalYear: number, departments?: readonly string[]) {
  const { plan, entries } = r2Sample();
  return buildDepartmentFiles(excelJsFactory, {
    plan,
    fiscalYear,
    entries: entries.map((e) => ({ ...e, fiscalYear })),
    ...(departments && { departments }),
  });
}

interface Report {
  fiscalYear: number;
  year: { kind: string };
  summary: { entries: number; missing: number; wrongYearSheets: number };
  inputs: { file: string; sheets: { outcome: string; keptText?: string }[] }[];
  submissions: { department: string; errors: number; missing: string[] }[];
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
const r2: string[] = [];
const r3: string[] = [];
let r4 = '';
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  // Named apart, so a folder can hold one department's file of two years.
  for (const f of await r2FilledFiles()) {
    await writeFile(join(dir, `R2_${f.fileName}`), f.bytes);
    r2.push(`R2_${f.fileName}`);
  }
  for (const f of await filledFor(R3)) {
    await writeFile(join(dir, `R3_${f.fileName}`), f.bytes);
    r3.push(`R3_${f.fileName}`);
  }
  const [r4File] = await filledFor(R4, ['総務課']);
  r4 = `R4_${r4File!.fileName}`;
  await writeFile(join(dir, r4), r4File!.bytes);
});
afterAll(() => cleanup());

const report = async (name: string): Promise<Report> =>
  JSON.parse(await readFile(join(dir, name), 'utf8')) as Report;
const exists = (name: string) =>
  stat(join(dir, name)).then(
    () => true,
    () => false,
  );

describe('suishin consolidate: the year of the run', () => {
  it('uses the year every file carries when --year is left out, and says so', async () => {
    // The R2 plan's own year (令和2年度) is only the default: the R3 files decide.
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      ...r3,
      '--out',
      'r3.xlsx',
      '--report',
      'r3.json',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('全体計画に集約しました（令和3年度・年度末');
    expect(r.stdout).toContain(
      '年度: 令和3年度（--year の指定がないため、ファイルに書かれた年度で集約しました。体系の年度（令和2年度）とは違います）',
    );
    const rep = await report('r3.json');
    expect([rep.fiscalYear, rep.year.kind, rep.summary.entries, rep.summary.missing]).toEqual([
      R3,
      'inferred',
      37,
      0,
    ]);
  });

  it("uses the plan's year when the files disagree and it is one of theirs, naming the files of each year", async () => {
    const sent = r2.find((f) => f.includes('総務課'))!;
    const wrong = r3.find((f) => f.includes('総務課'))!;
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      ...r2,
      wrong,
      '--out',
      'mixed.xlsx',
      '--report',
      'mixed.json',
    );
    expect(r.stdout).toContain(
      '年度: 令和2年度（--year の指定がなく、ファイルの年度が揃っていないため体系の年度で集約しました）',
    );
    expect(r.stdout).toContain(`令和3年度: ${wrong}`);
    expect(r.stdout).toMatch(/年度違い（集約対象外） \d+/);
    const rep = await report('mixed.json');
    // The newer 令和3年度 file replaced nothing: every 令和2年度 entry stands.
    expect([rep.fiscalYear, rep.summary.entries, rep.summary.missing]).toEqual([2020, 37, 0]);
    const wrongSheets = rep.inputs.find((i) => i.file === wrong)!.sheets.filter((s) => s.outcome !== 'toc');
    expect(wrongSheets.length).toBeGreaterThan(0);
    expect(wrongSheets.every((s) => s.outcome === 'wrong-year' && (s.keptText ?? '') !== '')).toBe(true);
    expect(rep.inputs.find((i) => i.file === sent)!.sheets.some((s) => s.outcome === 'replaced')).toBe(false);
    expect(rep.submissions.find((s) => s.department === '総務課')!.errors).toBe(wrongSheets.length);
    expect([rep.year.kind, rep.summary.wrongYearSheets]).toEqual(['mixed', wrongSheets.length]);
  });

  it('stops without writing when the files disagree and none carries the default year', async () => {
    const r = await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...r3, r4, '--out', 'undecided.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ファイルの年度が揃っていないため、どの年度として集約するか決められません');
    expect(r.stderr).toContain(`令和4年度: ${r4}`);
    expect(r.stderr).toMatch(/令和3年度: R3_/);
    expect(r.stderr).toContain('--year で集約する年度を指定してください');
    expect(await exists('undecided.xlsx')).toBe(false);
  });

  it('refuses to write one year over a master of another, with or without --year, and keeps it', async () => {
    expect(
      (await runCli(dir, 'consolidate', '--plan', 'sample:r2', ...r3, '--out', 'r3master.xlsx')).code,
    ).toBe(0);
    const before = await readFile(join(dir, 'r3master.xlsx'));
    for (const year of [[], ['--year', '令和2年度']]) {
      const r = await runCli(dir, 'consolidate', ...r2, ...year, '--out', 'r3master.xlsx');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        '集約先の「r3master.xlsx」は令和3年度の全体計画です。令和2年度として集約すると令和3年度の全体計画が失われるため、何も書かずに止めました。令和2年度の集約は別の --out（新しいファイル名）に書いてください。令和3年度の全体計画を集約し直すときは、令和3年度のファイルを指定してください。',
      );
      expect((await readFile(join(dir, 'r3master.xlsx'))).equals(before)).toBe(true);
    }
    // The same year again is the usual re-run.
    expect((await runCli(dir, 'consolidate', ...r3, '--out', 'r3master.xlsx')).code).toBe(0);
  });

  it('with --year, keeps a wrong-year file out and names it: its department is not complete', async () => {
    const wrong = r2.find((f) => f.includes('総務課'))!;
    const others = r3.filter((f) => !f.includes('総務課'));
    const r = await runCli(
      dir,
      'consolidate',
      '--plan',
      'sample:r2',
      '--year',
      '令和3年度',
      ...others,
      wrong,
      '--out',
      'explicit.xlsx',
      '--report',
      'explicit.json',
    );
    expect(r.stdout).toContain('年度: 令和3年度（--year の指定）。ほかの年度のシートがあるファイル:');
    expect(r.stdout).toContain(`令和2年度: ${wrong}`);
    const rep = await report('explicit.json');
    const soumu = rep.submissions.find((s) => s.department === '総務課')!;
    expect(soumu.missing.length).toBeGreaterThan(0);
    expect(soumu.errors).toBeGreaterThan(0);
    expect(r.stdout).not.toContain('指摘: エラー 0 件');
  });
});

describe('suishin validate: the year checked', () => {
  it.each<[string, () => string[], string[], () => string[]]>([
    [
      'names the one year the files carry when --year is left out',
      () => r3.slice(0, 2),
      [],
      () => ['年度: 令和3年度（--year の指定がないため、ファイルに書かれた年度で検証しました）'],
    ],
    [
      'names the files of each year when they disagree',
      () => [r3[0]!, r4],
      [],
      () => [
        '年度: ファイルの年度が揃っていません。',
        `令和3年度: ${r3[0]}`,
        `令和4年度: ${r4}`,
        '--year を指定してください',
      ],
    ],
    [
      'names the files of another year than --year',
      () => [r3[0]!, r4],
      ['--year', '令和3年度'],
      () => ['年度: 令和3年度（--year の指定）。ほかの年度のシートがあるファイル:', `令和4年度: ${r4}`],
    ],
  ])('%s', async (_name, inputs, options, said) => {
    const r = await runCli(dir, 'validate', ...inputs(), ...options);
    for (const line of said()) expect(r.stdout).toContain(line);
  });

  it('gives the decision in --json', async () => {
    const r = await runCli(dir, 'validate', r3[0]!, r4, '--json');
    expect((JSON.parse(r.stdout) as { year: unknown }).year).toMatchObject({
      kind: 'undecided',
      byYear: [
        { fiscalYear: R3, files: [r3[0]] },
        { fiscalYear: R4, files: [r4] },
      ],
    });
  });
});
