import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildDepartmentFiles } from '../../src/app/buildWorkbooks';
import { countBySeverity, type Finding } from '../../src/domain/finding';
import { r2Sample } from '../../src/domain/sample/r2';
import { WRONG_YEAR_LABEL } from '../../src/taskpane/tabs/consolidationCounts';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';
import { readWorkbook } from './xlsx';
import { CORRUPT_FILE, MASTER_FILE } from './fixtures';
import {
  downloads,
  itMadeNoRequests,
  paneForSuite,
  recordedProgress,
  recordProgress,
  statValue,
  tab,
} from './pane';

const baseUrl = inject('baseUrl');
const WRONG_YEAR_FILE = '町民生活課_令和3年度.xlsx';

interface Report {
  summary: { entries: number; rejectedFiles: number };
  inputs: { file: string; sheets: { outcome: string }[] }[];
  findings: Finding[];
}
const fixtures = inject('fixtures');
const sample = r2Sample();
const CODE = /^(I|II|III|IV|V)-\d+-\d+-\d+$/;

describe('集約 in file mode (scenario 3)', () => {
  const pane = paneForSuite(baseUrl);

  it('consolidates the 8 R2 department workbooks and names the corrupted file with its reason', async () => {
    const { page } = pane();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(fixtures.master);
    await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();

    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();
    const inputs = [...fixtures.departments, fixtures.corrupt];
    await panel.getByLabel('集約する各課のファイル').setInputFiles(inputs);
    const list = panel.getByRole('region', { name: '集約するファイル' });
    await list
      .getByRole('listitem')
      .nth(inputs.length - 1)
      .waitFor();
    expect(await list.getByText('待機', { exact: true }).count()).toBe(9);

    await recordProgress(page);
    const run = panel.getByRole('button', { name: '9 個のファイルを集約' });
    await run.click();
    await panel.getByLabel('集約の結果').waitFor();
    // The run's button is brought to the top of the page, its focus ring and the line above it in sight.
    await expect
      .poll(() => run.evaluate((b) => Math.round(b.getBoundingClientRect().top)))
      .toBeGreaterThanOrEqual(24);
    expect(await run.evaluate((b) => b.getBoundingClientRect().top)).toBeLessThan(80);

    const progress = await recordedProgress(page);
    // One step per file, named, in order, then the writing: the bar moves while the files are read. Not every
    // step is painted: the corrupted file (9 / 9) is refused within microseconds, and its label may be
    // replaced before the next frame.
    const steps = progress
      .flatMap((label) => / を読み込み中（(\d) \/ 9）$/.exec(label)?.[1] ?? [])
      .map(Number);
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(progress).toContain(`${basename(inputs[0]!)} を読み込み中（1 / 9）`);
    expect(progress.indexOf('全体計画を書き込み中')).toBeGreaterThan(
      progress.indexOf(`${basename(inputs[0]!)} を読み込み中（1 / 9）`),
    );

    expect(await statValue(page, '集約の結果', '集約した取組項目')).toBe(37);
    expect(await statValue(page, '集約の結果', '未提出の取組項目')).toBe(0);
    expect(await statValue(page, '集約の結果', '受付不可のファイル')).toBe(1);
    await panel
      .getByText(
        /^8 個のファイルから取組項目 37 件を「全体計画」に集約しました（未提出 0 件）。確認が必要です: 受け付けられなかったファイル 1 個/,
      )
      .waitFor();

    const broken = list.getByRole('listitem').filter({ hasText: CORRUPT_FILE });
    expect(await broken.textContent()).toMatch(/エラー/);
    expect(await broken.textContent()).toContain(
      `「${CORRUPT_FILE}」を Excel ブックとして読み込めませんでした`,
    );
    const rejected = panel.getByText('受け付けられなかったファイル', { exact: true }).locator('..');
    expect(await rejected.textContent()).toContain(`「${CORRUPT_FILE}」`);

    for (const department of sample.plan.departments) {
      const item = list.getByRole('listitem').filter({ hasText: `${department}.xlsx` });
      expect(await item.textContent()).toMatch(/集約済み|要確認/);
      expect(await item.textContent()).toMatch(/\d+ シートを集約/);
    }
    // 教育振興課 only has 全課 sheets, and left them blank in R2: read, counted, not lost, and not shown as done.
    const blank = await list.getByRole('listitem').filter({ hasText: '教育振興課.xlsx' }).textContent();
    expect(blank).toMatch(/0 シートを集約（未記入のため集約対象外 \d+）/);
    expect(blank).toContain('要確認');
  });

  it('downloads the master workbook with the 37 entries and report.json', async () => {
    const { page } = pane();
    const { panel } = tab(page, '集約');
    const [master] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: '全体計画 (.xlsx) をダウンロード' }).click(),
    );
    expect(master!.name).toBe(MASTER_FILE);
    const wb = await readWorkbook(master!.path);
    const view = wb.getWorksheet('全体計画')!;
    const rows: { code: string; department: string }[] = [];
    view.eachRow((row) => {
      const code = String(row.getCell(1).value ?? '');
      if (CODE.test(code)) rows.push({ code, department: String(row.getCell(5).value) });
    });
    expect(rows).toHaveLength(37);
    const expected = sample.entries.map((e) => `${e.code} ${e.department}`).sort();
    expect(rows.map((r) => `${r.code} ${r.department}`).sort()).toEqual(expected);
    expect(wb.worksheets.filter((ws) => ws.name.startsWith('報告 '))).toHaveLength(37);
    // The log accounts for the corrupted file too.
    const log = wb.getWorksheet('集約ログ')!;
    const logged: string[] = [];
    log.eachRow((row) => logged.push((row.values as unknown[]).join(' ')));
    expect(logged.some((line) => line.includes(CORRUPT_FILE))).toBe(true);

    const [report] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: 'report.json をダウンロード' }).click(),
    );
    const json = JSON.parse(readFileSync(report!.path, 'utf8')) as Report;
    expect(json.summary).toEqual(expect.objectContaining({ entries: 37, rejectedFiles: 1 }));
    // The pane's エラー and 警告 are the CLI's: every finding of report.json, reading findings included.
    const counts = countBySeverity(json.findings);
    expect(await statValue(page, '集約の結果', 'エラー')).toBe(counts.error);
    expect(await statValue(page, '集約の結果', '警告')).toBe(counts.warning);
  });

  itMadeNoRequests(pane);
});

describe('集約 in file mode: two files of one name, and a file of another year', () => {
  const pane = paneForSuite(baseUrl);

  it('gives each file its own row and outcome, and counts the other year’s findings in its row and the result', async () => {
    const { page } = pane();
    await page.locator('input[type="file"][aria-label="開くブック"]').first().setInputFiles(fixtures.master);
    await page.getByRole('heading', { name: 'シート「体系」・令和2年度' }).waitFor();
    const { tab: consolidate, panel } = tab(page, '集約');
    await consolidate.click();

    const somu = fixtures.departments.find((f) => basename(f) === '総務課.xlsx')!;
    const nextYear = sample.fiscalYear + 1;
    const [wrongYear] = await buildDepartmentFiles(excelJsFactory, {
      plan: sample.plan,
      fiscalYear: nextYear,
      departments: ['町民生活課'],
      entries: sample.entries
        .filter((e) => e.department === '町民生活課')
        .map((e) => ({ ...e, fiscalYear: nextYear })),
    });
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await panel.getByLabel('集約する各課のファイル').setInputFiles([
      { name: '総務課.xlsx', mimeType: xlsx, buffer: readFileSync(fixtures.corrupt) },
      { name: '総務課.xlsx', mimeType: xlsx, buffer: readFileSync(somu) },
      { name: WRONG_YEAR_FILE, mimeType: xlsx, buffer: Buffer.from(wrongYear!.bytes) },
    ]);
    const list = panel.getByRole('region', { name: '集約するファイル' });
    await list.getByRole('listitem').nth(2).waitFor();
    await panel.getByRole('button', { name: '3 個のファイルを集約' }).click();
    await panel.getByLabel('集約の結果').waitFor();

    const [broken, good, other] = await list.getByRole('listitem').all();
    // The broken file keeps its name and its reason; the good one of the same name is numbered and read.
    expect(await broken!.textContent()).toContain('エラー');
    expect(await broken!.textContent()).toContain('「総務課.xlsx」を Excel ブックとして読み込めませんでした');
    expect(await broken!.textContent()).toMatch(/14 B・\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 更新/);
    expect(await good!.textContent()).toContain('総務課（2）.xlsx');
    expect(await good!.textContent()).toContain('元の名前 総務課.xlsx・');
    expect(await good!.textContent()).not.toContain('読み込めませんでした');
    expect(await good!.textContent()).toMatch(/\d+ シートを集約/);
    expect(await statValue(page, '集約の結果', '受付不可のファイル')).toBe(1);

    const [report] = await downloads(page, 1, () =>
      panel.getByRole('button', { name: 'report.json をダウンロード' }).click(),
    );
    const json = JSON.parse(readFileSync(report!.path, 'utf8')) as Report;
    expect(json.inputs.map((i) => i.file).sort()).toEqual(
      [WRONG_YEAR_FILE, '総務課.xlsx', '総務課（2）.xlsx'].sort(),
    );

    // The other year's file is 要確認 with its own findings counted, and the result says there is more to see.
    const own = countBySeverity(json.findings.filter((f) => f.place.file === WRONG_YEAR_FILE));
    expect(own.error + own.warning).toBeGreaterThan(0);
    expect(await other!.textContent()).toContain('要確認');
    expect(await other!.textContent()).not.toContain('集約済み');
    expect(await other!.textContent()).toContain(`エラー ${own.error} 件・警告 ${own.warning} 件`);
    const all = countBySeverity(json.findings);
    expect(await statValue(page, '集約の結果', 'エラー')).toBe(all.error);
    expect(await statValue(page, '集約の結果', '警告')).toBe(all.warning);
    const wrongYearRecords = json.inputs.flatMap((i) => i.sheets).filter((x) => x.outcome === 'wrong-year');
    expect(await statValue(page, '集約の結果', WRONG_YEAR_LABEL)).toBe(wrongYearRecords.length);
    await panel
      .getByText(
        /^2 個のファイルから取組項目 \d+ 件を「全体計画」に集約しました（未提出 \d+ 件）。確認が必要です: /,
      )
      .waitFor();
  });

  itMadeNoRequests(pane);
});
