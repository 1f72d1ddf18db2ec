import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './runCli';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

const R2_COUNTS = { basics: 2, promotions: 4, groups: 13, items: 21, assignees: 33, departments: 8 };

describe('suishin plan', () => {
  it.each([
    ['the built-in sample', 'sample:r2'],
    ['samples/r2/plan.json', resolve('samples/r2/plan.json')],
  ])('prints the counts of %s as JSON', async (_, source) => {
    const r = await runCli(dir, 'plan', source, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      counts: unknown;
      fiscalYear: string;
      findings: unknown[];
      plan: { departments: string[] };
    };
    expect(out.counts).toEqual(R2_COUNTS);
    expect(out.fiscalYear).toBe('令和2年度');
    expect(out.findings).toEqual([]);
    expect(out.plan.departments).toContain('教育振興課');
  });

  it('reads the 体系 sheet of a master template, with its year', async () => {
    expect(
      (await runCli(dir, 'build', '--plan', 'sample:r2', '--out', '.', '--master', '--department', '総務課'))
        .code,
    ).toBe(0);
    const r = await runCli(dir, 'plan', '全体計画.xlsx', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      source: '全体計画.xlsx',
      sheet: '体系',
      fiscalYear: '令和2年度',
      counts: R2_COUNTS,
    });
  });

  it('prints an indented tree with each item’s code and 実践課', async () => {
    const r = await runCli(dir, 'plan', 'sample:r2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '基本項目 2、推進項目 4、取組項目グループ（①）13、取組項目（(1)）21、項目×課 33、実践課 8',
    );
    expect(r.stdout).toContain(
      'I 協働によるまちづくり\n  1 積極的な情報共有\n    ① 行政情報の公開と共有\n      (1) 効果的な情報発信手法の研究実施  [I-1-1-1]  全課【総務課】',
    );
  });

  it('exits 1 for a 体系 with errors, 2 for one it cannot read', async () => {
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({
        grid: [
          ['基本項目', '推進項目', '取組項目', '実践課'],
          ['I 協働', '1 共有', '① 公開', ''],
          ['', '', '(1) 発信', '全課'],
        ],
      }),
    );
    const bad = await runCli(dir, 'plan', 'bad.json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('エラー  bad.json D3  「全課」にはとりまとめ課が必要です');
    await writeFile(join(dir, 'broken.json'), '{ "grid": [');
    const broken = await runCli(dir, 'plan', 'broken.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('「broken.json」を JSON として読めませんでした');
  });
});
